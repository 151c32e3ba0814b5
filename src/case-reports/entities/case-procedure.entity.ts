import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseFact } from './case-fact.base';
import { CaseReport } from './case-report.entity';

@ObjectType({ description: 'A procedure the patient had before the complication, in order.' })
@Entity()
@Index(['caseReportId', 'position'], { unique: true })
export class CaseProcedure extends CaseFact {
  @ManyToOne(() => CaseReport, (caseReport) => caseReport.procedures, { onDelete: 'CASCADE' })
  caseReport?: CaseReport;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  details: string | null;

  @Field(() => Float, { nullable: true, description: 'Blood volume injected, for blood patches.' })
  @Column('double precision', { nullable: true })
  bloodVolumeMl: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "L3-L4".' })
  @Column('varchar', { length: 32, nullable: true })
  vertebralLevel: string | null;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { nullable: true })
  attemptNumber: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "fluoroscopy", "ultrasound", "none".' })
  @Column('varchar', { length: 64, nullable: true })
  imageGuidance: string | null;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { nullable: true })
  needleGauge: number | null;
}
