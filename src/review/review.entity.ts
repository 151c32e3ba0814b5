import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface ExclusionReasonEntry {
  code: string;
  label: string;
}

/** The reasons a record can be excluded for, unless the review names its own. OTHER always needs a note. */
export const DEFAULT_EXCLUSION_REASONS: readonly ExclusionReasonEntry[] = [
  { code: 'NOT_CASE_REPORT', label: 'Not a case report' },
  { code: 'WRONG_POPULATION', label: 'Wrong population' },
  { code: 'WRONG_COMPLICATION', label: 'Wrong complication' },
  { code: 'DUPLICATE', label: 'Duplicate' },
  { code: 'OTHER', label: 'Other (with a note)' },
];

export const OTHER_REASON = 'OTHER';

/**
 * A literature review's screening settings. Its name is the review name given at import; a review
 * without a row here screens with no question and the default exclusion reasons.
 */
@Entity()
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 200 })
  name: string;

  /** The review question; its words are highlighted in the screening queue. */
  @Column('text', { nullable: true })
  question: string | null;

  @Column('text', { array: true, default: '{}' })
  keywords: string[];

  /** Empty: the defaults (DEFAULT_EXCLUSION_REASONS). */
  @Column('jsonb', { default: [] })
  exclusionReasons: ExclusionReasonEntry[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
