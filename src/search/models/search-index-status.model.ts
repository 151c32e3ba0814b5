import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How fresh the search index is.' })
export class SearchIndexStatus {
  @Field({ description: 'postgres (embedded) or elasticsearch.' })
  engine: string;

  @Field()
  reachable: boolean;

  @Field(() => Int, { description: 'Writes not yet in the index.' })
  outboxDepth: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest of them was made.' })
  oldestPendingAt: Date | null;
}
