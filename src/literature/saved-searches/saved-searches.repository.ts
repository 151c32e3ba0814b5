import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { SavedSearchRun } from './saved-search-run.entity';
import { SavedSearch } from './saved-search.entity';

@Injectable()
export class SavedSearchesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  insert(search: Pick<SavedSearch, 'name' | 'review' | 'query' | 'savedBy'>): Promise<SavedSearch> {
    return this.uow.reader.save(SavedSearch, this.uow.reader.create(SavedSearch, search));
  }

  async findById(id: string, tx: Tx = this.uow.reader): Promise<SavedSearch | null> {
    return tx.findOne(SavedSearch, { where: { id } });
  }

  /** Oldest first; every saved search when no review is named. */
  list(review: string | null): Promise<SavedSearch[]> {
    return this.uow.reader.find(SavedSearch, { where: review === null ? {} : { review }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.uow.reader.delete(SavedSearch, { id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Whether the saved search still exists, held (FOR NO KEY UPDATE) until the transaction ends: a run is not logged for
   * one deleted meanwhile, and runs of one saved search are logged one after another, each reading the run logged before
   * it (with a shared lock, runs sent at once all read the same latest run: several were logged as the first).
   */
  async holdExisting(tx: Tx, id: string): Promise<boolean> {
    return (await tx.createQueryBuilder(SavedSearch, 's').select('s.id').where('s.id = :id', { id }).setLock('for_no_key_update').getOne()) !== null;
  }

  latestRun(tx: Tx, savedSearchId: string): Promise<SavedSearchRun | null> {
    return tx.findOne(SavedSearchRun, { where: { savedSearchId }, order: { ranAt: 'DESC', id: 'DESC' } });
  }

  /**
   * Stamped with the time it is logged (clock_timestamp()), not when its transaction began (now()): a run that waited for
   * another's turn began first, and ordered by that time the log listed it before the run it follows.
   */
  async insertRun(tx: Tx, run: Pick<SavedSearchRun, 'savedSearchId' | 'caseCount' | 'publicationCount' | 'fingerprint' | 'caseReportIds'>): Promise<SavedSearchRun> {
    const inserted = await tx.createQueryBuilder().insert().into(SavedSearchRun).values({ ...run, ranAt: () => 'clock_timestamp()' }).returning('id').execute();
    return tx.findOneOrFail(SavedSearchRun, { where: { id: inserted.identifiers[0].id as string } });
  }

  /** Newest first. */
  runs(savedSearchId: string): Promise<SavedSearchRun[]> {
    return this.uow.reader.find(SavedSearchRun, { where: { savedSearchId }, order: { ranAt: 'DESC', id: 'DESC' } });
  }
}
