import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What came of the files from one source (a bibliographic database as the importer named it, else a file format).' })
export class ImportSourceSummary {
  @Field({ description: 'The database named at import ("PubMed", "Embase"…), else "format: ris", "format: csv"….' })
  source: string;

  @Field(() => Int, { description: 'Files stored (in full, or in part in PARTIAL mode).' })
  filesImported: number;

  @Field(() => Int, { description: 'Files refused: nothing of them stored (errors in an ATOMIC import, an unreadable file).' })
  filesRefused: number;

  @Field(() => Int, { description: 'Records read from every file, refused ones included.' })
  recordsRead: number;

  @Field(() => Int, { description: 'Records imported (created + merged).' })
  recordsImported: number;

  @Field(() => Int, { description: 'Records that were a publication already there (merged into it): duplicates removed, counted at the source imported later.' })
  duplicatesRemoved: number;

  @Field(() => Int, { description: 'Records that could not be imported: records with errors, and every record of a refused file.' })
  failed: number;
}

@ObjectType({ description: 'Import counts per source for the PRISMA identification box, refused files and failed records included.' })
export class ImportSummary {
  @Field(() => String, { nullable: true, description: 'Null: every import.' })
  review: string | null;

  @Field(() => [ImportSourceSummary], { description: 'In the order each source was first imported.' })
  sources: ImportSourceSummary[];

  @Field(() => ImportSourceSummary, { description: 'Every source added up (source: "total").' })
  total: ImportSourceSummary;
}
