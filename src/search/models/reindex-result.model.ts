import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A finished rebuild of the search index.' })
export class ReindexResult {
  @Field()
  engine: string;

  @Field(() => Int, { description: 'Case reports indexed into the new index.' })
  caseReports: number;

  @Field(() => Int, { description: 'Publications indexed into the new publication index.' })
  publications: number;

  @Field(() => Int, { description: 'Writes that arrived during the rebuild, replayed from the outbox afterwards.' })
  pendingWrites: number;

  @Field()
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;
}
