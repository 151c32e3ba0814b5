import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseComplication } from './case-complication.entity';
import { CaseFact } from './case-fact.base';
import { CaseReport } from './case-report.entity';

@ObjectType({ description: 'A treatment given for the patient\'s complication.' })
@Entity()
@Index(['caseReportId', 'position'], { unique: true })
export class CaseTreatment extends CaseFact {
  @ManyToOne(() => CaseReport, (caseReport) => caseReport.treatments, { onDelete: 'CASCADE' })
  caseReport?: CaseReport;

  @Column('uuid', { nullable: true })
  complicationId: string | null;

  @ManyToOne(() => CaseComplication, { nullable: true, onDelete: 'SET NULL' })
  complication?: CaseComplication | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  details: string | null;
}
