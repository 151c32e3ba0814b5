/** The GraphQL documents of the workspace, and the shapes it reads. */

export interface Segment {
  text: string;
  highlighted: boolean;
}

export interface ReviewerDecision {
  reviewer: string;
  decision: 'INCLUDE' | 'EXCLUDE' | 'MAYBE';
  reason: string | null;
  note: string | null;
}

export type Status = 'UNDECIDED' | 'INCLUDED' | 'EXCLUDED' | 'MAYBE' | 'CONFLICT';

export interface QueueItem {
  status: Status;
  finalReason: string | null;
  publication: { id: string; title: string | null; titleStatus: string; journal: string | null; year: number | null; pmid: string | null; doi: string | null; meshHeadings: { label: string }[]; keywords: string[] };
  titleSegments: Segment[];
  abstractSegments: Segment[];
  myDecision: ReviewerDecision | null;
  decisions: ReviewerDecision[];
  resolution: { resolvedBy: string; decision: string; reason: string | null } | null;
}

export interface Progress {
  total: number;
  screened: number;
  undecided: number;
  included: number;
  excluded: number;
  maybe: number;
  conflicts: number;
}

export interface Review {
  name: string;
  question: string | null;
  questionTerms: string[];
  publicationCount: number;
  exclusionReasons: { code: string; label: string; needsNote: boolean }[];
}

const ITEM = `status finalReason
  publication { id title titleStatus journal year pmid doi meshHeadings { label } keywords }
  titleSegments { text highlighted } abstractSegments { text highlighted }
  myDecision { reviewer decision reason note } decisions { reviewer decision reason note }
  resolution { resolvedBy decision reason }`;

export const REVIEWS_QUERY = `query WorkspaceReviews { reviews { name question questionTerms publicationCount exclusionReasons { code label needsNote } } }`;

export const QUEUE_QUERY = `query ScreeningQueue($review: String!, $filter: ScreeningStatus, $reason: String, $text: String, $first: Int, $after: String) {
  screeningQueue(review: $review, scope: MINE, filter: $filter, reason: $reason, text: $text, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    progress { total screened undecided included excluded maybe conflicts }
    items { ${ITEM} }
  }
}`;

export const PROGRESS_QUERY = `query ScreeningProgress($review: String!) {
  screeningQueue(review: $review, scope: MINE, first: 0) { progress { total screened undecided included excluded maybe conflicts } }
}`;

export const CONFLICTS_QUERY = `query ScreeningConflicts($review: String!) { screeningConflicts(review: $review) { ${ITEM} } }`;

export const SCREEN_MUTATION = `mutation Screen($review: String!, $publicationId: ID!, $decision: ScreeningDecisionValue!, $reason: String, $note: String) {
  screenPublication(review: $review, publicationId: $publicationId, decision: $decision, reason: $reason, note: $note) { ${ITEM} }
}`;

export const RESOLVE_MUTATION = `mutation Resolve($review: String!, $publicationId: ID!, $decision: ScreeningDecisionValue!, $reason: String, $note: String) {
  resolveScreeningConflict(review: $review, publicationId: $publicationId, decision: $decision, reason: $reason, note: $note) { ${ITEM} }
}`;
