import { SearchDocument } from '../../src/search/indexing/search-document';
import { facetDefinition } from '../../src/search/query/facet-registry';
import { CrossTabCountsRequest, EngineCrossTab } from '../../src/search/query/cross-tab-counts';
import { clausesForFacet, facetLink, FilterClause, filterClauses, ownClauses, SearchQuery, sortSpecOf, splitForFacets } from '../../src/search/query/search-query';
import { EngineFacetResult } from '../../src/search/query/search-result';

/**
 * A deliberately naive in-memory evaluation of the filter and facet semantics (no text), written
 * from the SearchQuery documentation rather than from either engine. The contract compares engines
 * with it on generated filter combinations.
 */
const valuesOf = (doc: SearchDocument, field: string): unknown[] => {
  const value = (doc as unknown as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
};

export function matches(doc: SearchDocument, clause: FilterClause): boolean {
  switch (clause.kind) {
    case 'any-of':
      return valuesOf(doc, clause.field).some((value) => clause.values.includes(value as string));
    case 'range':
      return valuesOf(doc, clause.field).some((value) => (clause.min === undefined || (value as number) >= clause.min) && (clause.max === undefined || (value as number) <= clause.max));
    case 'outcome-known':
      return doc.hasKnownOutcome === clause.value;
    case 'complication-after-procedure':
      // Some complication of the case within the selected ones followed a procedure within the selected ones (empty: any).
      if (!clause.procedures.length) return doc.complicationIds.some((id) => clause.complications.includes(id));
      if (!clause.complications.length) return doc.procedureIds.some((id) => clause.procedures.includes(id));
      return doc.complications.some((c) => c.termPath.some((id) => clause.complications.includes(id)) && c.procedureTermPath.some((id) => clause.procedures.includes(id)));
  }
}

/** The values a case counts under in one facet: the field, or under a link only the linked side's terms. */
function facetValuesOf(doc: SearchDocument, field: string, link: ReturnType<typeof facetLink>): string[] {
  if (!link) return valuesOf(doc, field) as string[];
  if (link.counted === 'complication') return doc.complications.filter((c) => c.procedureTermPath.some((id) => link.via.includes(id))).flatMap((c) => c.termPath);
  return doc.complications.filter((c) => c.termPath.some((id) => link.via.includes(id))).flatMap((c) => c.procedureTermPath);
}

export function referenceSearch(docs: SearchDocument[], query: SearchQuery): { ids: string[]; totalCases: number; totalPublications: number; facets: EngineFacetResult[] } {
  const { common, own } = splitForFacets(query);
  const all = [...common, ...ownClauses(own)];
  const hits = docs.filter((doc) => all.every((clause) => matches(doc, clause)));
  const spec = sortSpecOf(query.sort, false);
  const key = (doc: SearchDocument) => (spec.key === 'year' ? doc.year : doc.ageYears) ?? spec.missing;
  // The key, then complete citations first, then id.
  hits.sort((a, b) => (spec.direction === 'asc' ? key(a) - key(b) : key(b) - key(a)) || Number(b.citationComplete) - Number(a.citationComplete) || (a.caseReportId < b.caseReportId ? -1 : 1));
  const facets = query.facets.map((request): EngineFacetResult => {
    const definition = facetDefinition(request.facet);
    const clauses = clausesForFacet(query, request.facet);
    const base = docs.filter((doc) => clauses.every((clause) => matches(doc, clause)));
    if (definition.kind === 'numeric-range') {
      const interval = request.interval ?? (definition.defaultInterval as number);
      const values = base.flatMap((doc) => valuesOf(doc, definition.field) as number[]);
      const buckets = new Map<number, Set<string>>();
      for (const doc of base) for (const value of valuesOf(doc, definition.field) as number[]) {
        const from = Math.floor(value / interval) * interval;
        buckets.set(from, (buckets.get(from) ?? new Set()).add(doc.caseReportId));
      }
      return {
        facet: request.facet,
        buckets: [],
        stats: { min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null, buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([from, ids]) => ({ from, to: from + interval, caseCount: ids.size })) },
      };
    }
    const counts = new Map<string, { cases: number; publications: Set<string> }>();
    const link = facetLink(query, request.facet);
    for (const doc of base) for (const value of new Set(facetValuesOf(doc, definition.field, link))) {
      const entry = counts.get(value) ?? { cases: 0, publications: new Set<string>() };
      entry.cases++;
      entry.publications.add(doc.publicationId);
      counts.set(value, entry);
    }
    return { facet: request.facet, stats: null, buckets: [...counts.entries()].map(([value, entry]) => ({ value, caseCount: entry.cases, publicationCount: entry.publications.size })) };
  });
  return { ids: hits.map((doc) => doc.caseReportId), totalCases: hits.length, totalPublications: new Set(hits.map((doc) => doc.publicationId)).size, facets };
}

/** The cross-tab (SearchEngine.crossTab) of the cases matching every clause, naively: each case's values, unknown when it has none known. */
export function referenceCrossTab(docs: SearchDocument[], query: SearchQuery, request: CrossTabCountsRequest): EngineCrossTab {
  const clauses = filterClauses(query.filters);
  const hits = docs.filter((doc) => clauses.every((clause) => matches(doc, clause)));
  const axisValues = (doc: SearchDocument, axis: CrossTabCountsRequest['rows']) => {
    const known = [...new Set(valuesOf(doc, facetDefinition(axis.facet).field) as string[])].filter((value) => value !== axis.unknownValue);
    return known.length ? known : [axis.unknownValue];
  };
  const tally = new Map<string, { cases: number; publications: Set<string> }>();
  const add = (key: string, doc: SearchDocument) => {
    const entry = tally.get(key) ?? { cases: 0, publications: new Set<string>() };
    entry.cases++;
    entry.publications.add(doc.publicationId);
    tally.set(key, entry);
  };
  for (const doc of hits) {
    const rows = axisValues(doc, request.rows);
    const columns = axisValues(doc, request.columns);
    for (const row of rows) add(`r\u0000${row}`, doc);
    for (const column of columns) add(`c\u0000${column}`, doc);
    for (const row of rows) for (const column of columns) add(`x\u0000${row}\u0000${column}`, doc);
  }
  const entries = (prefix: string) => [...tally].filter(([key]) => key.startsWith(`${prefix}\u0000`)).map(([key, entry]) => ({ parts: key.split('\u0000').slice(1), caseCount: entry.cases, publicationCount: entry.publications.size }));
  return {
    totalCases: hits.length,
    totalPublications: new Set(hits.map((doc) => doc.publicationId)).size,
    rows: entries('r').map(({ parts, ...count }) => ({ value: parts[0], ...count })),
    columns: entries('c').map(({ parts, ...count }) => ({ value: parts[0], ...count })),
    cells: entries('x').map(({ parts, ...count }) => ({ row: parts[0], column: parts[1], ...count })),
  };
}
