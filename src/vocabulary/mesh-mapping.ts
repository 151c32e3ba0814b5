import curatedSeed from './seed/vocabulary-terms.json';
import { naturalOrder } from './seed/mesh-vocabulary.builder';
import { TermKind } from './term-kind.enum';

/** A MeSH heading of a publication (PubMed XML carries the UI; MEDLINE/RIS exports only the label). */
export interface MeshHeadingRef {
  descriptorUi?: string | null;
  label: string;
}

/** A vocabulary term as the mapping needs it. */
export interface MappableTerm {
  id: string;
  kind: TermKind;
  key: string;
  label: string;
  synonyms: readonly string[];
  meshUi: string | null;
}

export type MeshMatch<T extends MappableTerm> = { term: T; heading: MeshHeadingRef; by: 'ui' | 'label' };

/** Keys of the curated seed terms, per kind ("COMPLICATION:hematoma"). */
const CURATED = new Set((curatedSeed as { kind: string; key: string }[]).map((term) => `${term.kind}:${term.key}`));

/** Whether a term is one of the curated seed terms (by kind and key), the default preference. */
export const isCuratedTerm = (term: Pick<MappableTerm, 'kind' | 'key'>): boolean => CURATED.has(`${term.kind}:${term.key}`);

const normalise = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
/** A heading label without a MEDLINE qualifier or major-topic star ("Hematoma, Subdural/etiology*"). */
const headingLabel = (label: string) => label.split('/')[0].replace(/\*/g, '');

/**
 * A lookup from MeSH headings to vocabulary terms. Build it once per vocabulary and map many
 * publications with it.
 */
export class MeshMapper<T extends MappableTerm> {
  private readonly byUi = new Map<string, T[]>();
  private readonly byLabel = new Map<string, T[]>();

  constructor(
    terms: readonly T[],
    private readonly isCurated: (term: T) => boolean = isCuratedTerm,
  ) {
    const add = (map: Map<string, T[]>, key: string, term: T) => {
      const list = map.get(key);
      if (!list) map.set(key, [term]);
      else if (!list.includes(term)) list.push(term);
    };
    for (const term of terms) {
      if (term.meshUi) add(this.byUi, term.meshUi.toUpperCase(), term);
      for (const text of [term.label, ...term.synonyms]) add(this.byLabel, normalise(text), term);
    }
  }

  /**
   * The terms these headings name, per kind, in heading order and each once. A heading with a UI is
   * matched by UI only (a UI is unambiguous; a wrong label match would be worse than none); one
   * without a UI by its exact label (any case, qualifiers such as "/etiology" and "*" ignored), also
   * in natural order ("Hematoma, Subdural" finds "Subdural hematoma"), against term labels and
   * synonyms. When several terms of a kind match one heading, a curated term wins, then the term
   * whose label is the heading itself, then the lowest key.
   */
  map(headings: readonly MeshHeadingRef[]): Partial<Record<TermKind, MeshMatch<T>[]>> {
    const result: Partial<Record<TermKind, MeshMatch<T>[]>> = {};
    const seen = new Set<string>();
    for (const heading of headings) {
      const ui = heading.descriptorUi?.trim().toUpperCase();
      const label = normalise(headingLabel(heading.label));
      let candidates: T[];
      let by: 'ui' | 'label';
      if (ui) {
        candidates = this.byUi.get(ui) ?? [];
        by = 'ui';
      } else {
        const natural = naturalOrder(headingLabel(heading.label).trim());
        candidates = [...(this.byLabel.get(label) ?? []), ...(natural ? (this.byLabel.get(normalise(natural)) ?? []) : [])];
        by = 'label';
      }
      const perKind = new Map<TermKind, T[]>();
      for (const term of candidates) perKind.set(term.kind, [...(perKind.get(term.kind) ?? []), term]);
      for (const [kind, terms] of perKind) {
        const best = [...terms].sort(
          (a, b) =>
            Number(this.isCurated(b)) - Number(this.isCurated(a)) ||
            Number(normalise(b.label) === label) - Number(normalise(a.label) === label) ||
            (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
        )[0];
        if (seen.has(best.id)) continue;
        seen.add(best.id);
        (result[kind] ??= []).push({ term: best, heading, by });
      }
    }
    return result;
  }
}

/** One-off form of MeshMapper.map. */
export function mapMeshHeadings<T extends MappableTerm>(headings: readonly MeshHeadingRef[], vocabulary: readonly T[], isCurated?: (term: T) => boolean): Partial<Record<TermKind, MeshMatch<T>[]>> {
  return new MeshMapper(vocabulary, isCurated).map(headings);
}
