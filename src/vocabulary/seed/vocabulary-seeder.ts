import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { Tx } from '../../database/unit-of-work';
import { OutboxRepository } from '../../search/indexing/outbox.repository';
import { TermKind } from '../term-kind.enum';
import { VocabularyTerm } from '../vocabulary-term.entity';
import { SeedTerm } from './mesh-vocabulary.builder';
import meshTerms from './mesh-vocabulary-terms.json';
import curatedTerms from './vocabulary-terms.json';

export type { SeedTerm } from './mesh-vocabulary.builder';

/** The curated terms (vocabulary-terms.json). */
export const CURATED_SEED_TERMS: readonly SeedTerm[] = curatedTerms as SeedTerm[];
/** The curated terms, then the MeSH terms generated around them (npm run vocabulary:mesh). */
export const SEED_TERMS: readonly SeedTerm[] = [...CURATED_SEED_TERMS, ...(meshTerms as SeedTerm[])];

/** Rows per INSERT (7 parameters a row, well under PostgreSQL's 65,535). */
export const SEED_CHUNK = 1000;

/**
 * Adds the seed terms that the database lacks (matched by kind and key), in multi-row inserts; one
 * query reads the keys already there. Existing terms are left as curators made them (label, synonyms,
 * parent), and a term they deleted comes back. The seed lists parents before children; a missing
 * term's parent is looked up among existing and newly added terms.
 *
 * The search outbox gets one entry per root of what was added (a new term whose parent is not new),
 * not one per term: a new term has no cases yet, and the indexer treats a term entry as "reindex the
 * cases using it or a narrower term" and reloads the vocabulary once per batch.
 */
@Injectable()
export class VocabularySeeder {
  private readonly logger = new Logger(VocabularySeeder.name);

  constructor(private readonly outbox: OutboxRepository) {}

  async seed(tx: Tx, terms: readonly SeedTerm[] = SEED_TERMS): Promise<number> {
    const started = performance.now();
    const existing: { id: string; kind: string; key: string }[] = await tx.query('SELECT id::text AS id, kind::text AS kind, key FROM vocabulary_term');
    const idOf = new Map(existing.map((term) => [`${term.kind}:${term.key}`, term.id]));
    const rows: Pick<VocabularyTerm, 'id' | 'key' | 'kind' | 'label' | 'synonyms' | 'meshUi' | 'parentId'>[] = [];
    const added = new Set<string>();
    const subtreeRoots: string[] = [];
    for (const term of terms) {
      const kind = term.kind as TermKind;
      if (idOf.has(`${kind}:${term.key}`)) continue;
      const parentId = term.parent ? idOf.get(`${kind}:${term.parent}`) : null;
      if (term.parent && !parentId) throw new Error(`vocabulary seed: term "${term.key}" names parent "${term.parent}", which is not listed before it`);
      const id = randomUUID();
      rows.push({ id, key: term.key, kind, label: term.label, synonyms: term.synonyms, meshUi: term.meshUi, parentId: parentId ?? null });
      idOf.set(`${kind}:${term.key}`, id);
      added.add(id);
      if (!parentId || !added.has(parentId)) subtreeRoots.push(id);
    }
    // A chunk may hold a parent and its child: foreign keys are checked at the end of the statement.
    for (let i = 0; i < rows.length; i += SEED_CHUNK) await tx.insert(VocabularyTerm, rows.slice(i, i + SEED_CHUNK));
    await this.outbox.record(tx, 'vocabulary_term', subtreeRoots);
    const ms = Math.round(performance.now() - started);
    if (rows.length) this.logger.log(`added ${rows.length} vocabulary terms in ${ms} ms`);
    else this.logger.debug?.(`vocabulary up to date (${existing.length} terms checked in ${ms} ms)`);
    return rows.length;
  }
}
