import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/domain-error';
import { TermKind } from './term-kind.enum';
import { VocabularyTerm } from './vocabulary-term.entity';
import { VocabularyRepository } from './vocabulary.repository';

@Injectable()
export class VocabularyService {
  constructor(private readonly terms: VocabularyRepository) {}

  async get(id: string): Promise<VocabularyTerm> {
    const [term] = await this.terms.findByIds([id]);
    if (!term) throw new NotFoundError('Vocabulary term', id);
    return term;
  }

  /** By key, MeSH UI or id; a reference too long to be any of them is simply not found. */
  async findByReference(kind: TermKind, reference: string): Promise<VocabularyTerm | null> {
    const trimmed = reference.trim();
    if (!trimmed || trimmed.length > 255) return null;
    return (await this.terms.findByReferences(kind, [trimmed])).get(trimmed) ?? null;
  }

  list(kind: TermKind, parentId: string | null | undefined, rootsOnly: boolean): Promise<VocabularyTerm[]> {
    return this.terms.findByKind(kind, { parentId, rootsOnly });
  }
}
