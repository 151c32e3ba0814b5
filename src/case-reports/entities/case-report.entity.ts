import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Publication } from '../../publications/publication.entity';
import { VocabularyTerm } from '../../vocabulary/vocabulary-term.entity';
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-report.enums';
import { CurationStatus } from '../curation.enums';
import { CaseComplication } from './case-complication.entity';
import { CaseFactRecord } from './case-fact-record';
import { CaseProcedure } from './case-procedure.entity';
import { CaseTreatment } from './case-treatment.entity';

@ObjectType({ description: 'One patient of a publication: population, procedures, complications, treatments and outcome.' })
@Entity()
export class CaseReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  publicationId: string;

  @ManyToOne(() => Publication, { onDelete: 'CASCADE' })
  publication?: Publication;

  @Field({ description: 'Label within the publication, e.g. "Case 2".' })
  @Column('varchar', { length: 200 })
  label: string;

  @Field(() => String, { nullable: true, description: 'Narrative summary of the case.' })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field(() => Float, { nullable: true, description: 'Age in years (fractions allowed); null when not reported.' })
  @Column('double precision', { nullable: true })
  ageYears: number | null;

  @Field(() => AgeGroup)
  @Column({ type: 'enum', enum: AgeGroup, enumName: 'age_group' })
  ageGroup: AgeGroup;

  @Field(() => Sex)
  @Column({ type: 'enum', enum: Sex, enumName: 'sex' })
  sex: Sex;

  @Field(() => PregnancyStatus)
  @Column({ type: 'enum', enum: PregnancyStatus, enumName: 'pregnancy_status' })
  pregnancyStatus: PregnancyStatus;

  @Field(() => Anticoagulation)
  @Column({ type: 'enum', enum: Anticoagulation, enumName: 'anticoagulation' })
  anticoagulation: Anticoagulation;

  @ManyToMany(() => VocabularyTerm)
  @JoinTable({ name: 'case_report_comorbidity', joinColumn: { name: 'case_report_id' }, inverseJoinColumn: { name: 'term_id' } })
  comorbidities?: VocabularyTerm[];

  @OneToMany(() => CaseProcedure, (procedure) => procedure.caseReport)
  procedures?: CaseProcedure[];

  @OneToMany(() => CaseComplication, (complication) => complication.caseReport)
  complications?: CaseComplication[];

  @OneToMany(() => CaseTreatment, (treatment) => treatment.caseReport)
  treatments?: CaseTreatment[];

  @Field(() => Outcome)
  @Column({ type: 'enum', enum: Outcome, enumName: 'outcome' })
  outcome: Outcome;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  outcomeDetails: string | null;

  @Field(() => Float, { nullable: true, description: 'Days from the complication to its resolution.' })
  @Column('double precision', { nullable: true })
  timeToResolutionDays: number | null;

  @Field(() => Float, { nullable: true, description: 'Length of follow-up in days.' })
  @Column('double precision', { nullable: true })
  followUpDays: number | null;

  @Field(() => CurationStatus, { description: 'SUGGESTED until a curator confirms the case; cases entered by hand are CURATED.' })
  @Index()
  @Column({ type: 'enum', enum: CurationStatus, enumName: 'curation_status', default: CurationStatus.CURATED })
  curationStatus: CurationStatus;

  @Field(() => [CaseFactRecord], { description: 'The proposed facts with their evidence and review state (empty for cases entered by hand).' })
  @Column('jsonb', { default: [] })
  facts: CaseFactRecord[];

  @Field(() => String, { nullable: true, description: 'Version of the extraction rules that proposed the case; null when entered by hand.' })
  @Column('varchar', { length: 32, nullable: true })
  extractionRulesVersion: string | null;

  @Field(() => Int, { description: 'Goes up by one with every change. Send it back as expectedVersion: a save made from an older version is refused (CONFLICT) with the changes made since.' })
  @Column('int', { default: 1 })
  version: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
