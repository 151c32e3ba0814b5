import { parsePublications } from '../parse-publications';
import type { ImportFormatError } from '../parsed-publication';
import { byteChunks, collect, importError, streamOf } from '../testing/fixtures';
import { parseCslJson } from './csl-json.parser';

/** Invented items in the shapes Zotero, Crossref (citeproc+json) and pandoc write. */
const ZOTERO_ITEM = {
  id: 'http://zotero.org/users/1/items/ABCD1234',
  type: 'article-journal',
  title: 'Spinal epidural hematoma after a <i>lumbar</i> puncture in a patient on apixaban',
  'container-title': 'Journal of Invented Neurology',
  'container-title-short': 'J Invent Neurol',
  page: '112–115',
  volume: 14,
  issue: '2',
  source: 'PubMed',
  abstract: 'We report a case.\n\nA 70-year-old man developed back pain.',
  note: 'PMID: 30112233\nPMCID: PMC6123456',
  keyword: 'apixaban, lumbar puncture, hematoma',
  language: 'eng',
  author: [
    { family: 'Berg', given: 'Anna M.', 'non-dropping-particle': 'van den' },
    { family: 'Okafor', given: 'Chidi' },
    { literal: 'Spinal Bleeding Study Group' },
  ],
  issued: { 'date-parts': [['2019', '3', '5']] },
  DOI: 'https://doi.org/10.1000/JIN.2019.0042',
  ISSN: '1234-5678',
};

describe('CSL-JSON parser', () => {
  it('reads a Zotero item: particles, a literal group name, string date parts, PMID and PMCID from the note, keyword string', async () => {
    const [record] = await collect(parseCslJson(streamOf(JSON.stringify([ZOTERO_ITEM], null, 2))));
    expect(record).toMatchObject({ recordNumber: 1, line: 2 });
    expect(record.publication).toMatchObject({
      title: 'Spinal epidural hematoma after a lumbar puncture in a patient on apixaban',
      journal: 'Journal of Invented Neurology',
      journalAbbreviation: 'J Invent Neurol',
      year: 2019,
      month: 3,
      volume: '14',
      issue: '2',
      pages: '112-115',
      doi: '10.1000/jin.2019.0042',
      pmid: '30112233',
      pmcid: 'PMC6123456',
      issns: ['1234-5678'],
      keywords: ['apixaban', 'lumbar puncture', 'hematoma'],
      abstract: 'We report a case.\n\nA 70-year-old man developed back pain.',
      meshHeadings: [],
    });
    expect(record.publication.authors).toEqual([
      { family: 'van den Berg', given: 'Anna M.' },
      { family: 'Okafor', given: 'Chidi' },
      { family: 'Spinal Bleeding Study Group', given: null },
    ]);
  });

  it('reads Crossref\'s arrays (container-title) and raw dates, and a single pretty-printed item', async () => {
    const crossref = { type: 'journal-article', title: ['A title in an array'], 'container-title': ['Invented Case Reports'], issued: { raw: '2021-11' }, genre: 'Case Reports; Letter' };
    const [record] = await collect(parsePublications(streamOf(JSON.stringify(crossref, null, 2))));
    expect(record.publication).toMatchObject({ title: 'A title in an array', journal: 'Invented Case Reports', year: 2021, month: 11, publicationTypes: ['Case Reports', 'Letter'] });
  });

  it('finds item boundaries across chunks cut anywhere, braces and brackets inside strings included', async () => {
    const items = [ZOTERO_ITEM, { ...ZOTERO_ITEM, title: 'Braces } and [brackets] and "quotes" in a title', DOI: '10.1000/other' }, { ...ZOTERO_ITEM, title: 'Ünïcödé', DOI: undefined, note: '' }];
    const text = JSON.stringify(items, null, 1);
    const starts = text.split('\n').flatMap((line, index) => (line === ' {' ? [index + 1] : []));
    expect(starts).toHaveLength(3);
    for (const size of [1, 7, 64]) {
      const records = await collect(parseCslJson(byteChunks(text, size)));
      expect(records.map((record) => record.publication.title)).toEqual([ZOTERO_ITEM.title.replace(/<\/?i>/g, ''), items[1].title, 'Ünïcödé']);
      expect(records.map((record) => record.line)).toEqual(starts);
    }
  });

  it('reports a broken item with its record and line and goes on when asked; without, it stops there', async () => {
    const text = '[\n{"title": "First"},\n{"title": "Second",, "x": 1},\n{"title": "Third"}\n]\n';
    const errors: ImportFormatError[] = [];
    const records = await collect(parseCslJson(streamOf(text), { onRecordError: (error) => errors.push(error) }));
    expect(records.map((record) => record.publication.title)).toEqual(['First', 'Third']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ recordNumber: 2, line: 3 });
    expect(errors[0].message).toMatch(/^CSL-JSON record 2, line 3: the item is not valid JSON/);
    const error = await importError(parseCslJson(streamOf(text)));
    expect(error.yielded).toHaveLength(1);
  });

  it('refuses what is not an array of objects, and an array that is not closed', async () => {
    expect((await importError(parseCslJson(streamOf('[{"title": "a"}, "b"]')))).message).toMatch(/record 2, line 1: an item of the array is a string/);
    expect((await importError(parseCslJson(streamOf('[{"title": "a"},\n{"title": "b"')))).message).toMatch(/the file ends before its array is closed \(in or after record 2, which starts on line 2\)/);
    expect((await importError(parseCslJson(streamOf('[{"title": "a"}] x')))).message).toMatch(/text after the end of the JSON array/);
  });
});
