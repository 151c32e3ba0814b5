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

  list(kind: TermKind, parentId: string | null | undefined, rootsOnly: boolean): Promise<VocabularyTerm[]> {
    return this.terms.findByKind(kind, { parentId, rootsOnly });
  }
}
