import { TermKind } from '../term-kind.enum';

/** A term as the seed files list it (vocabulary-terms.json, mesh-vocabulary-terms.json). */
export interface SeedTerm {
  key: string;
  kind: string;
  label: string;
  synonyms: string[];
  parent: string | null;
  meshUi: string | null;
}

/** One row of the MeSH tree file: a descriptor at one place in the tree. */
export interface MeshTreeRow {
  treeNumber: string;
  descriptorUi: string;
  name: string;
}

/**
 * Which MeSH branches seed which kind (tree-number prefixes; a prefix covers its whole subtree).
 * A descriptor becomes a term of every kind one of its tree numbers falls in (keys are unique within
 * a kind only), so "Headache" is both a symptom (C23.888) and a complication (C10).
 *
 * - COMPLICATION: diseases, C01–C26 except C22 (animal diseases) and except C23.888 (signs and symptoms).
 * - SYMPTOM: C23.888 (Signs and Symptoms).
 * - PROCEDURE: E01 (diagnosis), E03 (anaesthesia and analgesia), E04 (operative surgical procedures)
 *   and E02.319.267.530 (injections: epidural injection and blood patch live there). E05
 *   (investigative, mostly laboratory techniques), E06 (dentistry) and E07 (equipment) are left out.
 * - TREATMENT: E02 (therapeutics) and E04 (operative surgical procedures).
 */
export const MESH_BRANCHES: Record<string, { include: string[]; exclude: string[] }> = {
  [TermKind.COMPLICATION]: { include: ['C'], exclude: ['C22', 'C23.888'] },
  [TermKind.SYMPTOM]: { include: ['C23.888'], exclude: [] },
  [TermKind.PROCEDURE]: { include: ['E01', 'E03', 'E04', 'E02.319.267.530'], exclude: [] },
  [TermKind.TREATMENT]: { include: ['E02', 'E04'], exclude: [] },
};

/** A one-letter prefix is a whole category ("C": C01, C02…); otherwise a tree number and its subtree. */
const within = (treeNumber: string, prefix: string) => (prefix.length === 1 ? treeNumber.startsWith(prefix) : treeNumber === prefix || treeNumber.startsWith(`${prefix}.`));

/** Whether a tree number belongs to a kind's branches. */
export function inBranches(kind: string, treeNumber: string): boolean {
  const branches = MESH_BRANCHES[kind];
  return Boolean(branches) && branches.include.some((prefix) => within(treeNumber, prefix)) && !branches.exclude.some((prefix) => within(treeNumber, prefix));
}

const parentTreeNumber = (treeNumber: string): string | null => (treeNumber.includes('.') ? treeNumber.slice(0, treeNumber.lastIndexOf('.')) : null);
const depthOf = (treeNumber: string) => treeNumber.split('.').length;
const byDepthThenNumber = (a: string, b: string) => depthOf(a) - depthOf(b) || (a < b ? -1 : a > b ? 1 : 0);

/** A readable key: "Hematoma, Epidural, Spinal" -> "hematoma-epidural-spinal". */
export function meshSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The natural-order form of an inverted MeSH name ("Hematoma, Epidural, Spinal" -> "Spinal Epidural
 * Hematoma"), or null when the name is not inverted. Only short qualifiers (at most three words, no
 * "and"/"or") are moved, so a list such as "Congenital, Hereditary, and Neonatal Diseases and
 * Abnormalities" is left alone.
 */
export function naturalOrder(name: string): string | null {
  const parts = name.split(', ');
  if (parts.length < 2) return null;
  const qualifiers = parts.slice(1);
  if (qualifiers.some((part) => !part || part.split(' ').length > 3 || /(^|\s)(and|or)(\s|$)/i.test(part))) return null;
  return [...qualifiers.reverse(), parts[0]].join(' ');
}

/** Parses the TAB-separated tree file (header "Tree Number, Desc Ui, Term"; a BOM is ignored). */
export function parseMeshTree(text: string): MeshTreeRow[] {
  const rows: MeshTreeRow[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [treeNumber, descriptorUi, name] = line.split('\t');
    if (!treeNumber || !descriptorUi || !name || treeNumber === 'Tree Number') continue;
    rows.push({ treeNumber: treeNumber.trim(), descriptorUi: descriptorUi.trim(), name: name.trim() });
  }
  return rows;
}

