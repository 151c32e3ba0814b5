import { Field, ObjectType } from '@nestjs/graphql';
import { CaseReportHit } from './case-report-hit.model';

@ObjectType()
export class CaseReportHitEdge {
  @Field()
  cursor: string;

  @Field(() => CaseReportHit)
  node: CaseReportHit;
}
