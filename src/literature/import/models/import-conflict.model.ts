import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A value the import offered for a field that already held a different one: the stored value was kept.' })
export class ImportConflict {
  @Field(() => Int)
  recordNumber: number;

  @Field(() => ID)
  publicationId: string;

  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'The stored value, kept (null: empty, but the offered value could not be used).' })
  kept: string | null;

  @Field()
  offered: string;

  @Field(() => String, { nullable: true, description: 'Why an offered value for an empty field was not used, e.g. the DOI belongs to another publication.' })
  note: string | null;
}
