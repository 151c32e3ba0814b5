import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Publication } from '../../publications/publication.entity';
import { PublicationMerge } from './publication-merge.entity';

@ObjectType({ description: 'A field whose values differ between two publications (null: empty on that side).' })
export class FieldDifference {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  first: string | null;

  @Field(() => String, { nullable: true })
  second: string | null;
}

@ObjectType({ description: 'Two publications that are probably one article the import did not merge: shown, never merged until a curator confirms (mergePublications).' })
export class ProbableDuplicate {
  @Field(() => Float, { description: '0-1: the title\'s similarity weighs most; year, first authors and venue add; different PMIDs or DOIs subtract.' })
  score: number;

  @Field(() => [String], { description: 'Why the pair is shown, e.g. "titles differ by 1 character", "year off by one", "a preprint and an article".' })
  reasons: string[];

  @Field(() => Publication)
  first: Publication;

  @Field(() => Publication)
  second: Publication;

  @Field(() => [FieldDifference])
  differences: FieldDifference[];
}

@ObjectType({ description: 'A value of the merged publication that was not taken: the kept publication\'s value stays.' })
export class MergeFieldConflict {
  @Field()
  field: string;

  @Field({ description: 'The value the kept publication has after the merge.' })
  kept: string;

  @Field({ description: 'The value left out.' })
  dropped: string;
}

@ObjectType({ description: 'The result of a confirmed merge.' })
export class MergePublicationsResult {
  @Field(() => Publication)
  kept: Publication;

  @Field(() => PublicationMerge)
  merge: PublicationMerge;

  @Field(() => [MergeFieldConflict])
  conflicts: MergeFieldConflict[];
}
