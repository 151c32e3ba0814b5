import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VocabularyTerm } from '../../vocabulary/vocabulary-term.entity';

/** What every linked fact of a patient has: its case, its place in the patient's course, and a vocabulary term. */
@ObjectType({ isAbstract: true })
export abstract class CaseFact {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseReportId: string;

  @Field(() => Int, { description: '0-based order within the case.' })
  @Column('smallint')
  position: number;

  @Index()
  @Column('uuid')
  termId: string;

  @ManyToOne(() => VocabularyTerm, { onDelete: 'RESTRICT' })
  term?: VocabularyTerm;
}
