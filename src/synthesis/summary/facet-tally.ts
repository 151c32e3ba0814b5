/**
 * Counts of one facet's values over a set of cases, whichever way they were obtained (the engine's
 * facets, or reading every matching case), and the rules every summary shares: which value is the
 * facet's "unknown" row and in which order values are listed. Pure.
 */
import { EnumValue, FacetDefinition, enumLabel } from '../../search/query/facet-registry';
import { SearchDocument, TermIndex } from '../../search/indexing/search-document';

export interface ValueCount {
  caseCount: number;
  publicationCount: number;
}

export type CountMethod = 'FACETS' | 'EXACT';

export interface FacetTally {
  totalCases: number;
  totalPublications: number;
  /** Known values (the unknown value is never here). */
  counts: Map<string, ValueCount>;
  /** Cases whose value is unknown / not reported (multi-valued facets without a missing value: cases with no value). */
  unknown: ValueCount;
  method: CountMethod;
}

/** Value of the row that stands for cases without any value of a multi-valued facet (COMPLICATION, SYMPTOM, ...). */
export const NO_VALUE = 'NONE';

/**
 * The facet's unknown row: UNKNOWN for enums (a value like any other), the registry's missing value
 * for TREATMENT ("Not reported"), NONE ("None reported") for multi-valued facets without one. Curation
 * status has no unknown: its row is always 0.
 */
export function unknownValueOf(definition: FacetDefinition): EnumValue {
  if (definition.missingValue) return definition.missingValue;
  if (definition.kind === 'enum') return { value: 'UNKNOWN', label: enumLabel(definition, 'UNKNOWN') === 'UNKNOWN' ? 'Unknown' : enumLabel(definition, 'UNKNOWN') };
  return { value: NO_VALUE, label: 'None reported' };
}

/** Whether the unknown row can be selected by a filter (enums and TREATMENT can; NONE cannot). */
export function unknownIsFilterable(definition: FacetDefinition): boolean {
  return definition.kind === 'enum' ? (definition.values ?? []).some((value) => value.value === 'UNKNOWN') : Boolean(definition.missingValue);
}

/** The facet's values in one search document (the unknown value included when the document holds it). */
export function documentValues(definition: FacetDefinition, document: SearchDocument): string[] {
  const raw = (document as unknown as Record<string, unknown>)[definition.field];
  if (Array.isArray(raw)) return raw.map(String);
  return raw === null || raw === undefined ? [] : [String(raw)];
}

/** Builds a tally from documents, one case at a time (the exact path). */
export class DocumentTally {
  private readonly publications = new Set<string>();
  private readonly cases = new Map<string, { cases: number; publications: Set<string> }>();
  private readonly unknownPublications = new Set<string>();
  private unknownCases = 0;
  private totalCases = 0;
  private readonly unknownValue: string;

  constructor(private readonly definition: FacetDefinition) {
    this.unknownValue = unknownValueOf(definition).value;
  }

  add(document: SearchDocument): void {
    this.totalCases++;
    this.publications.add(document.publicationId);
    const values = documentValues(this.definition, document).filter((value) => value !== this.unknownValue);
    // Unknown: the unknown value itself, or no value at all (a multi-valued facet without a missing value).
    if (!values.length) {
      this.unknownCases++;
      this.unknownPublications.add(document.publicationId);
      return;
    }
    for (const value of new Set(values)) {
      const entry = this.cases.get(value) ?? { cases: 0, publications: new Set<string>() };
      entry.cases++;
      entry.publications.add(document.publicationId);
      this.cases.set(value, entry);
    }
  }

  result(): FacetTally {
    return {
      totalCases: this.totalCases,
      totalPublications: this.publications.size,
      counts: new Map([...this.cases].map(([value, entry]) => [value, { caseCount: entry.cases, publicationCount: entry.publications.size }])),
      unknown: { caseCount: this.unknownCases, publicationCount: this.unknownPublications.size },
      method: 'EXACT',
    };
  }
}

/** One listed value: label, term id and depth in the term tree (0 for roots and non-term values). */
export interface ListedValue {
  value: string;
  label: string;
  termId: string | null;
  depth: number;
  unknown: boolean;
}

/**
 * The values a summary lists, in order, the unknown row last: enums in declaration order (zeros
 * included); vocabulary terms as their tree (roots, then each value's children, by case count then
 * label; counts roll up, so a parent counts each case once); other values by count then label.
 * `extra` values (e.g. a selection with no case) are listed even at 0.
 */
export function listValues(definition: FacetDefinition, counts: ReadonlyMap<string, ValueCount>, terms: TermIndex, extra: Iterable<string> = []): ListedValue[] {
  const unknown = unknownValueOf(definition);
  const countOf = (value: string) => counts.get(value)?.caseCount ?? 0;
  const present = new Set([...[...counts].filter(([, count]) => count.caseCount > 0).map(([value]) => value), ...extra]);
  present.delete(unknown.value);
  let listed: ListedValue[];
  if (definition.kind === 'enum') {
    listed = (definition.values ?? []).filter((value) => value.value !== unknown.value).map((value) => ({ value: value.value, label: value.label, termId: null, depth: 0, unknown: false }));
  } else if (definition.termKind) {
    const byCount = (a: string, b: string) => countOf(b) - countOf(a) || labelOf(terms, a).localeCompare(labelOf(terms, b)) || a.localeCompare(b);
    const childrenOf = new Map<string | null, string[]>();
    for (const value of present) {
      const parentId = terms.get(value)?.parentId ?? null;
      const parent = parentId && present.has(parentId) ? parentId : null;
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), value]);
    }
    listed = [];
    const visit = (parent: string | null, depth: number) => {
      for (const value of (childrenOf.get(parent) ?? []).sort(byCount)) {
        listed.push({ value, label: labelOf(terms, value), termId: terms.get(value) ? value : null, depth, unknown: false });
        visit(value, depth + 1);
      }
    };
    visit(null, 0);
  } else {
    listed = [...present]
      .sort((a, b) => countOf(b) - countOf(a) || a.localeCompare(b))
      .map((value) => ({ value, label: value, termId: null, depth: 0, unknown: false }));
  }
  return [...listed, { value: unknown.value, label: unknown.label, termId: null, depth: 0, unknown: true }];
}

function labelOf(terms: TermIndex, value: string): string {
  return terms.get(value)?.label ?? value;
}
