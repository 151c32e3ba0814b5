import { FacetName } from './facet-registry';

/** `field` is one of HIGHLIGHT_FIELDS; snippets are HTML-escaped text where only <mark>…</mark> is markup. */
export interface HighlightResult {
  field: HighlightField;
  snippets: string[];
}

/** The document text fields that get highlighted snippets, in this order. */
export const HIGHLIGHT_FIELDS = ['title', 'summary', 'details', 'abstract'] as const;
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];

export interface EngineHit {
  caseReportId: string;
  publicationId: string;
  /** Relevance score when the query has text; null otherwise. Engines differ in scale. */
  score: number | null;
  /** The values of the sort key (see sortSpecOf): what the next page's cursor carries. */
  sortValues: number[];
  highlights: HighlightResult[];
}

/** Counts of one facet value among the cases matching every filter except the facet's own. */
export interface EngineFacetBucket {
  value: string;
  caseCount: number;
  /** Distinct publications among those cases. */
  publicationCount: number;
}

export interface HistogramBucket {
  from: number;
  to: number;
  caseCount: number;
}

export interface NumericStats {
  min: number | null;
  max: number | null;
  buckets: HistogramBucket[];
}

/**
 * What an engine returns for one requested facet, before labels, trees, `selected`, zero values and
 * limits are added by the shared FacetAssembler:
 * - term/enum facets: a bucket for every value with at least one case (any order). With includeZero,
 *   free-valued facets (PUBLICATION_TYPE) also list values present in the index with zero cases.
 * - numeric facets: `stats` (min and max over the matching cases' values; histogram buckets of
 *   `interval` width, from = floor(value / interval) * interval, counting each case once per bucket;
 *   empty buckets may be left out). `buckets` is empty.
 */
export interface EngineFacetResult {
  facet: FacetName;
  buckets: EngineFacetBucket[];
  stats: NumericStats | null;
}

export interface EngineSearchResult {
  totalCases: number;
  totalPublications: number;
  /** At most `page.first` hits, in sort order, after `page.after`. */
  hits: EngineHit[];
  /** Whether more hits follow the last one returned. */
  hasNextPage: boolean;
  facets: EngineFacetResult[];
}
