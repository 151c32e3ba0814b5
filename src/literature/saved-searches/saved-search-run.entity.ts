import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SavedSearch } from './saved-search.entity';

/** One run of a saved search, logged so a review can report its search reproducibly. */
@ObjectType({ description: 'One run of a saved search: when, how many cases and publications, and a fingerprint of the result set.' })
@Entity()
export class SavedSearchRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  savedSearchId: string;

  @ManyToOne(() => SavedSearch, { onDelete: 'CASCADE' })
  savedSearch?: SavedSearch;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  ranAt: Date;

  @Field(() => Int)
  @Column('int')
  caseCount: number;

  @Field(() => Int)
  @Column('int')
  publicationCount: number;

  /** sha256 of the sorted case report ids: equal fingerprints mean the same result set. */
  @Field({ description: 'sha256 (hex) of the sorted case report ids, one per line: equal fingerprints, same result set.' })
  @Column('char', { length: 64 })
  fingerprint: string;

  @Field(() => [ID], { description: 'The cases found, sorted.' })
  @Column('uuid', { array: true, default: '{}' })
  caseReportIds: string[];
}
