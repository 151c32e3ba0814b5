import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An author, in the order the publication lists them. A group author has only a family name.' })
export class Author {
  @Field()
  family: string;

  @Field(() => String, { nullable: true, description: 'Given names or initials.' })
  given: string | null;
}
