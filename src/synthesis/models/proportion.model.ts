import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'numerator / denominator with its Wilson score 95% confidence interval (z = 1.959964).' })
export class ProportionEstimate {
  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Float, { description: 'numerator / denominator, 0..1.' })
  proportion: number;

  @Field(() => Float, { description: 'Lower bound of the Wilson 95% interval (exactly 0 when the numerator is 0).' })
  lower: number;

  @Field(() => Float, { description: 'Upper bound of the Wilson 95% interval (exactly 1 when numerator = denominator).' })
  upper: number;
}

@ObjectType({ description: 'Cases and distinct publications.' })
export class CaseCount {
  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;
}

@ObjectType({ description: 'The search that finds the cases of a row or cell: the given search with the value(s) selected.' })
export class SearchLinkModel {
  @Field({ description: 'The searchCaseReports input (text, filters, sort) as JSON.' })
  input: string;

  @Field(() => String, { nullable: true, description: 'The search page\'s query string (open /?{pageQuery}); null when a filter has no page parameter.' })
  pageQuery: string | null;
}
