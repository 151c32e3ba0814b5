import type { estypes } from '@elastic/elasticsearch';
import { SearchDocument, SearchDocumentComplication, SearchDocumentProcedure } from '../../indexing/search-document';

/**
 * The index layout of the Elasticsearch engine: one document per case report (one patient), its
 * linked facts as nested documents, versioned index names behind one alias.
 *
 * Bump MAPPING_VERSION whenever INDEX_SETTINGS or INDEX_MAPPINGS change: ensureIndex warns when the
 * live index was built with another version, and a reindex (new index, alias swap) applies it.
 */
export const MAPPING_VERSION = 3;

/** The analyzer of every searchable text field and of the match_phrase queries. */
export const TEXT_ANALYZER = 'medical_english';

/**
 * PostgreSQL's `english` stop words (tsearch_data/english.stop, the Snowball list), not Lucene's
 * shorter `_english_` list: phrases skip the same words in both engines, and a query atom made only
 * of stop words is dropped by both (see query-builder.ts). Keep it identical to the embedded engine.
 */
export const ENGLISH_STOP_WORDS: readonly string[] = (
  'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
  'they them their theirs themselves what which who whom this that these those am is are was were be been being have has had ' +
  'having do does did doing a an the and but if or because as until while of at by for with about against between into through ' +
  'during before after above below to from up down in out on off over under again further then once here there when where why ' +
  'how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now'
).split(' ');

/**
 * Text analysis for medical English:
 * - the standard tokenizer (Unicode word boundaries: "post-dural" -> post, dural; "L3-L4" -> l3, l4);
 * - possessives stripped first ("Horner's syndrome" -> horner syndrome);
 * - lower case, then ASCII folding ("Guillain-Barré" matches "Barre");
 * - the stop words above (positions kept, so phrases keep their gaps like PostgreSQL's <N> operator);
 * - the Porter2 (Snowball English) stemmer, the one PostgreSQL's english configuration uses, so
 *   "hematomas" finds "hematoma" alike in both engines.
 * British/American spellings are not folded here: query atoms carry both spellings (spelling-variants.ts),
 * and term labels/synonyms are indexed in `termText`, so synonym expansion happens at index time from the
 * vocabulary rather than from a synonym file that could drift from it.
 */
export const INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  // A corpus of case reports fits one shard (100,000 cases are a few hundred MB): one shard also makes
  // terms aggregations and BM25 statistics exact, which the shared facet semantics rely on.
  number_of_shards: 1,
  auto_expand_replicas: '0-1',
  analysis: {
    filter: {
      medical_english_possessive: { type: 'stemmer', language: 'possessive_english' },
      medical_english_stop: { type: 'stop', stopwords: [...ENGLISH_STOP_WORDS] },
      medical_english_stemmer: { type: 'stemmer', language: 'porter2' },
    },
    analyzer: {
      [TEXT_ANALYZER]: {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['medical_english_possessive', 'lowercase', 'asciifolding', 'medical_english_stop', 'medical_english_stemmer'],
      },
    },
    normalizer: {
      lowercase_ascii: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
    },
  },
};

/** Text searched and highlighted; offsets make highlighting cheap on long abstracts and narratives. */
const highlightedText: estypes.MappingTextProperty = { type: 'text', analyzer: TEXT_ANALYZER, index_options: 'offsets' };
const text: estypes.MappingTextProperty = { type: 'text', analyzer: TEXT_ANALYZER };
const keyword: estypes.MappingKeywordProperty = { type: 'keyword' };
/** Bibliographic strings: kept exact (filters, future facets) and searchable through `otherText`. */
const bibliographic: estypes.MappingKeywordProperty = { type: 'keyword', ignore_above: 1024, copy_to: 'otherText' };
/** Numbers as double, like the embedded engine's float8: range bounds and histogram keys compare alike. */
const number: estypes.MappingDoubleNumberProperty = { type: 'double' };

