import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxEntityType = 'publication' | 'case_report' | 'vocabulary_term';

/**
 * A write that the search index has not seen yet. Rows are written in the same transaction as the
 * change itself, so the index can always catch up, even after the engine was down.
 */
@Entity()
export class SearchOutbox {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('varchar', { length: 32 })
  entityType: OutboxEntityType;

  @Column('uuid')
  entityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
