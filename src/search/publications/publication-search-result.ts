import { NumericStats } from '../query/search-result';
import { PublicationFacetName } from './publication-search-query';

/** Highlighted fields of a publication hit. */
export const PUBLICATION_HIGHLIGHT_FIELDS = ['title', 'abstract'] as const;

export interface EnginePublicationHit {
  publicationId: string;
  score: number | null;
  /** The sort key value ([score] or [year or its missing stand-in]): the next page's cursor. */
  sortValues: number[];
  /** Per field, snippets already rendered by the engine (renderHighlight: HTML-escaped, only <mark> is markup), as case search. */
  highlights: { field: (typeof PUBLICATION_HIGHLIGHT_FIELDS)[number]; snippets: string[] }[];
}

export interface EnginePublicationBucket {
  value: string;
  publicationCount: number;
}

/**
 * One requested facet. Term/enum facets: a bucket per value with at least one publication (with
 * includeZero, free-valued facets also list values present in the index with zero). Numeric: stats.
 */
export interface EnginePublicationFacetResult {
  facet: PublicationFacetName;
  buckets: EnginePublicationBucket[];
  stats: NumericStats | null;
}

export interface EnginePublicationSearchResult {
  totalPublications: number;
  hits: EnginePublicationHit[];
  hasNextPage: boolean;
  facets: EnginePublicationFacetResult[];
}
