import { Field, Float, ObjectType } from '@nestjs/graphql';
import { HistogramBucket } from './histogram-bucket.model';

@ObjectType()
export class NumericFacetStats {
  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => [HistogramBucket])
  buckets: HistogramBucket[];
}
