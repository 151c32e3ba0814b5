import type { estypes } from '@elastic/elasticsearch';
import { FIXTURE_DOCUMENTS } from '../../../../test/contract/search-fixture.factory';
import { FACETS } from '../../query/facet-registry';
import { HIGHLIGHT_FIELDS } from '../../query/search-result';
import {
  documentVersion,
  ENGLISH_STOP_WORDS,
  INDEX_MAPPINGS,
  INDEX_SETTINGS,
  isVersionedIndexOf,
  MAPPING_VERSION,
  TEXT_ANALYZER,
  toIndexDocument,
  versionedIndexName,
} from './index-mapping';
import { TEXT_FIELDS } from './query-builder';

type Properties = Record<string, estypes.MappingProperty & { properties?: Properties; dynamic?: unknown; copy_to?: string | string[] }>;
const properties = INDEX_MAPPINGS.properties as Properties;

/** Every field path of a document as it is sent (nested objects included). */
function pathsOf(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const items = Array.isArray(child) ? child : [child];
    const objects = items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
    return objects.length ? objects.flatMap((item) => pathsOf(item, `${prefix}${key}.`)) : [`${prefix}${key}`];
  });
}

function mappedPaths(props: Properties, prefix = ''): string[] {
  return Object.entries(props).flatMap(([key, property]) => (property.properties ? mappedPaths(property.properties, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('index mapping', () => {
  it('is strict, and maps every field of a real document (nested facts included) and nothing it lacks', () => {
    expect(INDEX_MAPPINGS.dynamic).toBe('strict');
    const sent = new Set(FIXTURE_DOCUMENTS().flatMap((doc) => pathsOf(toIndexDocument(doc) as unknown as Record<string, unknown>)));
    const mapped = new Set(mappedPaths(properties));
    expect([...sent].filter((path) => !mapped.has(path))).toEqual([]);
    // otherText is filled by copy_to, never sent.
    expect([...mapped].filter((path) => !sent.has(path)).sort()).toEqual(['otherText']);
  });

  it("keeps each patient's linked facts together as nested documents", () => {
    expect(properties.complications).toMatchObject({ type: 'nested', dynamic: 'strict' });
    expect(properties.procedures).toMatchObject({ type: 'nested', dynamic: 'strict' });
    expect(properties.complications.properties?.termPath).toEqual({ type: 'keyword' });
    expect(properties.complications.properties?.onsetHours).toEqual({ type: 'double' });
  });

  it('gives every facet field a keyword or numeric type, and ids keywords for the sort tie-break', () => {
    for (const facet of FACETS) {
      const type = properties[facet.field].type;
      if (facet.kind === 'numeric-range') expect([facet.field, ['double', 'integer']]).toEqual([facet.field, expect.arrayContaining([type])]);
      else expect([facet.field, type]).toEqual([facet.field, 'keyword']);
    }
    expect(properties.caseReportId.type).toBe('keyword');
    expect(properties.publicationId.type).toBe('keyword');
    expect(properties.hasKnownOutcome.type).toBe('boolean');
  });

  it('analyses every searched field with the medical English analyzer, highlighted ones with offsets', () => {
    for (const { field } of TEXT_FIELDS) expect([field, properties[field]]).toEqual([field, expect.objectContaining({ type: 'text', analyzer: TEXT_ANALYZER })]);
    for (const field of HIGHLIGHT_FIELDS) expect([field, properties[field]]).toEqual([field, expect.objectContaining({ index_options: 'offsets' })]);
    const copied = Object.entries(properties).filter(([, property]) => property.copy_to === 'otherText').map(([name]) => name);
    expect(copied.sort()).toEqual(['authors', 'doi', 'journal', 'label', 'pmid', 'subjects']);
  });

  it('strips possessives before folding, drops the embedded engine stop words, then stems with Porter2', () => {
    const analysis = INDEX_SETTINGS.analysis as estypes.IndicesIndexSettingsAnalysis;
    expect(analysis.analyzer?.[TEXT_ANALYZER]).toEqual({
      type: 'custom',
      tokenizer: 'standard',
      filter: ['medical_english_possessive', 'lowercase', 'asciifolding', 'medical_english_stop', 'medical_english_stemmer'],
    });
    expect(analysis.filter).toMatchObject({
      medical_english_possessive: { type: 'stemmer', language: 'possessive_english' },
      medical_english_stop: { type: 'stop', stopwords: ENGLISH_STOP_WORDS },
      medical_english_stemmer: { type: 'stemmer', language: 'porter2' },
    });
    // PostgreSQL's tsearch_data/english.stop: 127 words, including the ones Lucene's list lacks.
    expect(new Set(ENGLISH_STOP_WORDS).size).toBe(127);
    expect(ENGLISH_STOP_WORDS).toEqual(expect.arrayContaining(['after', 'no', 'not', 's', 't', 'don', 'against']));
    expect(INDEX_SETTINGS.number_of_shards).toBe(1);
    expect(INDEX_MAPPINGS._meta).toMatchObject({ mappingVersion: MAPPING_VERSION });
  });

  it('names versioned indices after the alias, and recognises only its own', () => {
    expect(versionedIndexName('case-reports', 1735732800000)).toBe('case-reports-v1735732800000');
    expect(isVersionedIndexOf('case-reports', 'case-reports-v1735732800000')).toBe(true);
    expect(isVersionedIndexOf('case-reports', 'case-reports')).toBe(false);
    expect(isVersionedIndexOf('case-reports', 'case-reports-v')).toBe(false);
    expect(isVersionedIndexOf('case-reports', 'case-reports-old-v1')).toBe(false);
    expect(isVersionedIndexOf('case', 'case-reports-v1')).toBe(false);
    expect(isVersionedIndexOf('case-reports', 'other-v1')).toBe(false);
  });

  it('lower-cases ids and versions documents by load time', () => {
    const [doc] = FIXTURE_DOCUMENTS();
    const upper = { ...doc, caseReportId: doc.caseReportId.toUpperCase(), publicationId: doc.publicationId.toUpperCase() };
    expect(toIndexDocument(upper)).toEqual(doc);
    expect(documentVersion({ ...doc, loadedAt: '2025-01-01T00:00:00.123Z' })).toBe(Date.UTC(2025, 0, 1, 0, 0, 0, 123));
    expect(() => documentVersion({ ...doc, loadedAt: 'yesterday' })).toThrow(/invalid loadedAt/);
  });
});
