import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { Highlight } from './highlight.model';

@ObjectType()
export class CaseReportHit {
  @Field(() => Float, { nullable: true, description: 'Relevance score when the search has text.' })
  score: number | null;

  @Field(() => CaseReport)
  caseReport: CaseReport;

  @Field(() => [Highlight])
  highlights: Highlight[];
}
