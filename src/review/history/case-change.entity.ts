import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FactEvidence } from '../../case-reports/entities/case-fact-record';
import { FieldChange } from './case-snapshot';

/**
 * One recorded change of a case report (append-only: rows are inserted in the transaction that makes
 * the change and never updated or deleted; they outlive the case, so a merged or deleted patient keeps
 * its story). No foreign key to case_report on purpose.
 */
@Entity()
@Index(['caseReportId', 'version'], { unique: true })
export class CaseChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseReportId: string;

  /** The case's version once the change was made (each change makes one version). */
  @Column('int')
  version: number;

  /** CaseChangeOperation. */
  @Column('varchar', { length: 32 })
  operation: string;

  /** The fact path the change targeted ("procedures.1.bloodVolumeMl", "curationStatus"); null for whole-case changes. */
  @Column('varchar', { length: 300, nullable: true })
  path: string | null;

  /** The value at `path` before and after (terms by key). */
  @Column('jsonb', { nullable: true })
  oldValue: unknown;

  @Column('jsonb', { nullable: true })
  newValue: unknown;

  /** Every unit of the case the change touched, with its old and new value: what undo puts back. */
  @Column('jsonb', { default: [] })
  fields: FieldChange[];

  @Column('jsonb', { nullable: true })
  evidence: FactEvidence | null;

  /** The API key's name. */
  @Column('varchar', { length: 200, nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;

  /** The other case of a split or merge. */
  @Column('uuid', { nullable: true })
  relatedCaseReportId: string | null;

  /** For an undo: the change it reverted. */
  @Column('uuid', { nullable: true })
  undoesChangeId: string | null;
}
