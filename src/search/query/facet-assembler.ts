import { TermKind } from '../../vocabulary/term-kind.enum';
import { TermIndex } from '../indexing/search-document';
import { enumLabel, FacetDefinition, facetDefinition, FacetName } from './facet-registry';
import { FacetRequest, SearchFilters } from './search-query';
import { EngineFacetBucket, EngineFacetResult, HistogramBucket, NumericStats } from './search-result';

/** One value of a facet as the API returns it. */
export interface FacetValueView {
  value: string;
  label: string;
  termId: string | null;
  /** The term's stable key (links and saved searches name terms by it, not by id). */
  termKey: string | null;
  caseCount: number;
  publicationCount: number;
  selected: boolean;
  children: FacetValueView[];
}

export interface FacetView {
  facet: FacetName;
  values: FacetValueView[];
  stats: NumericStats | null;
}

/** The most histogram buckets returned; wider intervals are the caller's remedy. */
export const MAX_HISTOGRAM_BUCKETS = 500;

const byCountThenLabel = (a: FacetValueView, b: FacetValueView) => b.caseCount - a.caseCount || a.label.localeCompare(b.label) || a.value.localeCompare(b.value);

function selectedValues(definition: FacetDefinition, filters: SearchFilters): Set<string> {
  const value = filters[definition.filterKey];
  return new Set(Array.isArray(value) ? (value as string[]) : []);
}

function fillHistogram(stats: NumericStats, interval: number): NumericStats {
  if (!stats.buckets.length) return { ...stats, buckets: [] };
  const counts = new Map(stats.buckets.map((bucket) => [bucket.from, bucket.caseCount]));
  const froms = stats.buckets.map((bucket) => bucket.from);
  const first = Math.min(...froms);
  const last = Math.max(...froms);
  const buckets: HistogramBucket[] = [];
  for (let i = 0; buckets.length < MAX_HISTOGRAM_BUCKETS; i++) {
    const from = roundBucket(first + i * interval, interval);
    if (from > last + interval / 2) break;
    buckets.push({ from, to: roundBucket(from + interval, interval), caseCount: countNear(counts, from, interval) });
  }
  return { min: stats.min, max: stats.max, buckets };
}

/** Avoids 0.30000000000000004-style bucket bounds. */
function roundBucket(value: number, interval: number): number {
  const decimals = Math.min(10, Math.max(0, -Math.floor(Math.log10(interval)) + 2));
  return Number(value.toFixed(decimals));
}

function countNear(counts: Map<number, number>, from: number, interval: number): number {
  for (const [key, count] of counts) if (Math.abs(key - from) < interval / 1e6) return count;
  return 0;
}

/**
 * Turns an engine's raw facet buckets into what the API shows: labels, the complication tree (counts
 * already rolled up by the documents' ancestor ids), zero-count values on request (for vocabulary
 * facets: see zeroTermValues), selected values
 * always present, a stable order (enums in declaration order; terms by count, then label) and limits.
 */
export function assembleFacets(requests: FacetRequest[], results: EngineFacetResult[], filters: SearchFilters, terms: TermIndex): FacetView[] {
  const resultOf = new Map(results.map((result) => [result.facet, result]));
  return requests.map((request) => {
    const definition = facetDefinition(request.facet);
    const result = resultOf.get(request.facet) ?? { facet: request.facet, buckets: [], stats: null };
    if (definition.kind === 'numeric-range') {
      const stats = result.stats ?? { min: null, max: null, buckets: [] };
      return { facet: request.facet, values: [], stats: fillHistogram(stats, request.interval ?? (definition.defaultInterval as number)) };
    }
    const selected = selectedValues(definition, filters);
    const counts = new Map<string, EngineFacetBucket>(result.buckets.map((bucket) => [bucket.value, bucket]));
    const view = (value: string, label: string, termId: string | null): FacetValueView => ({
      value,
      label,
      termId,
      termKey: termId ? (terms.get(termId)?.key ?? null) : null,
      caseCount: counts.get(value)?.caseCount ?? 0,
      publicationCount: counts.get(value)?.publicationCount ?? 0,
      selected: selected.has(value),
      children: [],
    });
    const wanted = (value: FacetValueView) => request.includeZero || value.caseCount > 0 || value.selected;
    let values: FacetValueView[];
    if (definition.kind === 'enum') {
      values = (definition.values ?? []).map((v) => view(v.value, v.label, null)).filter(wanted);
    } else if (definition.termKind) {
      const candidates = new Set<string>([...counts.keys(), ...selected]);
      if (request.includeZero) for (const id of zeroTermValues(definition.termKind, counts, selected, terms)) candidates.add(id);
      if (request.includeZero && definition.missingValue) candidates.add(definition.missingValue.value);
      const all = [...candidates].map((value) => {
        const term = terms.get(value);
        return term ? view(term.id, term.label, term.id) : view(value, enumLabel(definition, value), null);
      });
      values = all.filter(wanted);
      if (definition.kind === 'hierarchical-terms') {
        const included = new Map(values.map((value) => [value.value, value]));
        const roots: FacetValueView[] = [];
        for (const value of values) {
          const parentId = terms.get(value.value)?.parentId;
          const parent = parentId ? included.get(parentId) : undefined;
          (parent ? parent.children : roots).push(value);
        }
        const sortTree = (nodes: FacetValueView[]) => {
          nodes.sort(byCountThenLabel);
          nodes.forEach((node) => sortTree(node.children));
        };
        sortTree(roots);
        values = roots;
      } else {
        values.sort(byCountThenLabel);
      }
    } else {
      const candidates = new Set<string>([...counts.keys(), ...selected]);
      values = [...candidates].map((value) => view(value, value, null)).filter(wanted).sort(byCountThenLabel);
    }
    if (request.limit !== undefined) values = keepSelected(values, request.limit);
    return { facet: request.facet, values, stats: null };
  });
}

/**
 * The zero-count vocabulary values a term facet lists on request: the roots of the kind's tree and the
 * children of every value that has cases or is selected, so the tree can be opened one level below
 * anything shown. Not the whole vocabulary: with the MeSH terms it runs to thousands per kind, most
 * never used (facetValues finds any term by prefix). The cost follows the terms the cases use.
 */
export function zeroTermValues(kind: TermKind, counts: ReadonlyMap<string, EngineFacetBucket>, selected: ReadonlySet<string>, terms: TermIndex): string[] {
  const ids = terms.roots(kind).map((term) => term.id);
  const shown = new Set([...[...counts.values()].filter((bucket) => bucket.caseCount > 0).map((bucket) => bucket.value), ...selected]);
  for (const value of shown) for (const child of terms.childrenOf(value)) if (child.kind === kind) ids.push(child.id);
  return ids;
}

/** The first `limit` values, plus any selected value further down (a selection never disappears). */
function keepSelected(values: FacetValueView[], limit: number): FacetValueView[] {
  const containsSelected = (value: FacetValueView): boolean => value.selected || value.children.some(containsSelected);
  return values.filter((value, index) => index < limit || containsSelected(value));
}

/** Flattens a facet's values (tree included), for prefix lookups. */
export function flattenFacetValues(values: FacetValueView[]): FacetValueView[] {
  return values.flatMap((value) => [{ ...value, children: [] }, ...flattenFacetValues(value.children)]);
}
