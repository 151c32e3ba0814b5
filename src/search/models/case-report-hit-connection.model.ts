import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination/connection';
import { CaseReportHitEdge } from './case-report-hit-edge.model';

@ObjectType()
export class CaseReportHitConnection {
  @Field(() => [CaseReportHitEdge])
  edges: CaseReportHitEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
