import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Inclusive bounds of a saved search filter.' })
export class SavedRange {
  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;
}
