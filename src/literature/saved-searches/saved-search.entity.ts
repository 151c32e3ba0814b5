import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A search a reviewer saved to run again: the same input as searchCaseReports. */
@ObjectType({ description: 'A search saved to run again (and report reproducibly); its runs are logged.' })
@Entity()
export class SavedSearch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Index()
  @Column('varchar', { length: 200, nullable: true })
  review: string | null;

  @Column('jsonb')
  query: Record<string, unknown>;

  @Field({ description: 'The name of the API key that saved it.' })
  @Column('varchar', { length: 100 })
  savedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
