import type { estypes } from '@elastic/elasticsearch';
import { FIXTURE_PUBLICATIONS } from '../../../../test/contract/elasticsearch-publication.fixture';
import { PUBLICATION_FACETS } from '../../publications/publication-search-query';
import { PUBLICATION_HIGHLIGHT_FIELDS } from '../../publications/publication-search-result';
import { INDEX_SETTINGS, isVersionedIndexOf, TEXT_ANALYZER, versionedIndexName } from './index-mapping';
import {
  PUBLICATION_INDEX_MAPPINGS,
  PUBLICATION_INDEX_SETTINGS,
  PUBLICATION_MAPPING_VERSION,
  publicationAliasOf,
  publicationDocumentVersion,
  toPublicationIndexDocument,
} from './publication-index-mapping';
import { PUBLICATION_TEXT_FIELDS } from './publication-query-builder';

const properties = PUBLICATION_INDEX_MAPPINGS.properties as Record<string, estypes.MappingProperty & { analyzer?: string; index_options?: string; ignore_above?: number }>;

describe('publication index mapping', () => {
  it('is strict, and maps every field of a real document and nothing it lacks', () => {
    expect(PUBLICATION_INDEX_MAPPINGS.dynamic).toBe('strict');
    const sent = new Set(FIXTURE_PUBLICATIONS().flatMap((doc) => Object.keys(toPublicationIndexDocument(doc))));
    // otherText is filled by copy_to (authors, DOI, PMID), never sent.
    expect([...sent, 'otherText'].sort()).toEqual(Object.keys(properties).sort());
    expect(PUBLICATION_INDEX_MAPPINGS._meta).toEqual({ mappingVersion: PUBLICATION_MAPPING_VERSION, document: 'publication' });
  });

  it('gives every facet field an exact keyword (never truncated) or an integer year, and the id a keyword for the tie-break', () => {
    for (const facet of PUBLICATION_FACETS) {
      const expected = facet.kind === 'numeric-range' ? { type: 'integer' } : { type: 'keyword' };
      expect([facet.field, properties[facet.field]]).toEqual([facet.field, expected]);
    }
    expect(properties.publicationId).toEqual({ type: 'keyword' });
    expect(properties.loadedAt).toEqual({ type: 'date' });
  });

  it('analyses every searched field with the medical English analyzer, highlighted ones with offsets', () => {
    for (const { field } of PUBLICATION_TEXT_FIELDS) expect([field, properties[field]]).toEqual([field, expect.objectContaining({ type: 'text', analyzer: TEXT_ANALYZER })]);
    for (const field of PUBLICATION_HIGHLIGHT_FIELDS) expect([field, properties[field]]).toEqual([field, expect.objectContaining({ index_options: 'offsets' })]);
    expect(Object.entries(properties).filter(([, property]) => property.type === 'text').map(([name]) => name).sort()).toEqual(['abstract', 'authors', 'otherText', 'subjects', 'title']);
  });

  it("reuses the case index's settings (one shard, the medical_english analysis and lowercase_ascii normalizer)", () => {
    expect(PUBLICATION_INDEX_SETTINGS).toBe(INDEX_SETTINGS);
    expect(PUBLICATION_INDEX_SETTINGS.number_of_shards).toBe(1);
    expect((PUBLICATION_INDEX_SETTINGS.analysis as estypes.IndicesIndexSettingsAnalysis).analyzer?.[TEXT_ANALYZER]).toBeDefined();
    expect(properties.doi).toMatchObject({ type: 'keyword', normalizer: 'lowercase_ascii' });
  });

  it("names its alias after the prefix; neither alias's versioned indices are ever taken for the other's", () => {
    const cases = 'case-reports';
    const publications = publicationAliasOf(cases);
    expect(publications).toBe('case-reports_publications');
    const caseIndex = versionedIndexName(cases, 1735732800000);
    const publicationIndex = versionedIndexName(publications, 1735732800000);
    expect(publicationIndex).toBe('case-reports_publications-v1735732800000');
    expect(isVersionedIndexOf(publications, publicationIndex)).toBe(true);
    expect(isVersionedIndexOf(cases, caseIndex)).toBe(true);
    expect(isVersionedIndexOf(cases, publicationIndex)).toBe(false);
    expect(isVersionedIndexOf(publications, caseIndex)).toBe(false);
    expect(isVersionedIndexOf(cases, publications)).toBe(false);
    // The case engine's deleteAllIndices asks for `${alias}-v*`: that wildcard cannot match a publication index.
    const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[-_]/g, '\\$&').replace('*', '.*')}$`);
    expect(wildcard(`${cases}-v*`).test(publicationIndex)).toBe(false);
    expect(wildcard(`${publications}-v*`).test(caseIndex)).toBe(false);
    // Nor for prefixes that look alike.
    for (const prefix of ['a', 'a-v1', 'case', 'case-reports-v1']) {
      expect(isVersionedIndexOf(prefix, versionedIndexName(publicationAliasOf(prefix), 1))).toBe(false);
      expect(isVersionedIndexOf(publicationAliasOf(prefix), versionedIndexName(prefix, 1))).toBe(false);
    }
  });

  it('strips control characters from the text, as the embedded engine does, so a stored sentinel never fakes a highlight', () => {
    const [doc] = FIXTURE_PUBLICATIONS();
    const dirty = { ...doc, title: `Spinal \u0002hematoma\u0003 after\u0004 a patch`, abstract: `A\u0004 postpartum\u0002 woman`, authors: ['Smith\u0002 J'], subjects: ['Hematoma\u0003'] };
    const indexed = toPublicationIndexDocument(dirty);
    expect([indexed.title, indexed.abstract, indexed.authors, indexed.subjects]).toEqual(['Spinal  hematoma  after  a patch', 'A  postpartum  woman', ['Smith  J'], ['Hematoma ']]);
    expect(toPublicationIndexDocument({ ...doc, abstract: null }).abstract).toBeNull();
  });

  // The embedded engine makes its other_text (authors, DOI, PMID) searchable (searchable-text.ts); otherText is
  // copied from these fields as sent, so a soft hyphen or full-width digits left in a DOI or PMID would not match.
  it('writes the DOI and PMID as the text query reads them, as the embedded engine indexes them', () => {
    const [doc] = FIXTURE_PUBLICATIONS();
    const indexed = toPublicationIndexDocument({ ...doc, doi: '10.1000/hema\u00adtoma\u00022024', pmid: '\uff11\uff12\uff13\uff14' });
    expect([indexed.doi, indexed.pmid]).toEqual(['10.1000/hematoma 2024', '1234']);
    expect(toPublicationIndexDocument({ ...doc, doi: null, pmid: null })).toMatchObject({ doi: null, pmid: null });
  });

  it('lower-cases the id and versions documents by load time', () => {
    const [doc] = FIXTURE_PUBLICATIONS();
    expect(toPublicationIndexDocument({ ...doc, publicationId: doc.publicationId.toUpperCase() })).toEqual(doc);
    expect(publicationDocumentVersion({ ...doc, loadedAt: '2025-01-01T00:00:00.123Z' })).toBe(Date.UTC(2025, 0, 1, 0, 0, 0, 123));
    expect(() => publicationDocumentVersion({ ...doc, loadedAt: 'yesterday' })).toThrow(/invalid loadedAt/);
  });
});
