import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ImportFormatName } from '../import-format.enum';

@ObjectType({ description: 'One imported file in the PRISMA identification box.' })
export class PrismaSource {
  @Field(() => ID)
  batchId: string;

  @Field({ description: 'The file name.' })
  source: string;

  @Field(() => ImportFormatName)
  format: ImportFormatName;

  @Field()
  importedAt: Date;

  @Field(() => Int, { description: 'Records in the file (including those with errors).' })
  recordsRead: number;

  @Field(() => Int, { description: 'Records imported (created + merged).' })
  recordsImported: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  merged: number;

  @Field(() => Int, { description: 'Records not imported because of errors.' })
  skipped: number;
}
