import { Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-report.enums';

const TERM_REF = 'A vocabulary term of the right kind, by id, MeSH descriptor UI (D046748) or key (intrathecal-hematoma).';

@InputType()
export class CaseProcedureInput {
  @Field({ description: TERM_REF })
  term: string;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => Float, { nullable: true })
  bloodVolumeMl?: number | null;

  @Field(() => String, { nullable: true })
  vertebralLevel?: string | null;

  @Field(() => Int, { nullable: true })
  attemptNumber?: number | null;

  @Field(() => String, { nullable: true })
  imageGuidance?: string | null;

  @Field(() => Int, { nullable: true })
  needleGauge?: number | null;
}

@InputType()
export class CaseComplicationInput {
  @Field({ description: TERM_REF })
  term: string;

  @Field(() => Int, { nullable: true, description: '0-based index, in `procedures`, of the procedure this complication followed.' })
  procedureIndex?: number | null;

  @Field(() => Float, { nullable: true })
  onsetHours?: number | null;

  @Field(() => String, { nullable: true })
  diagnosis?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => [String], { nullable: true, description: 'Symptom terms.' })
  symptoms?: string[] | null;
}

@InputType()
export class CaseTreatmentInput {
  @Field({ description: TERM_REF })
  term: string;

  @Field(() => Int, { nullable: true, description: '0-based index, in `complications`, of the complication treated.' })
  complicationIndex?: number | null;

  @Field(() => String, { nullable: true })
  details?: string | null;
}

@InputType()
export class CreateCaseReportInput {
  @Field(() => ID)
  publicationId: string;

  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => Float, { nullable: true, description: 'Years; null when not reported.' })
  ageYears?: number | null;

  @Field(() => Sex, { defaultValue: Sex.UNKNOWN })
  sex: Sex;

  @Field(() => PregnancyStatus, { defaultValue: PregnancyStatus.UNKNOWN })
  pregnancyStatus: PregnancyStatus;

  @Field(() => Anticoagulation, { defaultValue: Anticoagulation.UNKNOWN })
  anticoagulation: Anticoagulation;

  @Field(() => [String], { nullable: true, description: 'Comorbidity terms.' })
  comorbidities?: string[] | null;

  @Field(() => [CaseProcedureInput], { nullable: true, description: 'In the order they happened.' })
  procedures?: CaseProcedureInput[] | null;

  @Field(() => [CaseComplicationInput], { nullable: true })
  complications?: CaseComplicationInput[] | null;

  @Field(() => [CaseTreatmentInput], { nullable: true })
  treatments?: CaseTreatmentInput[] | null;

  @Field(() => Outcome, { defaultValue: Outcome.UNKNOWN })
  outcome: Outcome;

  @Field(() => String, { nullable: true })
  outcomeDetails?: string | null;

  @Field(() => Float, { nullable: true })
  timeToResolutionDays?: number | null;

  @Field(() => Float, { nullable: true })
  followUpDays?: number | null;
}

/** Without the create input's defaults: a field left out keeps its value (with them, an update of the outcome reset sex to UNKNOWN). */
@InputType({ description: 'Only the fields given change. A list given replaces the whole list (procedures, complications and treatments reference each other by index).' })
export class UpdateCaseReportInput extends PartialType(CreateCaseReportInput, { omitDefaultValues: true }) {}
