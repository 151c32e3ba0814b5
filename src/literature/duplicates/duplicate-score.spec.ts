import { DuplicateCandidate, editDistance, fieldDifferences, isPreprint, PROBABLE_DUPLICATE_THRESHOLD, scoreDuplicate } from './duplicate-score';

const publication = (fields: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  title: 'Spontaneous spinal epidural hematoma after a chiropractic manipulation',
  year: 2021,
  authors: [{ family: 'Okafor', given: 'Chidi' }],
  journal: 'J Med Case Rep',
  volume: '15',
  issue: '1',
  pages: '101-104',
  doi: null,
  pmid: null,
  ...fields,
});

describe('editDistance', () => {
  it('counts edits and gives up past the limit', () => {
    expect(editDistance('hematoma', 'haematoma')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 5)).toBe(6);
  });
});

describe('isPreprint', () => {
  it('knows preprint servers by name and DOI prefix', () => {
    expect(isPreprint({ journal: 'medRxiv', doi: null })).toBe(true);
    expect(isPreprint({ journal: null, doi: '10.21203/rs.3.rs-123456/v1' })).toBe(true);
    expect(isPreprint({ journal: 'Research Square', doi: null })).toBe(true);
    expect(isPreprint({ journal: 'J Med Case Rep', doi: '10.1186/s13256-021-0001-x' })).toBe(false);
  });
});

describe('scoreDuplicate', () => {
  it('a title one character apart, one record without authors: probable, with the fields that differ', () => {
    const a = publication({});
    const b = publication({ title: 'Spontaneous spinal epidural haematoma after a chiropractic manipulation', authors: [], volume: null, issue: null, pages: null });
    const result = scoreDuplicate(a, b, 0.91);
    expect(result.score).toBeGreaterThanOrEqual(PROBABLE_DUPLICATE_THRESHOLD);
    expect(result.reasons).toContain('titles differ by 1 character');
    expect(result.differences.map((difference) => difference.field)).toEqual(['title', 'authors', 'volume', 'issue', 'pages']);
    expect(result.differences[1]).toEqual({ field: 'authors', first: 'Okafor, Chidi', second: null });
  });

  it('one word more and the year off by one', () => {
    const result = scoreDuplicate(publication({}), publication({ title: 'Spontaneous spinal epidural hematoma after chiropractic manipulation', year: 2022 }), 0.85);
    expect(result.reasons).toEqual(expect.arrayContaining(['titles differ by 1 character', 'year off by one']));
    expect(result.score).toBeGreaterThanOrEqual(PROBABLE_DUPLICATE_THRESHOLD);
    const words = scoreDuplicate(publication({}), publication({ title: 'Spontaneous spinal epidural hematoma after a chiropractic spinal manipulation' }), 0.8);
    expect(words.reasons).toContain('titles differ by one word');
  });

  it('a preprint and its article: different DOIs and a year apart are expected', () => {
    const preprint = publication({ journal: 'medRxiv', year: 2020, doi: '10.1101/2020.05.01.20087001', volume: null, issue: null, pages: null });
    const article = publication({ doi: '10.1186/s13256-021-0001-x' });
    const result = scoreDuplicate(preprint, article, 1);
    expect(result.reasons).toEqual(expect.arrayContaining(['a preprint and an article', 'year off by one']));
    expect(result.reasons).not.toContain('different DOIs');
    expect(result.score).toBeGreaterThanOrEqual(0.9);
  });

  it('different PMIDs, DOIs, first authors or years are not shown', () => {
    expect(scoreDuplicate(publication({ pmid: '1' }), publication({ pmid: '2' }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
    expect(scoreDuplicate(publication({ doi: '10.1/a' }), publication({ doi: '10.1/b' }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
    expect(scoreDuplicate(publication({}), publication({ authors: [{ family: 'Lindqvist', given: 'A' }] }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
    expect(scoreDuplicate(publication({}), publication({ year: 2019 }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
    // Merely similar titles: a different case in the same journal.
    expect(scoreDuplicate(publication({}), publication({ title: 'Spontaneous spinal subdural hematoma after an epidural injection', volume: '16', pages: '5-9' }), 0.5).score).toBeLessThan(
      PROBABLE_DUPLICATE_THRESHOLD,
    );
  });
});

describe('fieldDifferences', () => {
  it('ignores spelling that is the same value (pages abbreviated, DOI case, journal case)', () => {
    expect(fieldDifferences(publication({ pages: '101-4', doi: '10.1/ABC', journal: 'J MED CASE REP' }), publication({ doi: '10.1/abc' }))).toEqual([]);
  });
});

describe('short titles', () => {
  it('"Correction" twice is not shown unless the venue agrees', () => {
    const correction = (fields: Partial<DuplicateCandidate>) => publication({ title: 'Correction', authors: [], journal: 'BMJ', issue: null, ...fields });
    expect(scoreDuplicate(correction({ volume: '372', pages: 'n1' }), correction({ volume: '373', pages: 'n2' }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
    expect(scoreDuplicate(correction({ journal: 'BMJ', volume: null, pages: null }), correction({ journal: 'Lancet', volume: null, pages: null }), 1).score).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
  });
});
