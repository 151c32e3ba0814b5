import { Field, ID, InputType } from '@nestjs/graphql';
import { FactReviewAction } from '../curation.enums';

@InputType({ description: 'A curator\'s decision on one fact of a case (usually a SUGGESTED one).' })
export class ReviewCaseFactInput {
  @Field(() => ID)
  caseReportId: string;

  @Field({ description: 'The fact\'s path as listed in CaseReport.facts, e.g. "sex", "procedures.1.bloodVolumeMl", "complications.0".' })
  path: string;

  @Field(() => FactReviewAction)
  action: FactReviewAction;

  @Field(() => String, { nullable: true, description: 'CORRECT only: the right value (a number, an enum value such as POSTPARTUM, or a term id / MeSH UI / key).' })
  value?: string | null;
}
