import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { CaseChange } from './case-change.entity';

export type NewCaseChange = Omit<CaseChange, 'id' | 'changedAt'>;

/** The append-only change log of case reports: insert and read, never update or delete. */
@Injectable()
export class CaseHistoryRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async append(tx: Tx, change: NewCaseChange): Promise<CaseChange> {
    return tx.save(CaseChange, tx.create(CaseChange, change));
  }

  async get(id: string, tx: Tx = this.uow.reader): Promise<CaseChange | null> {
    return tx.findOne(CaseChange, { where: { id } });
  }

  /** Changes of a case made after a version, oldest first. */
  since(caseReportId: string, version: number, tx: Tx = this.uow.reader): Promise<CaseChange[]> {
    return tx.createQueryBuilder(CaseChange, 'c').where('c.case_report_id = :caseReportId AND c.version > :version', { caseReportId, version }).orderBy('c.version', 'ASC').getMany();
  }

  /** A page of a case's history, newest first, before a version (the cursor). */
  async page(caseReportId: string, first: number, beforeVersion: number | null): Promise<{ rows: CaseChange[]; hasNextPage: boolean; totalCount: number }> {
    const query = this.uow.reader.createQueryBuilder(CaseChange, 'c').where('c.case_report_id = :caseReportId', { caseReportId }).orderBy('c.version', 'DESC').limit(first + 1);
    if (beforeVersion !== null) query.andWhere('c.version < :beforeVersion', { beforeVersion });
    const [rows, totalCount] = await Promise.all([query.getMany(), this.uow.reader.count(CaseChange, { where: { caseReportId } })]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
