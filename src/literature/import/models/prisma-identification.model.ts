import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PrismaSource } from './prisma-source.model';

@ObjectType({ description: 'PRISMA 2020 identification numbers of a review: records identified per source file, duplicates removed, records remaining for screening.' })
export class PrismaIdentification {
  @Field(() => String, { nullable: true, description: 'Null: every import.' })
  review: string | null;

  @Field(() => [PrismaSource], { description: 'Oldest first, refused files included.' })
  sources: PrismaSource[];

  @Field(() => Int, { description: 'Records identified: the records imported from every file, summed.' })
  recordsIdentified: number;

  @Field(() => Int, { description: 'Records recognised as duplicates (same PMID, DOI, or title + year + first author) and merged.' })
  duplicatesRemoved: number;

  @Field(() => Int, { description: 'Publications an import brought in that a curator has deleted since: removed before screening, for other reasons. Identified = duplicates removed + deleted + remaining.' })
  recordsDeleted: number;

  @Field(() => Int, { description: 'Distinct publications left for screening after duplicates (and deleted records) were removed.' })
  recordsRemaining: number;

  @Field(() => Int, { description: 'Records that could not be imported (records with errors, and every record of a refused file), for the record; not part of the identification count.' })
  recordsNotImported: number;
}
