import { Field, ID, InputType, Int } from '@nestjs/graphql';

const EXPECTED_VERSION = 'The case\'s version as you read it: a save from an older version is refused (CONFLICT) with the changes made since. Optional for older clients.';

@InputType({ description: 'Words selected in a publication\'s title or abstract: offsets in UTF-16 code units, end exclusive.' })
export class TextSelectionInput {
  @Field({ description: 'title or abstract.' })
  field: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => String, { nullable: true, description: 'The words as selected; checked against the stored text (a mismatch is a CONFLICT: the page is stale).' })
  text?: string | null;
}

@InputType({ description: 'A fact the extraction missed, with the words it was read from.' })
export class AddCaseFactInput {
  @Field(() => ID)
  caseReportId: string;

  @Field({ description: 'A value to set ("ageYears", "outcome", "procedures.0.bloodVolumeMl", "complications.0.onsetHours") or a list to add a term to ("complications", "procedures", "treatments", "comorbidities", "complications.0.symptoms").' })
  path: string;

  @Field({ description: 'The value: a term key, MeSH UI or id for lists; a number (with an optional unit, "3 months") or an enum value otherwise.' })
  value: string;

  @Field(() => String, { nullable: true, description: 'The unit of a number when not in value: years, months, weeks, days, hours, minutes; mL, L.' })
  unit?: string | null;

  @Field(() => TextSelectionInput)
  selection: TextSelectionInput;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}

@InputType({ description: 'Moves chosen facts of a case into a new patient of the same publication.' })
export class SplitCaseReportInput {
  @Field(() => ID)
  caseReportId: string;

  @Field(() => [String], { description: 'Whole facts to move: ageYears, sex, pregnancyStatus, anticoagulation, outcome, outcomeDetails, timeToResolutionDays, followUpDays, or list items (procedures.1, complications.0 with its symptoms, treatments.0, comorbidities.2).' })
  factPaths: string[];

  @Field(() => String, { nullable: true, description: 'Label of the new case; default "<label> (split)".' })
  label?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}

@InputType({ description: 'Makes two patients of one publication one: the case keeps its values and takes the other\'s where its own are unknown; the other case is removed.' })
export class MergeCaseReportsInput {
  @Field(() => ID, { description: 'The case that stays.' })
  caseReportId: string;

  @Field(() => ID, { description: 'The case merged into it (removed; its history stays).' })
  otherCaseReportId: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;

  @Field(() => Int, { nullable: true, description: 'The other case\'s version as you read it.' })
  otherExpectedVersion?: number | null;
}
