import { parsePublications } from '../parse-publications';
import type { ImportFormatError } from '../parsed-publication';
import { collect, streamOf } from '../testing/fixtures';
import { looksLikeJsonLines, parseJsonLines } from './jsonl.parser';

const PUBLICATION = {
  id: '6f1d2c1e-0000-4000-8000-000000000001',
  title: 'Intracranial hypotension after an invented procedure',
  authors: [{ family: 'Lindqvist', given: 'Anna M' }, { family: 'Invented Neurology Group', given: null }],
  journal: 'Journal of Invented Cases',
  year: 2020,
  month: 7,
  volume: '8',
  issue: null,
  pages: 'e101',
  doi: '10.1000/jic.2020.101',
  pmid: '32000111',
  pmcid: null,
  publicationTypes: ['Case Reports'],
  meshHeadings: [{ descriptorUi: 'D020767', label: 'Intracranial Hypotension', majorTopic: true }],
  keywords: ['CSF leak'],
  language: 'eng',
  url: null,
  abstract: 'BACKGROUND: x.\n\nCASE: y.',
  citation: 'Lindqvist AM. …',
};

describe('JSON Lines parser', () => {
  it('reads a publication line and a case line (its publication), skipping blank lines, line numbers kept', async () => {
    const text = `${JSON.stringify(PUBLICATION)}\n\n${JSON.stringify({ id: 'c1', label: 'Case 1', outcome: 'FULL_RECOVERY', publication: { ...PUBLICATION, title: 'Second' } })}\r\n`;
    const records = await collect(parsePublications(streamOf(text)));
    expect(records.map((record) => [record.recordNumber, record.line, record.publication.title])).toEqual([
      [1, 1, PUBLICATION.title],
      [2, 3, 'Second'],
    ]);
    const { id: _id, citation: _citation, ...fields } = PUBLICATION;
    expect(records[0].publication).toMatchObject({ ...fields, issns: [] });
  });

  it('reads a CSL item on a line too', async () => {
    const [record] = await collect(parseJsonLines(streamOf('{"type":"article-journal","title":"CSL on a line","author":[{"family":"Okafor","given":"C"}],"issued":{"date-parts":[[2018]]}}\n')));
    expect(record.publication).toMatchObject({ title: 'CSL on a line', authors: [{ family: 'Okafor', given: 'C' }], year: 2018 });
  });

  it('reports a line that is not a JSON object, with record and line, and goes on when asked', async () => {
    const errors: ImportFormatError[] = [];
    const text = `${JSON.stringify(PUBLICATION)}\n{"title": "broken"\n[1, 2]\n${JSON.stringify({ ...PUBLICATION, title: 'Last' })}\n`;
    const records = await collect(parseJsonLines(streamOf(text), { onRecordError: (error) => errors.push(error) }));
    expect(records.map((record) => record.publication.title)).toEqual([PUBLICATION.title, 'Last']);
    expect(errors.map((error) => [error.recordNumber, error.line])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(errors[0].message).toMatch(/^JSON Lines record 2, line 2: the line is not valid JSON/);
    expect(errors[1].message).toBe('JSON Lines record 3, line 3: the line is not a JSON object');
    await expect(collect(parseJsonLines(streamOf(text)))).rejects.toThrow(/record 2, line 2/);
  });

  it('is told from a pretty-printed object by its first line', () => {
    expect(looksLikeJsonLines('{"a":1}\n{"a":2}')).toBe(true);
    expect(looksLikeJsonLines('{\n  "a": 1\n}')).toBe(false);
  });
});

describe('parseJsonLines: values that cannot be read are noted, with their field name', () => {
  it('names the field; the line is the record\'s', async () => {
    const [project, csl] = await collect(
      parseJsonLines(streamOf('{"title":"A","authors":[],"year":"19xx","doi":"nope"}\n{"title":"B","issued":{"date-parts":[["n.d."]]},"PMID":"x1"}\n')),
    );
    expect(project.notes).toEqual([
      { field: 'year', line: null, message: '"19xx" is not a year; the year was left empty' },
      { field: 'doi', line: null, message: '"nope" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
    ]);
    expect(csl.notes).toEqual([
      { field: 'issued.date-parts', line: null, message: '"n.d." is not a year; the year was left empty' },
      { field: 'PMID', line: null, message: '"x1" is not a PubMed ID (a number); the PubMed ID was left empty' },
    ]);
  });

  it('notes a year JSON cannot hold as a number (1e400 reads as Infinity) or given as another kind of value', async () => {
    const [huge, flag, object] = await collect(
      parseJsonLines(streamOf('{"title":"A","issued":{"date-parts":[[1e400]]}}\n{"title":"B","authors":[],"year":true}\n{"title":"C","issued":{"year":{"y":2019}}}\n')),
    );
    expect(huge.publication.year).toBeNull();
    expect(huge.notes).toEqual([{ field: 'issued.date-parts', line: null, message: '"Infinity" is not a year; the year was left empty' }]);
    expect(flag.notes).toEqual([{ field: 'year', line: null, message: '"true" is not a year; the year was left empty' }]);
    expect(object.notes).toEqual([{ field: 'issued.year', line: null, message: '"(an object)" is not a year; the year was left empty' }]);
  });

  it('notes a CSL month that is no month (it was left out without a word), and reads one that is', async () => {
    const [bad, good] = await collect(parseJsonLines(streamOf('{"title":"C","issued":{"date-parts":[[2015,13,45]]}}\n{"title":"D","issued":{"date-parts":[["2015","03"]]}}\n')));
    expect(bad.publication).toMatchObject({ year: 2015, month: null });
    expect(bad.notes).toEqual([{ field: 'issued.date-parts', line: null, message: '"13" is not a month; the month was left empty' }]);
    expect(good.publication).toMatchObject({ year: 2015, month: 3 });
    expect(good.notes).toEqual([]);
  });
});
