import type { estypes } from '@elastic/elasticsearch';
import { PublicationSearchDocument } from '../../publications/publication-search-document';
import { stripControlCharacters } from '../../query/highlight';
import { INDEX_SETTINGS, TEXT_ANALYZER } from './index-mapping';

/**
 * The index layout of the publication search: one document per stored publication (with or without
 * case reports), versioned index names `${alias}-v<epoch ms>` behind its own alias
 * `${ELASTICSEARCH_INDEX_PREFIX}_publications` (see publicationAliasOf).
 *
 * Bump PUBLICATION_MAPPING_VERSION whenever the settings or PUBLICATION_INDEX_MAPPINGS change: ensureIndex
 * warns when the live index was built with another version, and a reindex applies it.
 */
export const PUBLICATION_MAPPING_VERSION = 3;

/** Appended to ELASTICSEARCH_INDEX_PREFIX (the case index's alias) to name the publication alias. */
export const PUBLICATION_ALIAS_SUFFIX = '_publications';

/**
 * `case-reports` -> `case-reports_publications`, indices `case-reports_publications-v<ms>`. The case
 * alias's indices are `case-reports-v<ms>`: neither alias's isVersionedIndexOf accepts the other's
 * indices (the case check needs digits right after `case-reports-v`), nor does the `case-reports-v*`
 * wildcard of the case engine's deleteAllIndices match a publication index.
 */
export function publicationAliasOf(prefix: string): string {
  return `${prefix}${PUBLICATION_ALIAS_SUFFIX}`;
}

/** The case index's settings: one shard (exact terms counts and BM25 statistics) and the `medical_english` analysis. */
export const PUBLICATION_INDEX_SETTINGS: estypes.IndicesIndexSettings = INDEX_SETTINGS;

/** Searched and highlighted; offsets make highlighting cheap on long abstracts. */
const highlightedText: estypes.MappingTextProperty = { type: 'text', analyzer: TEXT_ANALYZER, index_options: 'offsets' };
/** Searched only; arrays of names/labels keep the default position_increment_gap (100), so a phrase stays inside one value. */
const text: estypes.MappingTextProperty = { type: 'text', analyzer: TEXT_ANALYZER };
/** Facet and filter values: exact, never truncated (no ignore_above: a value left out would vanish from counts and filters). */
const keyword: estypes.MappingKeywordProperty = { type: 'keyword' };

/**
 * Every field of PublicationSearchDocument, and nothing else (TypeScript checks both ways; `dynamic:
 * strict` makes Elasticsearch reject an unknown field). Field names are the document's, so
 * PublicationFacetField names are Elasticsearch field names.
 */
export const PUBLICATION_DOCUMENT_PROPERTIES: Record<keyof PublicationSearchDocument | 'otherText', estypes.MappingProperty> = {
  publicationId: keyword,

  title: highlightedText,
  abstract: highlightedText,
  authors: { ...text, copy_to: 'otherText' },
  subjects: text,

  // Exact for lookups (DOIs compare case-insensitively), and copied into otherText so a pasted DOI or PMID
  // finds its record, as in the embedded engine (weight D there).
  doi: { type: 'keyword', ignore_above: 1024, normalizer: 'lowercase_ascii', copy_to: 'otherText' },
  pmid: { type: 'keyword', ignore_above: 1024, copy_to: 'otherText' },
  /** Authors, DOI and PMID (copy_to), the weakest text signal. Not in _source. */
  otherText: text,

  // integer, like the embedded engine's year; the sort stand-ins for a missing year (±1e9) fit.
  year: { type: 'integer' },
  publicationTypes: keyword,
  meshUis: keyword,
  journal: keyword,
  language: keyword,
  reviews: keyword,
  importBatchIds: keyword,
  caseStatus: keyword,
  screeningDecisions: keyword,
  // The tie-break after the sort key (complete citations first, see citation-order.ts).
  citationComplete: { type: 'boolean' },

  loadedAt: { type: 'date' },
};

export const PUBLICATION_INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { mappingVersion: PUBLICATION_MAPPING_VERSION, document: 'publication' },
  properties: PUBLICATION_DOCUMENT_PROPERTIES,
};

/**
 * The indexed form of a document. The id is lower-cased (uuids: the embedded engine compares them
 * case-insensitively and orders them like lower-case hex; cursors carry lower-case ids, and the keyword
 * tie-break must order and compare exactly like that). Control characters are replaced by spaces in the
 * text, as the embedded engine stores it (its rowOf): the highlighter marks matches with control-character
 * sentinels (highlight.ts), so one left in a stored title or abstract would open a false mark or, as a
 * fragment delimiter, cut a snippet (case documents are stripped by buildSearchDocument already). The DOI and
 * PMID too: the embedded engine's other_text holds them made searchable (no soft hyphen, full-width digits folded).
 */
export function toPublicationIndexDocument(doc: PublicationSearchDocument): PublicationSearchDocument {
  return {
    ...doc,
    publicationId: doc.publicationId.toLowerCase(),
    title: stripControlCharacters(doc.title),
    abstract: doc.abstract === null ? null : stripControlCharacters(doc.abstract),
    authors: doc.authors.map(stripControlCharacters),
    subjects: doc.subjects.map(stripControlCharacters),
    // copy_to sends them to otherText as they are: written as the embedded engine indexes its other_text.
    doi: doc.doi === null ? null : stripControlCharacters(doc.doi),
    pmid: doc.pmid === null ? null : stripControlCharacters(doc.pmid),
  };
}

/** The external version of a document: when its rows were read. A newer load replaces an older one, never the reverse. */
export function publicationDocumentVersion(doc: PublicationSearchDocument): number {
  const version = Date.parse(doc.loadedAt);
  if (!Number.isFinite(version) || version < 0) throw new Error(`publication search document ${doc.publicationId} has an invalid loadedAt: ${JSON.stringify(doc.loadedAt)}`);
  return version;
}
