import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A search a reviewer saved to run again: the same input as searchCaseReports. */
@Entity()
export class SavedSearch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Index()
  @Column('varchar', { length: 200, nullable: true })
  review: string | null;

  @Column('jsonb')
  query: Record<string, unknown>;

  @Column('varchar', { length: 100 })
  savedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
