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

  @Field(() => String, { nullable: true, description: 'The bibliographic database, as the importer named it.' })
  database: string | null;

  @Field({ description: 'False: the file was refused and nothing of it stored; its records count as not imported.' })
  stored: boolean;

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

  @Field(() => Int, { description: 'Records not imported: those with errors, or every record of a refused file.' })
  skipped: number;
}
