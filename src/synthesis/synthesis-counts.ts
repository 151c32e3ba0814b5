import { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../graphql/selection';

/** What a caller shows: distinct publications cost most of a summary's or a cross-tab's time, so they are counted only when asked for. */
export interface SynthesisCounts {
  /** Distinct publications (totals, margins, cells, rows); true when absent. When false every publication count is 0. */
  publications?: boolean;
}

/** Where a caseCrossTab selection can show publication counts (paths below the field, then field names). */
export const CROSS_TAB_PUBLICATION_FIELDS: [string[], string][] = [
  [[], 'totalPublications'],
  [['rowHeaders'], 'publicationCount'],
  [['columnHeaders'], 'publicationCount'],
  [['cells'], 'publicationCount'],
];

/** Where a caseSummary selection can show publication counts. */
export const SUMMARY_PUBLICATION_FIELDS: [string[], string][] = [
  [[], 'totalPublications'],
  [['rows'], 'publicationCount'],
  [['rows', 'curated'], 'publicationCount'],
  [['rows', 'suggested'], 'publicationCount'],
];

/**
 * Publications are counted when the selection shows any of these fields (through aliases and
 * fragments; a field under @skip/@include counts as selected, see selectedFieldNames), so a selected
 * publication count is always a real one.
 */
export function countsSelected(info: GraphQLResolveInfo, publicationFields: readonly [string[], string][]): SynthesisCounts {
  return { publications: publicationFields.some(([path, name]) => selectedFieldNames(info, path).has(name)) };
}
