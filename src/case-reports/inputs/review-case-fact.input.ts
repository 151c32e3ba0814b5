import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { FactReviewAction } from '../curation.enums';

@InputType({ description: 'A curator\'s decision on one fact of a case (usually a SUGGESTED one).' })
export class ReviewCaseFactInput {
  @Field(() => ID)
  caseReportId: string;

  @Field({ description: 'The fact\'s path as listed in CaseReport.facts, e.g. "sex", "procedures.1.bloodVolumeMl", "complications.0".' })
  path: string;

  @Field(() => FactReviewAction)
  action: FactReviewAction;

  @Field(() => String, { nullable: true, description: 'CORRECT only: the right value (a number, an enum value such as POSTPARTUM, or a term id / MeSH UI / key; numbers may carry a unit, e.g. "18 months").' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: 'CORRECT of a number: its unit when not in value ("3 months" and value "3", unit "months" are the same): years, months, weeks, days, hours, minutes; mL, L. Stored in the field\'s own unit.' })
  unit?: string | null;

  @Field(() => Int, { nullable: true, description: 'The case\'s version as you read it: a save from an older version is refused (CONFLICT) with the changes made since. Optional for older clients.' })
  expectedVersion?: number | null;
}
