import { stringify } from 'csv-stringify/sync';
import { parsePublications } from '../../parse-publications';
import type { ParsedPublication } from '../../parsed-publication';
import { collect, streamOf } from '../../testing/fixtures';
import { citationOf, ExportCase, ExportPublication } from '../export-case';
import { bibtexKeyBase, BibtexKeys, escapeLatex, publicationToBibtex } from './bibtex.serialiser';
import { publicationCells } from './publication-rows.serialiser';
import { CASE_CSV_COLUMNS, caseToCsvRow, caseToJson } from './case-rows.serialiser';
import { publicationToCsl } from './csl-json.serialiser';
import { publicationToRis } from './ris.serialiser';
import { importSummaryToCsv } from './prisma.serialiser';
import { PUBLICATION_CSV_COLUMNS, publicationToCsvRow, publicationToJson } from './publication-rows.serialiser';
import { decodeLatex } from '../../formats/latex';
import { TitleStatus } from '../../../publications/title-status.enum';
import { mapParsedPublication } from '../../import/import-record';

const PUBLICATION: ExportPublication = {
  id: '6f1d2c1e-0000-4000-8000-000000000001',
  title: 'Spinal subdural hematoma after an epidural blood patch: 50% of cases & a {rare} "type_2" complication',
  titleStatus: TitleStatus.COMPLETE,
  abstract: 'BACKGROUND: Post-dural puncture headache.\n\nCASE: A 31-year-old woman ~ 2 days postpartum.',
  authors: [
    { family: 'Müller', given: 'Anna-Lena' },
    { family: "O'Connor", given: 'RE' },
    { family: 'WHO Working Group', given: null },
  ],
  journal: 'Journal of Anesthesia & Analgesia',
  year: 2021,
  month: 3,
  volume: '12',
  issue: '3',
  pages: '123-129',
  doi: '10.1097/aa.0000000000001234',
  pmid: '33445566',
  pmcid: 'PMC7654321',
  publicationTypes: ['Case Reports', 'Journal Article'],
  meshHeadings: [
    { descriptorUi: 'D020758', label: 'Hematoma, Epidural, Spinal', majorTopic: true },
    { descriptorUi: 'D000925', label: 'Anticoagulants', majorTopic: false },
    { descriptorUi: null, label: 'Blood Patch, Epidural', majorTopic: false },
  ],
  keywords: ['blood patch', 'headache, post-dural puncture'],
  language: 'eng',
  url: 'https://example.org/article?id=1&x=2',
};

async function reparse(text: string): Promise<ParsedPublication[]> {
  return (await collect(parsePublications(streamOf(text)))).map((record) => record.publication);
}

/** The fields every re-importable format carries, as the importer normalises them. */
function expectCoreFields(parsed: ParsedPublication) {
  expect(parsed.title).toBe(PUBLICATION.title);
  expect(parsed.authors).toEqual(PUBLICATION.authors);
  expect(parsed.journal).toBe(PUBLICATION.journal);
  expect(parsed).toMatchObject({ year: 2021, month: 3, volume: '12', issue: '3', pages: '123-129', doi: PUBLICATION.doi, pmid: PUBLICATION.pmid, pmcid: PUBLICATION.pmcid, language: 'eng', url: PUBLICATION.url });
  expect(parsed.keywords).toEqual(PUBLICATION.keywords);
  // Every format has a place for MeSH headings (descriptor UI and major topic included) and publication types.
  expect(parsed.meshHeadings).toEqual(PUBLICATION.meshHeadings);
  expect(parsed.publicationTypes).toEqual(PUBLICATION.publicationTypes);
}

