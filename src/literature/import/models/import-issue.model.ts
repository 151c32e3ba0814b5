import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An error or warning about one record of an imported file.' })
export class ImportIssue {
  @Field(() => Int, { nullable: true, description: '1-based position of the record in the file; null for problems with the file as a whole.' })
  recordNumber: number | null;

  @Field(() => Int, { nullable: true, description: '1-based line where the problem (or its record) is.' })
  line: number | null;

  @Field(() => String, { nullable: true, description: 'The field (tag, column or publication field) at fault, when known.' })
  field: string | null;

  @Field()
  message: string;
}
