import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DuplicateKey } from '../duplicate-key.enum';

@ObjectType({ description: 'An imported record recognised as a publication already stored (or already imported from the same file).' })
export class ImportMerge {
  @Field(() => Int)
  recordNumber: number;

  @Field(() => Int, { nullable: true })
  line: number | null;

  @Field(() => ID)
  publicationId: string;

  @Field(() => DuplicateKey)
  matchedOn: DuplicateKey;

  @Field({ description: 'True when the publication was created by an earlier record of the same file.' })
  withinFile: boolean;

  @Field(() => [String], { description: 'Fields the record filled in or extended (lists are united).' })
  filledFields: string[];
}
