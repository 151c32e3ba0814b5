import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PublicationFields } from '../../publications/publication-validation';

/** A merge of two publications a curator confirmed: what was merged, into what, by whom, and what it changed. */
@ObjectType({ description: 'Two publications a curator confirmed to be one: the merged one is gone, its case reports moved to the kept one.' })
@Entity()
export class PublicationMerge {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The publication kept (it took the merged one\'s case reports and the fields it lacked).' })
  @Index()
  @Column('uuid')
  keptId: string;

  @Field(() => ID, { description: 'The publication merged away (no longer stored).' })
  @Index()
  @Column('uuid')
  mergedId: string;

  /** The merged publication as it was, so a wrong merge can be undone by hand. */
  @Column('jsonb')
  mergedPublication: PublicationFields & { id: string };

  @Field(() => [String], { description: 'Fields of the kept publication filled or extended from the merged one.' })
  @Column('text', { array: true, default: '{}' })
  filledFields: string[];

  @Field(() => Int)
  @Column('int')
  caseReportsMoved: number;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  mergedBy: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
