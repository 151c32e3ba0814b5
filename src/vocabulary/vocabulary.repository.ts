import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { TermKind } from './term-kind.enum';
import { VocabularyTerm } from './vocabulary-term.entity';
import { isRecordId } from '../common/record-id';

const MESH_UI = /^D\d{6,9}$/;

@Injectable()
export class VocabularyRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findByIds(ids: readonly string[], tx: Tx = this.uow.reader): Promise<VocabularyTerm[]> {
    return ids.length ? tx.find(VocabularyTerm, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  findChildren(parentIds: readonly string[]): Promise<VocabularyTerm[]> {
    return this.uow.reader.find(VocabularyTerm, { where: { parentId: In([...parentIds]) }, order: { label: 'ASC' } });
  }

  findByKind(kind: TermKind, options: { parentId?: string | null; rootsOnly?: boolean }): Promise<VocabularyTerm[]> {
    const where = options.parentId ? { kind, parentId: options.parentId } : options.rootsOnly ? { kind, parentId: IsNull() } : { kind };
    return this.uow.reader.find(VocabularyTerm, { where, order: { label: 'ASC' } });
  }

  /** Terms of one kind named by id, MeSH descriptor UI or key; the map is keyed by the reference given. */
  async findByReferences(kind: TermKind, references: readonly string[], tx: Tx = this.uow.reader): Promise<Map<string, VocabularyTerm>> {
    const unique = [...new Set(references)];
    if (unique.length === 0) return new Map();
    const ids = unique.filter((ref) => isRecordId(ref));
    const meshUis = unique.filter((ref) => MESH_UI.test(ref));
    const keys = unique.filter((ref) => !isRecordId(ref) && !MESH_UI.test(ref));
    const terms = await tx
      .createQueryBuilder(VocabularyTerm, 'term')
      .where('term.kind = :kind', { kind })
      .andWhere('(term.id IN (:...ids) OR term.mesh_ui IN (:...meshUis) OR term.key IN (:...keys))', {
        ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'],
        meshUis: meshUis.length ? meshUis : [''],
        keys: keys.length ? keys : [''],
      })
      .getMany();
    const found = new Map<string, VocabularyTerm>();
    for (const term of terms) {
      for (const ref of [term.id, term.meshUi, term.key]) if (ref && unique.includes(ref)) found.set(ref, term);
    }
    return found;
  }

  /**
   * Terms of one kind whose label, a synonym (at a word start, any case) or key starts with the prefix,
   * or whose MeSH UI is the prefix: label starts first, then shorter labels.
   */
  typeahead(kind: TermKind, prefix: string, limit: number): Promise<VocabularyTerm[]> {
    const like = prefix.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`);
    return this.uow.reader
      .createQueryBuilder(VocabularyTerm, 'term')
      .where('term.kind = :kind', { kind })
      .andWhere(
        `(lower(term.label) LIKE :start OR lower(term.label) LIKE :word OR term.key LIKE :start OR upper(coalesce(term.mesh_ui, '')) = :mesh
          OR EXISTS (SELECT 1 FROM unnest(term.synonyms) AS synonym WHERE lower(synonym) LIKE :start OR lower(synonym) LIKE :word))`,
        { start: `${like}%`, word: `% ${like}%`, mesh: prefix.toUpperCase() },
      )
      .orderBy('CASE WHEN lower(term.label) LIKE :start THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('length(term.label)', 'ASC')
      .addOrderBy('term.label', 'ASC')
      .limit(limit)
      .getMany();
  }

  count(tx: Tx = this.uow.reader): Promise<number> {
    return tx.count(VocabularyTerm);
  }

  async insert(tx: Tx, term: Omit<VocabularyTerm, 'id' | 'createdAt' | 'updatedAt' | 'parent'>): Promise<VocabularyTerm> {
    return tx.save(VocabularyTerm, tx.create(VocabularyTerm, term));
  }
}
