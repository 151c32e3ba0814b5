import { ImportMode } from './import-mode.enum';
import { ImportReportBuilder } from './import-report.builder';
import { REPORT_LIST_LIMIT } from './models/import-report.model';

describe('ImportReportBuilder warnings', () => {
  const builder = () => new ImportReportBuilder({ source: 'refs.ris', review: null, mode: ImportMode.PARTIAL });

  it('say where on their own: record, line (the value\'s when known, else the record\'s), field, then the message', () => {
    const report = builder();
    report.warning({ recordNumber: 12, line: 330 }, { field: 'PY', line: 340, message: '"19xx" is not a year; the year was left empty' });
    report.warning({ recordNumber: 13, line: 350 }, { field: 'title', line: null, message: '1 invisible control character (U+202E) removed' });
    report.warning({ recordNumber: 14, line: null }, { field: 'Year', message: '"2O19" is not a year; the year was left empty' });
    expect(report.build().warnings).toEqual([
      { recordNumber: 12, line: 340, field: 'PY', message: 'record 12 (line 340), field PY: "19xx" is not a year; the year was left empty' },
      { recordNumber: 13, line: 350, field: 'title', message: 'record 13 (line 350), field title: 1 invisible control character (U+202E) removed' },
      { recordNumber: 14, line: null, field: 'Year', message: 'record 14, field Year: "2O19" is not a year; the year was left empty' },
    ]);
  });

  it(`keep at most ${REPORT_LIST_LIMIT} of them and count all`, () => {
    const report = builder();
    for (let index = 1; index <= REPORT_LIST_LIMIT + 5; index += 1) report.warning({ recordNumber: index, line: index }, { field: 'PY', line: null, message: 'x' });
    const built = report.build();
    expect(built.warningCount).toBe(REPORT_LIST_LIMIT + 5);
    expect(built.warnings).toHaveLength(REPORT_LIST_LIMIT);
  });
});

describe('ImportReportBuilder errors of a refused record', () => {
  it('say where on their own, as warnings do: the CLI prints only the message ("error: the record has no title" named no record)', () => {
    const report = new ImportReportBuilder({ source: 'refs.ris', review: null, mode: ImportMode.ATOMIC });
    report.read();
    report.invalidRecord({ recordNumber: 4, line: 17 }, [{ field: 'title', message: 'the record has no title' }]);
    report.read();
    report.invalidRecord({ recordNumber: 5, line: null }, [{ field: 'year', message: 'must be 1800 or later' }, { field: null, message: 'is refused' }]);
    expect(report.build().errors).toEqual([
      { recordNumber: 4, line: 17, field: 'title', message: 'record 4 (line 17), field title: the record has no title' },
      { recordNumber: 5, line: null, field: 'year', message: 'record 5, field year: must be 1800 or later' },
      { recordNumber: 5, line: null, field: null, message: 'record 5: is refused' },
    ]);
  });
});
