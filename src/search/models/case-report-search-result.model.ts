import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseReportHitConnection } from './case-report-hit-connection.model';
import { Facet } from './facet.model';

@ObjectType()
export class CaseReportSearchResult {
  @Field(() => Int)
  totalCases: number;

  @Field(() => Int, { description: 'Distinct publications of the matching cases.' })
  totalPublications: number;

  @Field(() => CaseReportHitConnection)
  hits: CaseReportHitConnection;

  @Field(() => [Facet])
  facets: Facet[];
}
