import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VocabularyTerm } from '../../vocabulary/vocabulary-term.entity';
import { CaseComplication } from './case-complication.entity';
import { CaseReport } from './case-report.entity';

@ObjectType({ description: 'A treatment given for the patient\'s complication.' })
@Entity()
@Index(['caseReportId', 'position'], { unique: true })
export class CaseTreatment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseReportId: string;

  @ManyToOne(() => CaseReport, (caseReport) => caseReport.treatments, { onDelete: 'CASCADE' })
  caseReport?: CaseReport;

  @Field(() => Int)
  @Column('smallint')
  position: number;

  @Index()
  @Column('uuid')
  termId: string;

  @ManyToOne(() => VocabularyTerm, { onDelete: 'RESTRICT' })
  term?: VocabularyTerm;

  @Column('uuid', { nullable: true })
  complicationId: string | null;

  @ManyToOne(() => CaseComplication, { nullable: true, onDelete: 'SET NULL' })
  complication?: CaseComplication | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  details: string | null;
}
