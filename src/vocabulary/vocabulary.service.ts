import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-error';
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

  /** Type-ahead for choosing a term (a curator's correction): by label, synonym, key or MeSH UI. */
  typeahead(kind: TermKind, prefix: string, first: number | null | undefined): Promise<VocabularyTerm[]> {
    const trimmed = prefix.trim().replace(/\s+/g, ' ');
    if (!trimmed) throw BadUserInputError.field('prefix', 'type at least one character');
    if (trimmed.length > 100) throw BadUserInputError.field('prefix', 'must be at most 100 characters');
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw BadUserInputError.field('first', 'must be between 1 and 50');
    return this.terms.typeahead(kind, trimmed, limit);
  }

  list(kind: TermKind, parentId: string | null | undefined, rootsOnly: boolean): Promise<VocabularyTerm[]> {
    return this.terms.findByKind(kind, { parentId, rootsOnly });
  }
}
