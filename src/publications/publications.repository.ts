import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { decodeCursor, KeysetCursor } from '../common/pagination/connection';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { Publication } from './publication.entity';
import { titleKeyOf } from './identifiers';
import { titleFoldOf } from './title-match';
import { PublicationFields } from './publication-validation';

@Injectable()
export class PublicationsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findByIds(ids: readonly string[], tx: Tx = this.uow.reader): Promise<Publication[]> {
    return ids.length ? tx.find(Publication, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  /** The publication, locked (FOR UPDATE) until the transaction ends: a concurrent update, delete or merge of it waits, then finds it changed or gone. */
  lockForWrite(tx: Tx, id: string): Promise<Publication | null> {
    return tx.createQueryBuilder(Publication, 'p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Whether the publication exists, held (FOR KEY SHARE) until the transaction ends so that a row referring to it cannot lose it to a concurrent delete. */
  async holdExisting(tx: Tx, id: string): Promise<boolean> {
    return (await tx.createQueryBuilder(Publication, 'p').select('p.id').where('p.id = :id', { id }).setLock('for_key_share').getOne()) !== null;
  }

  /** The publications that still exist, each held (FOR KEY SHARE) until the transaction ends: rows written for them (proposed cases) cannot lose them to a concurrent delete. */
  findAndHold(ids: readonly string[], tx: Tx): Promise<Publication[]> {
    return ids.length ? tx.createQueryBuilder(Publication, 'p').where('p.id = ANY(:ids)', { ids: [...ids] }).setLock('for_key_share').getMany() : Promise.resolve([]);
  }

  findByDoiOrPmid(doi: string | null, pmid: string | null, tx: Tx = this.uow.reader): Promise<Publication[]> {
    if (!doi && !pmid) return Promise.resolve([]);
    const query = tx.createQueryBuilder(Publication, 'p');
    if (doi) query.orWhere('p.doi = :doi', { doi });
    if (pmid) query.orWhere('p.pmid = :pmid', { pmid });
    return query.getMany();
  }

  /** Newest first, keyset-paginated on (created_at, id). Fetches one extra row to know whether a next page exists. */
  async page(first: number, after: string | null | undefined): Promise<{ rows: Publication[]; hasNextPage: boolean; totalCount: number }> {
    const query = this.uow.reader.createQueryBuilder(Publication, 'p').orderBy("date_trunc('milliseconds', p.created_at)", 'DESC').addOrderBy('p.id', 'DESC').limit(first + 1);
    if (after) {
      const cursor: KeysetCursor = decodeCursor(after);
      query.where("(date_trunc('milliseconds', p.created_at), p.id) < (:createdAt::timestamptz, :id)", cursor);
    }
    const [rows, totalCount] = await Promise.all([query.getMany(), this.uow.reader.count(Publication)]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  async insert(tx: Tx, fields: PublicationFields): Promise<Publication> {
    return tx.save(Publication, tx.create(Publication, { ...fields, titleKey: titleKeyOf(fields.title, fields.year, fields.authors, fields), titleFold: titleFoldOf(fields.title) }));
  }

  /** Writes the fields; false when the publication is gone (deleted since the caller read it without a lock). */
  async update(tx: Tx, id: string, fields: Partial<PublicationFields>): Promise<boolean> {
    if (!Object.keys(fields).length) return true;
    const { affected } = await tx.update(Publication, { id }, fields);
    if (affected === 0) return false;
    const [updated] = await this.findByIds([id], tx);
    await tx.update(Publication, { id }, { titleKey: titleKeyOf(updated.title, updated.year, updated.authors, updated), titleFold: titleFoldOf(updated.title) });
    return true;
  }

  findByTitleKey(titleKey: string, tx: Tx = this.uow.reader): Promise<Publication[]> {
    return tx.find(Publication, { where: { titleKey } });
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(Publication, { id });
  }

  count(tx: Tx = this.uow.reader): Promise<number> {
    return tx.count(Publication);
  }
}
