import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { NumericField } from '../numeric/numeric-field';

@ObjectType()
export class NumericHistogramBin {
  @Field(() => Float, { description: 'Inclusive.' })
  from: number;

  @Field(() => Float, { description: 'Exclusive.' })
  to: number;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    'Descriptive statistics of a number over the cases a search finds. Quartiles: Hyndman & Fan (1996) type 7 (linear interpolation, h = (n - 1)p; R and NumPy defaults). For ONSET_HOURS and BLOOD_PATCH_VOLUME a case can give several values (each complication, each patch): n counts values, missing counts cases without any.',
})
export class CaseNumericSummary {
  @Field(() => NumericField)
  field: NumericField;

  @Field()
  unit: string;

  @Field(() => Int)
  totalCases: number;

  @Field(() => Int, { description: 'Cases with at least one value.' })
  casesWithValue: number;

  @Field(() => Int, { description: 'Values summarised.' })
  n: number;

  @Field(() => Int, { description: 'Cases without a value (not reported).' })
  missing: number;

  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true, description: 'First quartile (type 7).' })
  q1: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true, description: 'Third quartile (type 7).' })
  q3: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { description: 'Histogram bucket width.' })
  interval: number;

  @Field(() => [NumericHistogramBin], { description: 'Buckets aligned on multiples of interval, lowest to highest value, empty ones included.' })
  histogram: NumericHistogramBin[];
}
