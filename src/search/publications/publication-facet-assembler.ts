import { NumericStats } from '../query/search-result';
import { MAX_HISTOGRAM_BUCKETS } from '../query/facet-assembler';
import { PublicationFacetName, PublicationFacetRequest, publicationFacetDefinition, PublicationSearchFilters } from './publication-search-query';
import { EnginePublicationFacetResult } from './publication-search-result';

export interface AssembledPublicationValue {
  value: string;
  label: string;
  publicationCount: number;
  selected: boolean;
  children: AssembledPublicationValue[];
}

export interface AssembledPublicationFacet {
  facet: PublicationFacetName;
  values: AssembledPublicationValue[];
  stats: { min: number | null; max: number | null; buckets: { from: number; to: number; publicationCount: number }[] } | null;
}

/** What the assembler needs to name values: MeSH labels and parents, import batch names. */
export interface PublicationValueLabels {
  meshLabel(ui: string): string | null;
  meshParents(ui: string): readonly string[];
  batchLabel(id: string): string | null;
}

const byCount = (a: AssembledPublicationValue, b: AssembledPublicationValue) => b.publicationCount - a.publicationCount || a.label.localeCompare(b.label);

function histogram(stats: NumericStats, interval: number): AssembledPublicationFacet['stats'] {
  if (!stats.buckets.length) return { min: stats.min, max: stats.max, buckets: [] };
  const counts = new Map(stats.buckets.map((bucket) => [bucket.from, bucket.caseCount]));
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const buckets: { from: number; to: number; publicationCount: number }[] = [];
  for (let from = first; from <= last && buckets.length < MAX_HISTOGRAM_BUCKETS; from += interval) buckets.push({ from, to: from + interval, publicationCount: counts.get(from) ?? 0 });
  return { min: stats.min, max: stats.max, buckets };
}

/**
 * Engine buckets -> the API's facets: labels, `selected`, enum zero values, limits, and the MeSH tree
 * (a descriptor under each of its counted parents; roots are descriptors with no counted parent).
 */
export function assemblePublicationFacets(requests: PublicationFacetRequest[], results: EnginePublicationFacetResult[], filters: PublicationSearchFilters, labels: PublicationValueLabels): AssembledPublicationFacet[] {
  const resultOf = new Map(results.map((result) => [result.facet, result]));
  return requests.map((request) => {
    const definition = publicationFacetDefinition(request.facet);
    const result = resultOf.get(request.facet) ?? { facet: request.facet, buckets: [], stats: null };
    if (definition.kind === 'numeric-range') return { facet: request.facet, values: [], stats: histogram(result.stats ?? { min: null, max: null, buckets: [] }, request.interval ?? (definition.defaultInterval as number)) };
    const selected = new Set<string>((filters[definition.filterKey] as string[] | undefined) ?? []);
    const counts = new Map(result.buckets.map((bucket) => [bucket.value, bucket.publicationCount]));
    if (definition.values) for (const value of definition.values) if (request.includeZero && !counts.has(value.value)) counts.set(value.value, 0);
    for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
    const labelOf = (value: string): string => {
      if (definition.values) return definition.values.find((v) => v.value === value)?.label ?? value;
      if (definition.missingValue?.value === value) return definition.missingValue.label;
      if (definition.field === 'meshUis') return labels.meshLabel(value) ?? value;
      if (definition.field === 'importBatchIds') return labels.batchLabel(value) ?? value;
      return value;
    };
    const node = (value: string): AssembledPublicationValue => ({ value, label: labelOf(value), publicationCount: counts.get(value) ?? 0, selected: selected.has(value), children: [] });
    let values: AssembledPublicationValue[];
    if (definition.kind === 'hierarchical-terms') {
      const nodes = new Map([...counts.keys()].map((value) => [value, node(value)]));
      values = [];
      for (const [value, current] of nodes) {
        const parents = labels.meshParents(value).filter((parent) => nodes.has(parent));
        if (!parents.length) values.push(current);
        for (const parent of parents) (nodes.get(parent) as AssembledPublicationValue).children.push(current);
      }
      const sortTree = (list: AssembledPublicationValue[], seen: Set<AssembledPublicationValue>) => {
        list.sort(byCount);
        for (const child of list) if (!seen.has(child)) {
          seen.add(child);
          sortTree(child.children, seen);
        }
      };
      sortTree(values, new Set());
    } else {
      values = [...counts.keys()].map(node);
      if (definition.values) {
        const order = definition.values.map((v) => v.value);
        values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
      } else values.sort(byCount);
    }
    if (request.limit) values = values.filter((value, index) => index < (request.limit as number) || value.selected);
    return { facet: request.facet, values, stats: null };
  });
}
