import { SaxesParser } from 'saxes';
import { ImportFormatName } from '../../import/import-format.enum';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';
import { prismaFile } from './prisma-file';
import { NOT_SCREENED, prismaFlow, prismaSvg } from './prisma-flow';

const at = new Date('2025-03-01T10:00:00Z');
// Two searches of 10 records each, 10 of them duplicates; the second file had 2 records that failed.
const identification: PrismaIdentification = {
  review: 'EBP complications',
  sources: [
    { batchId: 'a', source: 'pubmed.xml', format: ImportFormatName.PUBMED_XML, importedAt: at, recordsRead: 10, recordsImported: 10, created: 10, merged: 0, skipped: 0, database: null, stored: true },
    { batchId: 'b', source: 'embase.ris', format: ImportFormatName.RIS, importedAt: at, recordsRead: 12, recordsImported: 10, created: 0, merged: 10, skipped: 2, database: null, stored: true },
  ],
  recordsIdentified: 20,
  duplicatesRemoved: 10,
  recordsDeleted: 0,
  recordsRemaining: 10,
  recordsNotImported: 2,
};

describe('PRISMA 2020 flow diagram', () => {
  it('counts from the imports only, and leaves what screening decides unavailable', () => {
    const flow = prismaFlow(identification, at);
    expect(flow.identification).toMatchObject({ recordsIdentified: 22, duplicatesRemoved: 10, recordsNotImported: 2 });
    expect(flow.identification.sources.map((source) => source.records)).toEqual([10, 12]);
    // identified - duplicates - not imported = the records to screen
    expect(flow.screening).toEqual({ status: 'NOT_SCREENED', recordsScreened: 10, recordsExcluded: null, reportsSought: null, reportsNotRetrieved: null, reportsAssessed: null, reportsExcluded: null });
    expect(flow.included).toEqual({ studies: null, reports: null });
  });

  it('removes the records a curator deleted before screening, so the boxes add up', () => {
    const flow = prismaFlow({ ...identification, recordsDeleted: 1, recordsRemaining: 9 }, at);
    const { recordsIdentified, duplicatesRemoved, recordsNotImported, recordsDeleted } = flow.identification;
    expect(recordsDeleted).toBe(1);
    expect(recordsIdentified - duplicatesRemoved - recordsNotImported - recordsDeleted).toBe(flow.screening.recordsScreened);
    const texts: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('text', (text) => text.trim() && texts.push(text.trim()));
    parser.write(prismaSvg(flow)).close();
    expect(texts).toEqual(expect.arrayContaining(['Records removed for other reasons (n = 3):', 'could not be imported (errors): n = 2', 'deleted by a curator: n = 1', 'n = 9 (records left to screen)']));
    const csv = prismaFile({ ...identification, recordsDeleted: 1, recordsRemaining: 9 }, 'csv', at).body as string;
    expect(csv).toContain('EBP complications,records deleted by a curator (removed before screening),,,,1\n');
  });

  it('draws the template boxes as well-formed SVG, every number as text', () => {
    const svg = prismaSvg(prismaFlow(identification, at));
    const texts: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('text', (text) => text.trim() && texts.push(text.trim()));
    parser.write(svg).close();
    expect(texts).toEqual(
      expect.arrayContaining([
        'PRISMA 2020 flow diagram: EBP complications',
        'Identification of studies via databases and registers',
        'pubmed.xml (pubmed-xml, 2025-03-01): n = 10',
        'Total: n = 22',
        'Duplicate records removed (n = 10)',
        'Records removed for other reasons (n = 2):',
        'Records screened',
        'n = 10 (records left to screen)',
        'Records excluded',
        'Reports assessed for eligibility',
        'Studies included in review',
      ]),
    );
    // Screening's own numbers are never made up: six boxes say so.
    expect(texts.filter((text) => text === NOT_SCREENED).length).toBeGreaterThanOrEqual(6);
    expect(texts.some((text) => /^n = \d+$/.test(text) && text !== 'n = 10')).toBe(false);
  });

  it('gives JSON with the flow, CSV with the screening stages marked, and a PNG', () => {
    const json = JSON.parse(prismaFile(identification, 'json', at).body as string);
    expect(json).toMatchObject({ review: 'EBP complications', recordsIdentified: 20, flow: { screening: { recordsScreened: 10, recordsExcluded: null } } });
    const csv = prismaFile(identification, 'csv', at).body as string;
    expect(csv).toContain(`EBP complications,records excluded (${NOT_SCREENED}),,,,\n`);
    const png = prismaFile(identification, 'png', at).body as Buffer;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('PRISMA 2020 flow diagram with screening', () => {
  const screening = {
    recordsScreened: 9,
    recordsAwaitingScreening: 0,
    recordsInConflict: 1,
    recordsExcluded: 5,
    exclusionReasons: [
      { label: 'Not a case report', count: 3 },
      { label: 'Duplicate', count: 2 },
      { label: 'Wrong population', count: 0 },
    ],
    reportsSought: 4,
    reportsAssessed: 4,
    reportsExcluded: 0,
    reportsUndecided: 1,
    studiesIncluded: 3,
    casesIncluded: 5,
  };

  it('fills the screening boxes from the final decisions', () => {
    const flow = prismaFlow(identification, at, screening);
    expect(flow.screening).toEqual({
      status: 'IN_PROGRESS',
      recordsScreened: 9,
      recordsAwaitingDecision: 1,
      recordsExcluded: 5,
      recordsExcludedByReason: [
        { reason: 'Not a case report', count: 3 },
        { reason: 'Duplicate', count: 2 },
      ],
      reportsSought: 4,
      reportsNotRetrieved: 0,
      reportsAssessed: 4,
      reportsExcluded: [],
      reportsAwaitingDecision: 1,
    });
    expect(flow.included).toEqual({ studies: 3, reports: 3, cases: 5 });
    const svg = prismaSvg(flow);
    const texts: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('text', (text) => text.trim() && texts.push(text.trim()));
    parser.write(svg).close();
    expect(texts).toEqual(expect.arrayContaining(['Records excluded', 'n = 5', 'Not a case report (n = 3)', 'Awaiting a decision: n = 1', 'none (n = 0)', 'Cases (patients) in included studies']));
    expect(texts.join(' ')).not.toContain(NOT_SCREENED);
    expect(svg).not.toContain('stroke-dasharray');
  });

  it('writes the screening numbers into the CSV', () => {
    const csv = prismaFile(identification, 'csv', at, screening).body as string;
    expect(csv).toContain('EBP complications,records excluded,,,,5');
    expect(csv).toContain('EBP complications,records excluded: Duplicate,,,,2');
    expect(csv).toContain('EBP complications,studies included in review,,,,3');
    expect(csv).not.toContain(NOT_SCREENED);
  });

  it('draws a review whose name holds characters XML cannot (U+0001, U+FFFE) as well-formed SVG, and as a PNG (it was a 500)', () => {
    const review = 'EBP \u0001complications\ufffe <2025>';
    const svg = prismaSvg(prismaFlow({ ...identification, review }, at));
    const texts: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('text', (text) => text.trim() && texts.push(text.trim()));
    parser.write(svg).close();
    expect(texts).toContain('PRISMA 2020 flow diagram: EBP complications <2025>');
    expect((prismaFile({ ...identification, review }, 'png', at).body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });
});
