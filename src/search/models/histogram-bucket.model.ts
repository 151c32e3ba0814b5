import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Cases with a value in [from, to).' })
export class HistogramBucket {
  @Field(() => Float)
  from: number;

  @Field(() => Float)
  to: number;

  @Field(() => Int)
  caseCount: number;
}