describe('export serialisers, read back by the importers', () => {
  it('RIS round-trips every field RIS carries (abstract paragraphs become one line)', async () => {
    const [parsed] = await reparse(publicationToRis(PUBLICATION) + publicationToRis({ ...PUBLICATION, id: 'x', pages: 'e103640', month: null }));
    expectCoreFields(parsed);
    expect(parsed.abstract).toBe(PUBLICATION.abstract!.replace(/\n+/g, ' '));
  });

  it('RIS re-imports values holding a Unicode line or paragraph separator (U+2028, U+2029): the record was refused as having no title', async () => {
    const odd = { ...PUBLICATION, title: 'Spinal\u2028hematoma\u2029after a patch', authors: [{ family: 'Smith\u2028Jones', given: 'Ann' }], abstract: 'One\u2028two.' };
    const [parsed] = await reparse(publicationToRis(odd));
    expect(parsed).toMatchObject({ title: 'Spinal hematoma after a patch', authors: [{ family: 'Smith Jones', given: 'Ann' }], abstract: 'One two.' });
  });

  it('RIS writes MeSH headings as "MeSH: " KW lines after the keywords', () => {
    const text = publicationToRis(PUBLICATION);
    expect(text).toContain('KW  - blood patch\r\nKW  - headache, post-dural puncture\r\nKW  - MeSH: *Hematoma, Epidural, Spinal [D020758]\r\nKW  - MeSH: Anticoagulants [D000925]\r\nKW  - MeSH: Blood Patch, Epidural\r\n');
  });

  it('BibTeX round-trips every field BibTeX carries, with LaTeX escaping', async () => {
    const keys = new BibtexKeys();
    const text = publicationToBibtex(PUBLICATION, keys.next(PUBLICATION)) + publicationToBibtex(PUBLICATION, keys.next(PUBLICATION));
    expect(text).toMatch(/^@article\{muller2021spinal,\n {2}title = \{Spinal subdural hematoma after an epidural blood patch: 50\\% of cases \\& a \\\{rare\\\} "type\\_2" complication\},/);
    expect(text).toContain('@article{muller2021spinalb,');
    expect(text).toContain('  month = mar,');
    const [parsed, second] = await reparse(text);
    expectCoreFields(parsed);
    expect(parsed.abstract).toBe(PUBLICATION.abstract!.replace(/\n+/g, ' '));
    expect(text).toContain('  mesh = {*Hematoma, Epidural, Spinal [D020758]; Anticoagulants [D000925]; Blood Patch, Epidural},');
    expect(second.title).toBe(PUBLICATION.title);
  });

  it('BibTeX keeps a single keyword with a comma whole', async () => {
    const [parsed] = await reparse(publicationToBibtex({ ...PUBLICATION, keywords: ['Hematoma, Epidural'] }, 'k'));
    expect(parsed.keywords).toEqual(['Hematoma, Epidural']);
  });

  it('BibTeX keeps a keyword, publication type or MeSH heading holding a ";" whole (each was split in two at it)', async () => {
    const odd = { ...PUBLICATION, keywords: ['alpha; beta', 'gamma, delta', 'plain'], publicationTypes: ['Case Reports', 'Type; with semicolon'], meshHeadings: [{ descriptorUi: null, label: 'Hematoma; Epidural', majorTopic: true }, { descriptorUi: 'D000925', label: 'Anticoagulants', majorTopic: false }] };
    const [parsed] = await reparse(publicationToBibtex(odd, 'k'));
    expect(parsed.keywords).toEqual(odd.keywords);
    expect(parsed.publicationTypes).toEqual(odd.publicationTypes);
    expect(parsed.meshHeadings).toEqual(odd.meshHeadings);
    // Alone in its field too (a field wholly in braces is a list to unwrap, as Web of Science writes "{{a; b}}").
    const single = { ...PUBLICATION, keywords: ['alpha; beta'], publicationTypes: ['Type; with semicolon'], meshHeadings: [{ descriptorUi: null, label: 'Hematoma; Epidural', majorTopic: false }] };
    const [alone] = await reparse(publicationToBibtex(single, 'k'));
    expect(alone).toMatchObject({ keywords: single.keywords, publicationTypes: single.publicationTypes, meshHeadings: single.meshHeadings });
  });

  it('BibTeX re-imports a title and names with a lone brace (the export was unreadable: "expected "," after the value of "author""', async () => {
    const odd = { ...PUBLICATION, title: 'Bracey } , author = {Injected, Person} , note = { x', authors: [{ family: 'Br}ace', given: 'A{' }, { family: 'Smith', given: 'J' }], keywords: ['a}b', 'c{d'] };
    const [parsed] = await reparse(publicationToBibtex(odd, 'k'));
    expect(parsed.title).toBe(odd.title);
    expect(parsed.authors).toEqual([{ family: 'Br}ace', given: 'A{' }, { family: 'Smith', given: 'J' }]);
    expect(parsed.keywords).toEqual(['a}b', 'c{d']);
  });

  it('BibTeX keeps a name part holding "and" or a comma one name (BibTeX split "Smith and Jones, Ann" into two authors)', async () => {
    const authors = [
      { family: 'Smith and Jones', given: 'Ann' },
      { family: 'Doe, Jr', given: 'John' },
      { family: 'Lee', given: 'Mary AND Sue' },
      { family: 'Ng', given: 'Kim, Jr' },
      { family: 'Standish', given: 'Anderson' },
      { family: 'Society of Anaesthesia and Intensive Care', given: null },
    ];
    const text = publicationToBibtex({ ...PUBLICATION, authors }, 'k');
    expect(text).toContain('author = {{Smith and Jones}, Ann and {Doe, Jr}, John and Lee, {Mary AND Sue} and Ng, {Kim, Jr} and Standish, Anderson and {Society of Anaesthesia and Intensive Care}}');
    const [parsed] = await reparse(text);
    expect(parsed.authors).toEqual(authors);
  });

  it('escapes every LaTeX special character, and the importer reads the text back unchanged', () => {
    expect(escapeLatex('a\\b{c}&%$#_~^')).toBe('a\\textbackslash{}b\\{c\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}');
    const nasty = 'x\\y {z} 5% & $3 #1 a_b ~ 2^{10} en--dash --- em';
    expect(decodeLatex(escapeLatex(nasty))).toBe(nasty);
  });

  it('CSV (one row per case, Rayyan column names) reads back as the case\'s publication', async () => {
    const item: ExportCase = {
      caseReport: { id: 'c1', publicationId: PUBLICATION.id, label: 'Case 1', summary: 'A summary, with a comma', ageYears: 31, ageGroup: 'ADULT', sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM', anticoagulation: 'NONE', outcome: 'FULL_RECOVERY', outcomeDetails: null, timeToResolutionDays: 14, followUpDays: null, createdAt: new Date(), updatedAt: new Date() } as never,
      publication: { ...PUBLICATION, titleKey: null, titleFold: null, createdAt: new Date(), updatedAt: new Date() },
      comorbidities: [],
      procedures: [{ term: { key: 'epidural-blood-patch', label: 'Epidural blood patch', meshUi: null }, details: null, bloodVolumeMl: 20, vertebralLevel: null, attemptNumber: null, imageGuidance: null, needleGauge: null }],
      complications: [{ term: { key: 'spinal-subdural-hematoma', label: 'Spinal subdural hematoma', meshUi: 'D020767' }, procedureIndex: 0, onsetHours: 24, diagnosis: null, details: null, symptoms: [{ key: 'back-pain', label: 'Back pain', meshUi: null }] }],
      treatments: [],
    };
    const row = caseToCsvRow(item);
    const cell = (column: (typeof CASE_CSV_COLUMNS)[number]) => row[CASE_CSV_COLUMNS.indexOf(column)];
    expect(cell('procedures')).toBe('Epidural blood patch (20 ml)');
    expect(cell('complications')).toBe('Spinal subdural hematoma after Epidural blood patch');
    expect(cell('treatments')).toBe('not reported');
    expect(cell('citation')).toBe("Müller AL, O'Connor RE, WHO Working Group. Spinal subdural hematoma after an epidural blood patch: 50% of cases & a {rare} \"type_2\" complication. Journal of Anesthesia & Analgesia. 2021;12(3):123-129. doi:10.1097/aa.0000000000001234. PMID: 33445566.");
    const csv = stringify([[...CASE_CSV_COLUMNS], row, row]);
    const [parsed, again] = await reparse(csv);
    expectCoreFields(parsed);
    expect(parsed.abstract).toBe(PUBLICATION.abstract!.replace(/\n+/g, ' '));
    expect(again).toEqual(parsed);
    expect(caseToJson(item)).toMatchObject({ id: 'c1', publication: { meshHeadings: PUBLICATION.meshHeadings, citation: citationOf(PUBLICATION) }, complications: [{ procedureIndex: 0, symptoms: [{ key: 'back-pain' }] }] });
  });

  it('writes a title only as far as it is known, and says so in the note field of each format', () => {
    const incomplete = { ...PUBLICATION, title: 'Bilateral Subdural Intracranial Hematoma after', titleStatus: TitleStatus.INCOMPLETE };
    const missing = { ...PUBLICATION, title: null, titleStatus: TitleStatus.NOT_RECORDED };
    expect(publicationToRis(incomplete)).toContain('TI  - Bilateral Subdural Intracranial Hematoma after\r\n');
    expect(publicationToRis(incomplete)).toContain('N1  - Title incomplete in the source.\r\n');
    expect(publicationToRis(missing)).not.toMatch(/^TI {2}-/m);
    expect(publicationToRis(missing)).toContain('N1  - Title not recorded.\r\n');
    expect(publicationToRis(PUBLICATION)).not.toContain('N1  -');
    expect(publicationToBibtex(incomplete, 'k')).toContain('  title = {Bilateral Subdural Intracranial Hematoma after},');
    expect(publicationToBibtex(incomplete, 'k')).toContain('  note = {Title incomplete in the source.}');
    expect(publicationToBibtex(missing, 'k')).not.toContain('title =');
    expect(publicationToBibtex(PUBLICATION, 'k')).not.toContain('note =');
    expect(bibtexKeyBase(missing)).toBe('muller2021');
    expect(publicationToCsl(incomplete)).toMatchObject({ title: 'Bilateral Subdural Intracranial Hematoma after', note: 'Title incomplete in the source.' });
    expect(publicationToCsl(missing)).not.toHaveProperty('title');
    expect(publicationToCsl(missing)).toMatchObject({ note: 'Title not recorded.' });
    expect(citationOf(incomplete)).toContain('. Bilateral Subdural Intracranial Hematoma after … (title incomplete in the source). Journal of');
    expect(citationOf(missing)).toContain('. Title not recorded. Journal of');
    const stamp = { titleKey: null, titleFold: null, createdAt: new Date(), updatedAt: new Date() };
    const cells = publicationCells({ ...missing, ...stamp });
    expect([cells.title, cells.notes]).toEqual(['', 'Title not recorded.']);
    expect(publicationCells({ ...PUBLICATION, ...stamp }).notes).toBe('');
  });

  it('reads its own title notes back: RIS, BibTeX and CSV keep a title incomplete or not recorded', async () => {
    const incomplete = { ...PUBLICATION, title: 'Bilateral Subdural Intracranial Hematoma after', titleStatus: TitleStatus.INCOMPLETE };
    const missing = { ...PUBLICATION, id: '6f1d2c1e-0000-4000-8000-000000000002', doi: null, pmid: '8829870', title: null, titleStatus: TitleStatus.NOT_RECORDED };
    const stamp = { titleKey: null, titleFold: null, createdAt: new Date(), updatedAt: new Date() };
    const csvRow = (p: typeof incomplete | typeof missing) => caseToCsvRow({ caseReport: { id: 'c', label: 'Case' } as never, publication: { ...p, ...stamp }, comorbidities: [], procedures: [], complications: [], treatments: [] });
    const texts = {
      ris: publicationToRis(incomplete) + publicationToRis(missing),
      bibtex: publicationToBibtex(incomplete, 'a') + publicationToBibtex(missing, 'b'),
      csv: stringify([[...CASE_CSV_COLUMNS], csvRow(incomplete), csvRow(missing)]),
    };
    for (const [format, text] of Object.entries(texts)) {
      const mapped = (await reparse(text)).map(mapParsedPublication);
      expect({ format, read: mapped.map((record) => (record.ok ? [record.fields.title, record.fields.titleStatus] : record.errors)) }).toEqual({
        format,
        read: [
          ['Bilateral Subdural Intracranial Hematoma after', TitleStatus.INCOMPLETE],
          [null, TitleStatus.NOT_RECORDED],
        ],
      });
    }
    // A record without a title and without that note is still refused.
    expect(mapParsedPublication((await reparse(publicationToRis(missing).replace(/^N1 .*\r\n/m, '')))[0])).toMatchObject({ ok: false, errors: [{ field: 'title' }] });
  });

  it('the publication CSV and JSON Lines read back with every field, JSON Lines with the abstract\'s paragraphs', async () => {
    const publication = { ...PUBLICATION, titleKey: null, titleFold: null, createdAt: new Date(), updatedAt: new Date() };
    const [fromCsv] = await reparse(stringify([[...PUBLICATION_CSV_COLUMNS], publicationToCsvRow(publication)]));
    expectCoreFields(fromCsv);
    const [fromJsonl] = await reparse(`${JSON.stringify(publicationToJson(publication))}\n${JSON.stringify(publicationToJson(publication))}\n`);
    expectCoreFields(fromJsonl);
    expect(fromJsonl.abstract).toBe(PUBLICATION.abstract);
  });

  it('CSL-JSON reads back with every field: lists in `custom`, the abstract with its paragraphs', async () => {
    const item = publicationToCsl(PUBLICATION);
    expect(item).toMatchObject({ keyword: 'blood patch, headache, post-dural puncture', genre: 'Case Reports; Journal Article', custom: { meshHeadings: PUBLICATION.meshHeadings } });
    const [parsed] = await reparse(JSON.stringify([item, publicationToCsl({ ...PUBLICATION, id: 'x' })], null, 2));
    expectCoreFields(parsed);
    expect(parsed.abstract).toBe(PUBLICATION.abstract);
  });

  it('CSL-JSON names a group author literally and gives date parts', () => {
    expect(publicationToCsl(PUBLICATION)).toMatchObject({
      type: 'article-journal',
      author: [{ family: 'Müller', given: 'Anna-Lena' }, { family: "O'Connor", given: 'RE' }, { literal: 'WHO Working Group' }],
      issued: { 'date-parts': [[2021, 3]] },
      DOI: PUBLICATION.doi,
      PMID: '33445566',
      page: '123-129',
    });
    expect(publicationToCsl({ ...PUBLICATION, journal: null, month: null })).not.toHaveProperty('container-title');
  });
});

describe('PRISMA CSV', () => {
  it('neutralises review and file names a spreadsheet would run as formulas', () => {
    const csv = importSummaryToCsv({
      review: '=1+1',
      sources: [{ source: '@SUM(A1).ris', filesImported: 1, filesRefused: 0, recordsRead: 2, recordsImported: 2, duplicatesRemoved: 0, failed: 0 }],
      total: { source: 'total', filesImported: 1, filesRefused: 0, recordsRead: 2, recordsImported: 2, duplicatesRemoved: 0, failed: 0 },
    } as never);
    expect(csv.split('\n')[1]).toBe("'=1+1,'@SUM(A1).ris,1,0,2,2,0,0");
  });
});
