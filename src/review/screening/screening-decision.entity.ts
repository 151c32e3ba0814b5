import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One reviewer's current decision on one record of one review (a new decision replaces the reviewer's earlier one). */
@Entity()
@Index(['review', 'publicationId', 'reviewer'], { unique: true })
@Index(['publicationId'])
export class ScreeningDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The review name (as given at import). */
  @Column('varchar', { length: 200 })
  review: string;

  @Column('uuid')
  publicationId: string;

  /** The name of the API key that decided. */
  @Column('varchar', { length: 100 })
  reviewer: string;

  @Column('varchar', { length: 16 })
  decision: string;

  /** An exclusion reason code of the review (EXCLUDE only). */
  @Column('varchar', { length: 64, nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;
}
