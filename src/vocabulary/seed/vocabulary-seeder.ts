import { Injectable, Logger } from '@nestjs/common';
import { Tx } from '../../database/unit-of-work';
import { OutboxRepository } from '../../search/indexing/outbox.repository';
import { TermKind } from '../term-kind.enum';
import { VocabularyTerm } from '../vocabulary-term.entity';
import { VocabularyRepository } from '../vocabulary.repository';
import seedTerms from './vocabulary-terms.json';

export interface SeedTerm {
  key: string;
  kind: string;
  label: string;
  synonyms: string[];
  parent: string | null;
  meshUi: string | null;
}

/**
 * Adds the terms of the seed file that the database lacks (matched by kind and key). Existing terms are
 * left as curators made them; the file lists parents before children.
 */
@Injectable()
export class VocabularySeeder {
  private readonly logger = new Logger(VocabularySeeder.name);

  constructor(
    private readonly vocabulary: VocabularyRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async seed(tx: Tx, terms: SeedTerm[] = seedTerms as SeedTerm[]): Promise<number> {
    const existing = await tx.find(VocabularyTerm, { select: { id: true, kind: true, key: true } });
    const idOf = new Map(existing.map((term) => [`${term.kind}:${term.key}`, term.id]));
    const added: string[] = [];
    for (const term of terms) {
      const kind = term.kind as TermKind;
      if (idOf.has(`${kind}:${term.key}`)) continue;
      const parentId = term.parent ? idOf.get(`${kind}:${term.parent}`) : null;
      if (term.parent && !parentId) throw new Error(`vocabulary seed: term "${term.key}" names parent "${term.parent}", which is not listed before it`);
      const saved = await this.vocabulary.insert(tx, { key: term.key, kind, label: term.label, synonyms: term.synonyms, meshUi: term.meshUi, parentId: parentId ?? null });
      idOf.set(`${kind}:${term.key}`, saved.id);
      added.push(saved.id);
    }
    await this.outbox.record(tx, 'vocabulary_term', added);
    if (added.length) this.logger.log(`added ${added.length} vocabulary terms`);
    return added.length;
  }
}
