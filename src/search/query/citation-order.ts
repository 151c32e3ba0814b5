/**
 * The tie-break both searches (cases and publications) and both engines apply right after the sort key:
 * records whose citation is complete (isCitationComplete: title, authors, journal, year) come before
 * those with an unknown part, so at equal relevance, equal year or equal age the incomplete record is
 * listed after; the id ends every order. A hit's sortValues are [sort key value, citation value], and a
 * cursor carries both, so keyset paging stays exact across the boundary between the two groups.
 *
 * The citation value is 1 for complete and 0 for incomplete and is ordered descending; it is what
 * Elasticsearch answers for a `boolean` field sorted descending (doc values 1/0), so its sort values
 * round-trip unchanged through the cursor.
 */
export const CITATION_COMPLETE = 1;
export const CITATION_INCOMPLETE = 0;

/** How many values a hit's sortValues (and a cursor) hold: the sort key and the citation value. */
export const SORT_VALUE_COUNT = 2;

export function citationSortValue(complete: boolean): number {
  return complete ? CITATION_COMPLETE : CITATION_INCOMPLETE;
}

/**
 * The citation value of a sort value Elasticsearch returned: 1/0 for a mapped boolean (also true/false,
 * in case a version formats it), any other number as it came (an index built before the field existed
 * sorts it as missing, with a stand-in that must round-trip unchanged).
 */
export function citationValueOf(raw: unknown): number | null {
  if (raw === true) return CITATION_COMPLETE;
  if (raw === false) return CITATION_INCOMPLETE;
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}
