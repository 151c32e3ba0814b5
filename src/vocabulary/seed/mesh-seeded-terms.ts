import meshTerms from './mesh-vocabulary-terms.json';

let seeded: Set<string> | null = null;

/**
 * True when a term (kind, key) is one the MeSH seed added rather than a curated one. Extraction prefers
 * curated terms where both name the same descriptor; a term a curator adds later is curated.
 */
export function isMeshSeededTerm(kind: string, key: string): boolean {
  seeded ??= new Set((meshTerms as { kind: string; key: string }[]).map((term) => `${term.kind}:${term.key}`));
  return seeded.has(`${kind}:${key}`);
}
