import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SavedSearch } from './saved-search.entity';

/** One run of a saved search, logged so a review can report its search reproducibly. */
@Entity()
export class SavedSearchRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  savedSearchId: string;

  @ManyToOne(() => SavedSearch, { onDelete: 'CASCADE' })
  savedSearch?: SavedSearch;

  @CreateDateColumn({ type: 'timestamptz' })
  ranAt: Date;

  @Column('int')
  caseCount: number;

  @Column('int')
  publicationCount: number;

  /** sha256 of the sorted case report ids: equal fingerprints mean the same result set. */
  @Column('char', { length: 64 })
  fingerprint: string;

  @Column('uuid', { array: true, default: '{}' })
  caseReportIds: string[];
}