const COMPLICATION_PROPERTIES: Record<keyof SearchDocumentComplication, estypes.MappingProperty> = {
  termId: keyword,
  termPath: keyword,
  procedureTermPath: keyword,
  onsetHours: number,
  symptomIds: keyword,
};

const PROCEDURE_PROPERTIES: Record<keyof SearchDocumentProcedure, estypes.MappingProperty> = {
  termId: keyword,
  termPath: keyword,
  bloodVolumeMl: number,
};

/**
 * Every field of SearchDocument, and nothing else (TypeScript checks both ways; `dynamic: strict`
 * makes Elasticsearch reject a document with a field the mapping does not know instead of guessing).
 * Field names are the SearchDocument's, so FacetField names are Elasticsearch field names.
 */
export const DOCUMENT_PROPERTIES: Record<keyof SearchDocument | 'otherText', estypes.MappingProperty> = {
  caseReportId: keyword,
  publicationId: keyword,

  title: highlightedText,
  abstract: highlightedText,
  journal: bibliographic,
  // integer, like the embedded engine's year column; the sort stand-ins for missing years (±1e9) fit.
  year: { type: 'integer' },
  publicationTypes: keyword,
  authors: bibliographic,
  doi: { ...bibliographic, normalizer: 'lowercase_ascii' },
  pmid: bibliographic,
  subjects: bibliographic,
  // The tie-break after the sort key (complete citations first, see citation-order.ts).
  citationComplete: { type: 'boolean' },

  label: bibliographic,
  ageYears: number,
  ageGroup: keyword,
  sex: keyword,
  pregnancyStatus: keyword,
  anticoagulation: keyword,
  outcome: keyword,
  curationStatus: keyword,
  hasKnownOutcome: { type: 'boolean' },

  complicationIds: keyword,
  procedureIds: keyword,
  treatmentIds: keyword,
  symptomIds: keyword,
  comorbidityIds: keyword,

  bloodPatchVolumesMl: number,
  onsetHours: number,

  summary: highlightedText,
  details: highlightedText,
  // Arrays of labels: the default position_increment_gap (100) keeps a phrase inside one label.
  termText: text,
  ancestorTermText: text,
  /** Label, journal, authors, subjects, DOI and PMID (copy_to), the weakest text signal. Not in _source. */
  otherText: text,

  complications: { type: 'nested', dynamic: 'strict', properties: COMPLICATION_PROPERTIES },
  procedures: { type: 'nested', dynamic: 'strict', properties: PROCEDURE_PROPERTIES },

  loadedAt: { type: 'date' },
};

export const INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { mappingVersion: MAPPING_VERSION, document: 'case report (one patient)' },
  properties: DOCUMENT_PROPERTIES,
};

/** `${alias}-v<epoch milliseconds>`: sortable, unique per build, recognisably this alias's. */
export function versionedIndexName(alias: string, now: number = Date.now()): string {
  return `${alias}-v${now}`;
}

/** Whether `name` is one of this alias's versioned indices (never another alias's, never the alias). */
export function isVersionedIndexOf(alias: string, name: string): boolean {
  return name.startsWith(`${alias}-v`) && /^\d+$/.test(name.slice(alias.length + 2));
}

/**
 * The indexed form of a document. Ids are lower-cased: the embedded engine stores uuids (compared
 * case-insensitively, ordered like lower-case hex), cursors carry lower-case ids, and the keyword
 * tie-break must order and compare exactly like that.
 */
export function toIndexDocument(doc: SearchDocument): SearchDocument {
  return { ...doc, caseReportId: doc.caseReportId.toLowerCase(), publicationId: doc.publicationId.toLowerCase() };
}

/** The external version of a document: when its rows were read. A newer load replaces an older one, never the reverse. */
export function documentVersion(doc: SearchDocument): number {
  const version = Date.parse(doc.loadedAt);
  if (!Number.isFinite(version) || version < 0) throw new Error(`search document ${doc.caseReportId} has an invalid loadedAt: ${JSON.stringify(doc.loadedAt)}`);
  return version;
}