/**
 * The MeSH terms to seed next to the curated ones, parents listed before children. Per kind:
 *
 * - Curated terms win: a descriptor whose UI a curated term of that kind carries is not added again;
 *   descriptors under it in MeSH hang under the curated term (which keeps its key, label, synonyms
 *   and parent).
 * - One parent per term (MeSH is polyhierarchical). Among the descriptor's tree numbers in the kind's
 *   branches: first, one whose parent is a curated term of that kind (so MeSH narrower terms gather
 *   under the curated ones); otherwise the shallowest tree number, ties broken by the tree number's
 *   text order. The parent is the descriptor at that tree number's parent, or none (a root) when the
 *   parent lies outside the kind's branches. Each step either reaches a curated term or a shallower
 *   tree number, so there are no cycles.
 * - Keys: the slug of the MeSH name; when a curated key or an earlier MeSH term of the kind already
 *   has it, the slug plus "-" and the lower-case UI ("hematoma-d006406"). Terms are visited in
 *   output order (parents first, then tree number), so keys are stable for a given tree file.
 * - Synonyms: the natural-order form of an inverted name (see naturalOrder).
 */
export function buildMeshVocabulary(rows: readonly MeshTreeRow[], curated: readonly SeedTerm[]): SeedTerm[] {
  const descriptorAt = new Map<string, MeshTreeRow>(rows.map((row) => [row.treeNumber, row]));
  const output: SeedTerm[] = [];
  for (const kind of Object.keys(MESH_BRANCHES)) {
    const curatedOfKind = curated.filter((term) => term.kind === kind);
    const curatedKeyOfUi = new Map<string, string>();
    for (const term of curatedOfKind) if (term.meshUi && !curatedKeyOfUi.has(term.meshUi)) curatedKeyOfUi.set(term.meshUi, term.key);
    const treeNumbersOf = new Map<string, string[]>();
    const nameOf = new Map<string, string>();
    for (const row of rows) {
      if (!inBranches(kind, row.treeNumber)) continue;
      nameOf.set(row.descriptorUi, row.name);
      treeNumbersOf.set(row.descriptorUi, [...(treeNumbersOf.get(row.descriptorUi) ?? []), row.treeNumber]);
    }
    /** Descriptor UI -> parent: a curated key ({ curated }) or a MeSH UI ({ ui }) or null. */
    const parentOf = new Map<string, { curated: string } | { ui: string } | null>();
    const placementOf = new Map<string, string>();
    for (const [ui, treeNumbers] of treeNumbersOf) {
      if (curatedKeyOfUi.has(ui)) continue;
      const sorted = [...treeNumbers].sort(byDepthThenNumber);
      const parentUiOf = (treeNumber: string): string | null => {
        const parent = parentTreeNumber(treeNumber);
        return parent && inBranches(kind, parent) ? (descriptorAt.get(parent)?.descriptorUi ?? null) : null;
      };
      const underCurated = sorted.find((treeNumber) => {
        const parentUi = parentUiOf(treeNumber);
        return parentUi !== null && curatedKeyOfUi.has(parentUi);
      });
      const chosen = underCurated ?? sorted[0];
      const parentUi = parentUiOf(chosen);
      placementOf.set(ui, chosen);
      parentOf.set(ui, parentUi === null ? null : curatedKeyOfUi.has(parentUi) ? { curated: curatedKeyOfUi.get(parentUi) as string } : { ui: parentUi });
    }
    // Levels (distance from a root or a curated term) give a parents-first order.
    const levelOf = new Map<string, number>();
    const level = (ui: string): number => {
      const known = levelOf.get(ui);
      if (known !== undefined) return known;
      const parent = parentOf.get(ui);
      const value = parent && 'ui' in parent ? level(parent.ui) + 1 : 0;
      levelOf.set(ui, value);
      return value;
    };
    const uis = [...parentOf.keys()].sort((a, b) => level(a) - level(b) || byDepthThenNumber(placementOf.get(a) as string, placementOf.get(b) as string));
    const taken = new Set(curatedOfKind.map((term) => term.key));
    const keyOf = new Map<string, string>();
    for (const ui of uis) {
      const name = nameOf.get(ui) as string;
      let key = meshSlug(name);
      if (!key || taken.has(key)) key = key ? `${key}-${ui.toLowerCase()}` : ui.toLowerCase();
      taken.add(key);
      keyOf.set(ui, key);
      const parent = parentOf.get(ui);
      const natural = naturalOrder(name);
      output.push({
        key,
        kind,
        label: name,
        synonyms: natural && natural.toLowerCase() !== name.toLowerCase() ? [natural] : [],
        parent: parent ? ('curated' in parent ? parent.curated : (keyOf.get(parent.ui) as string)) : null,
        meshUi: ui,
      });
    }
  }
  return output;
}
