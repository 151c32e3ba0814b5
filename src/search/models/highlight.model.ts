import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Matching passages of one field; HTML-escaped text where only <mark>…</mark> is markup.' })
export class Highlight {
  @Field({ description: 'title, summary, details or abstract.' })
  field: string;

  @Field(() => [String])
  snippets: string[];
}
