import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseProcedure } from './case-procedure.entity';
import { VocabularyTerm } from '../../vocabulary/vocabulary-term.entity';
import { CaseFact } from './case-fact.base';
import { CaseReport } from './case-report.entity';

@ObjectType({ description: 'A complication of the patient, linked to the procedure it followed.' })
@Entity()
@Index(['caseReportId', 'position'], { unique: true })
export class CaseComplication extends CaseFact {
  @ManyToOne(() => CaseReport, (caseReport) => caseReport.complications, { onDelete: 'CASCADE' })
  caseReport?: CaseReport;

  @Column('uuid', { nullable: true })
  procedureId: string | null;

  @ManyToOne(() => CaseProcedure, { nullable: true, onDelete: 'SET NULL' })
  procedure?: CaseProcedure | null;

  @Field(() => Float, { nullable: true, description: 'Hours from the procedure to the first symptom.' })
  @Column('double precision', { nullable: true })
  onsetHours: number | null;

  @Field(() => String, { nullable: true, description: 'How it was diagnosed, e.g. "MRI".' })
  @Column('text', { nullable: true })
  diagnosis: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  details: string | null;

  @ManyToMany(() => VocabularyTerm)
  @JoinTable({ name: 'case_complication_symptom', joinColumn: { name: 'complication_id' }, inverseJoinColumn: { name: 'term_id' } })
  symptoms?: VocabularyTerm[];
}
