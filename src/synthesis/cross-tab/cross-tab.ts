/** A cross-tabulation assembled from counts: margins, cells, row and column proportions. Pure. */
import { FacetTally, ListedValue, ValueCount } from '../summary/facet-tally';
import { countOf } from '../summary/case-summary';
import { ProportionEstimate, proportionOf } from '../summary/proportions';

export interface CrossTabHeader extends ListedValue, ValueCount {
  /** Of all cases of the search. */
  ofAll: ProportionEstimate | null;
}

export interface CrossTabCell extends ValueCount {
  rowValue: string;
  columnValue: string;
  /** Of the row's cases. */
  ofRow: ProportionEstimate | null;
  /** Of the column's cases. */
  ofColumn: ProportionEstimate | null;
}

/** Cell counts keyed by row value, then column value. */
export type CellCounts = Map<string, Map<string, ValueCount>>;

export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

/**
 * The `limit` known values with the most cases (ties: the listing's order), listed in the listing's
 * order, and the unknown row. Returns how many known values were left out.
 */
export function limitValues(listed: readonly ListedValue[], tally: FacetTally, limit: number): { kept: ListedValue[]; omitted: number } {
  const known = listed.filter((value) => !value.unknown);
  if (known.length <= limit) return { kept: [...listed], omitted: 0 };
  const ranked = known.map((value, index) => ({ value, index, count: countOf(tally, value).caseCount })).sort((a, b) => b.count - a.count || a.index - b.index);
  const keep = new Set(ranked.slice(0, limit).map((entry) => entry.value.value));
  return { kept: listed.filter((value) => value.unknown || keep.has(value.value)), omitted: known.length - limit };
}

export function headersOf(values: readonly ListedValue[], tally: FacetTally): CrossTabHeader[] {
  return values.map((value) => {
    const count = countOf(tally, value);
    return { ...value, ...count, ofAll: proportionOf(count.caseCount, tally.totalCases) };
  });
}

/** Cells row by row; a pair without cases is 0. */
export function cellsOf(rows: readonly CrossTabHeader[], columns: readonly CrossTabHeader[], counts: ReadonlyMap<string, ValueCount>): CrossTabCell[] {
  return rows.flatMap((row) =>
    columns.map((column) => {
      const count = counts.get(cellKey(row.value, column.value)) ?? { caseCount: 0, publicationCount: 0 };
      return { rowValue: row.value, columnValue: column.value, ...count, ofRow: proportionOf(count.caseCount, row.caseCount), ofColumn: proportionOf(count.caseCount, column.caseCount) };
    }),
  );
}
