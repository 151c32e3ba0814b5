/** Turns facet tallies into summary rows: counts, proportions of all and of the known, intervals. Pure. */
import { FacetTally, ListedValue, ValueCount } from './facet-tally';
import { ProportionEstimate, proportionOf } from './proportions';

export interface SummaryRow extends ListedValue {
  caseCount: number;
  publicationCount: number;
  /** Of every case of the search. */
  ofAll: ProportionEstimate | null;
  /** Of the cases whose value is known; null for the unknown row (and when no value is known). */
  ofKnown: ProportionEstimate | null;
  /** Present only when the search finds both curated and suggested cases. */
  curated: ValueCount | null;
  suggested: ValueCount | null;
}

/** Cases whose value is known (for multi-valued facets: cases with at least one value). */
export function knownCasesOf(tally: FacetTally): number {
  return tally.totalCases - tally.unknown.caseCount;
}

export function countOf(tally: FacetTally, row: ListedValue): ValueCount {
  return row.unknown ? tally.unknown : (tally.counts.get(row.value) ?? { caseCount: 0, publicationCount: 0 });
}

export function summaryRows(listed: readonly ListedValue[], tally: FacetTally, split: { curated: FacetTally; suggested: FacetTally } | null): SummaryRow[] {
  const known = knownCasesOf(tally);
  return listed.map((row) => {
    const count = countOf(tally, row);
    return {
      ...row,
      ...count,
      ofAll: proportionOf(count.caseCount, tally.totalCases),
      ofKnown: row.unknown ? null : proportionOf(count.caseCount, known),
      curated: split ? countOf(split.curated, row) : null,
      suggested: split ? countOf(split.suggested, row) : null,
    };
  });
}
