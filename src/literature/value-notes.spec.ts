import { emptyPublication } from './parsed-publication';
import type { ParsedRecord } from './parsed-publication';
import { parsePublications } from './parse-publications';
import { collect, streamOf } from './testing/fixtures';
import { quoteValue, RecordNotes, stripRecordControlCharacters } from './value-notes';

describe('RecordNotes', () => {
  it('returns what the plain helpers return and notes each value it could not read, once', () => {
    const notes = new RecordNotes();
    expect(notes.year({ field: 'PY', line: 4 }, '19xx')).toBeNull();
    expect(notes.year({ field: 'PY', line: 4 }, '19xx')).toBeNull();
    expect(notes.year({ field: 'Y1' }, '2019')).toBe(2019);
    expect(notes.doi({ field: 'DO' }, 'https://doi.org/10.1000/ABC')).toBe('10.1000/abc');
    expect(notes.pmid({ field: 'PM' }, '')).toBeNull();
    const publication = { ...emptyPublication(), year: 2019 };
    expect(notes.finish(publication)).toEqual([{ field: 'PY', line: 4, message: '"19xx" is not a year; the year (2019) was taken from another field' }]);
  });

  it('notes a date whose month it cannot read, and not one with a season, "Epub" or no month at all', () => {
    const notes = new RecordNotes();
    expect(notes.date({ field: 'DP', line: 7 }, '2019 Smarch')).toEqual({ year: 2019, month: null });
    expect(notes.date({ field: 'DP' }, '2019 Mai 3')).toEqual({ year: 2019, month: null });
    for (const quiet of ['2019 Spring', '2020 Jan-Feb', '2018', '2019 Dec 23', 'Winter 2019', '2021 Epub 2020 Dec 1', '2019/10//undefined']) notes.date({ field: 'DP' }, quiet);
    expect(notes.finish({ ...emptyPublication(), year: 2019 })).toEqual([
      { field: 'DP', line: 7, message: '"2019 Smarch" names no month this reads; the month was left empty' },
      { field: 'DP', line: null, message: '"2019 Mai 3" names no month this reads; the month was left empty' },
    ]);
  });

  it('quotes values of up to 80 characters whole and cuts longer ones', () => {
    expect(quoteValue('19xx')).toBe('"19xx"');
    expect(quoteValue('y'.repeat(80))).toBe(`"${'y'.repeat(80)}"`);
    expect(quoteValue('z'.repeat(500))).toBe(`"${'z'.repeat(80)}"…`);
    const notes = new RecordNotes();
    notes.doi({ field: 'DI' }, `not a doi ${'x'.repeat(300)}`);
    expect(notes.finish(emptyPublication())[0].message).toBe(`"not a doi ${'x'.repeat(70)}"… is not a DOI (10.<registrant>/<suffix>); the DOI was left empty`);
  });
});

describe('stripRecordControlCharacters', () => {
  const record = (changes: Partial<ReturnType<typeof emptyPublication>>): ParsedRecord => ({ recordNumber: 3, line: 20, publication: { ...emptyPublication(), ...changes }, notes: [] });

  it('removes invisible controls from every text field, one note per field with the count and the characters', () => {
    const stripped = stripRecordControlCharacters(
      record({
        title: 'Harmless \u202etitle\u202c',
        abstract: 'Line one\nline\u0007 two',
        authors: [{ family: 'Smith\u2066', given: 'J\u2069' }, { family: '\u202e', given: null }],
        journal: 'Journal\u0085',
        keywords: ['one\u001b', '\u200f\u05e2\u05d1'],
        meshHeadings: [{ descriptorUi: 'D000001', label: 'Heading\u202d', majorTopic: false }],
      }),
    );
    expect(stripped.publication).toMatchObject({
      title: 'Harmless title',
      abstract: 'Line one\nline two',
      authors: [{ family: 'Smith', given: 'J' }],
      journal: 'Journal',
      keywords: ['one', '\u200f\u05e2\u05d1'],
      meshHeadings: [{ descriptorUi: 'D000001', label: 'Heading', majorTopic: false }],
    });
    expect(stripped.notes).toEqual([
      { field: 'title', line: null, message: '2 invisible control characters (U+202E, U+202C) removed' },
      { field: 'abstract', line: null, message: '1 invisible control character (U+0007) removed' },
      { field: 'journal', line: null, message: '1 invisible control character (U+0085) removed' },
      { field: 'keywords', line: null, message: '1 invisible control character (U+001B) removed' },
      { field: 'authors', line: null, message: '3 invisible control characters (U+2066, U+2069, U+202E) removed' },
      { field: 'meshHeadings', line: null, message: '1 invisible control character (U+202D) removed' },
    ]);
  });

  it('gives back the record itself when there is nothing to remove', () => {
    const clean = record({ title: 'Clean\ttitle', abstract: 'A\n\nB' });
    expect(stripRecordControlCharacters(clean)).toBe(clean);
  });

  it('runs on every record parsePublications yields, after the parser\'s own notes', async () => {
    const ris = 'TY  - JOUR\nTI  - Harmless \u202etxt.exe\nPY  - 19xx\nER  - \n';
    const [parsed] = await collect(parsePublications(streamOf(ris), { format: 'ris' }));
    expect(parsed.publication).toMatchObject({ title: 'Harmless txt.exe', year: null });
    expect(parsed.notes).toEqual([
      { field: 'PY', line: 3, message: '"19xx" is not a year; the year was left empty' },
      { field: 'title', line: null, message: '1 invisible control character (U+202E) removed' },
    ]);
  });
});
