/**
 * Facet tallies from the engine's one-pass cross-tab (SearchEngine.crossTab): the margins of one
 * axis, or one column's cells (e.g. the curated cases of each value). Pure.
 */
import { CrossTabAxis, EngineCrossTab } from '../../search/query/cross-tab-counts';
import { FacetDefinition } from '../../search/query/facet-registry';
import { FacetTally, unknownValueOf, ValueCount } from './facet-tally';

/** The axis the engine counts a facet on: its unknown row is the synthesis' (UNKNOWN, the missing value, NONE). */
export function crossTabAxis(definition: FacetDefinition): CrossTabAxis {
  return { facet: definition.name, unknownValue: unknownValueOf(definition).value };
}

const ZERO: ValueCount = { caseCount: 0, publicationCount: 0 };

function tallyOf(definition: FacetDefinition, entries: Iterable<[string, ValueCount]>, totals: ValueCount): FacetTally {
  const unknown = unknownValueOf(definition).value;
  const counts = new Map<string, ValueCount>();
  let unknownCount = ZERO;
  for (const [value, count] of entries) {
    if (value === unknown) unknownCount = count;
    else counts.set(value, count);
  }
  return { totalCases: totals.caseCount, totalPublications: totals.publicationCount, counts, unknown: unknownCount, method: 'FACETS' };
}

/** The tally of the rows' facet over every matching case (the row margins). */
export function rowTallyOf(definition: FacetDefinition, tab: EngineCrossTab): FacetTally {
  return tallyOf(
    definition,
    tab.rows.map((bucket) => [bucket.value, { caseCount: bucket.caseCount, publicationCount: bucket.publicationCount }]),
    { caseCount: tab.totalCases, publicationCount: tab.totalPublications },
  );
}

/** The tally of the columns' facet over every matching case (the column margins). */
export function columnTallyOf(definition: FacetDefinition, tab: EngineCrossTab): FacetTally {
  return tallyOf(
    definition,
    tab.columns.map((bucket) => [bucket.value, { caseCount: bucket.caseCount, publicationCount: bucket.publicationCount }]),
    { caseCount: tab.totalCases, publicationCount: tab.totalPublications },
  );
}

/** The tally of the rows' facet over the cases of one column value (that column's cells; its margin as totals). */
export function rowTallyWithin(definition: FacetDefinition, tab: EngineCrossTab, column: string): FacetTally {
  const margin = tab.columns.find((bucket) => bucket.value === column);
  return tallyOf(
    definition,
    tab.cells.filter((cell) => cell.column === column).map((cell) => [cell.row, { caseCount: cell.caseCount, publicationCount: cell.publicationCount }]),
    margin ? { caseCount: margin.caseCount, publicationCount: margin.publicationCount } : ZERO,
  );
}
