/**
 * Generates src/vocabulary/seed/mesh-vocabulary-terms.json from the MeSH 2017 tree rows in
 * scripts/mesh/mesh-2017-tree-c-e.tsv and the curated terms (src/vocabulary/seed/vocabulary-terms.json).
 * The rules (branches, kinds, parent choice, keys, synonyms) are in src/vocabulary/seed/mesh-vocabulary.builder.ts.
 *
 *   npm run vocabulary:mesh
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMeshVocabulary, parseMeshTree, SeedTerm } from '../src/vocabulary/seed/mesh-vocabulary.builder';

const root = join(__dirname, '..');
const rows = parseMeshTree(readFileSync(join(root, 'scripts/mesh/mesh-2017-tree-c-e.tsv'), 'utf8'));
const curated = JSON.parse(readFileSync(join(root, 'src/vocabulary/seed/vocabulary-terms.json'), 'utf8')) as SeedTerm[];
const terms = buildMeshVocabulary(rows, curated);
const target = join(root, 'src/vocabulary/seed/mesh-vocabulary-terms.json');
writeFileSync(target, `${JSON.stringify(terms, null, 2)}\n`);
const perKind = terms.reduce<Record<string, number>>((counts, term) => ({ ...counts, [term.kind]: (counts[term.kind] ?? 0) + 1 }), {});
console.log(`wrote ${terms.length} MeSH terms to ${target}:`, perKind);
