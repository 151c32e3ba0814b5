import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PrismaIdentification } from '../../literature/import/models/prisma-identification.model';

@ObjectType({ description: 'Records excluded for one reason.' })
export class ExclusionReasonCount {
  @Field()
  code: string;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    'PRISMA 2020 flow numbers of a review, from its imports (identification) and its screening (final decisions: agreed or resolved). ' +
    'The workspace screens titles and abstracts once: a record marked MAYBE is one whose full text must decide, so it counts as a report sought and assessed; ' +
    'there is no separate full-text stage yet, so reports excluded at full text are 0 and assessed reports are INCLUDED + MAYBE.',
})
export class PrismaCounts {
  @Field()
  review: string;

  @Field(() => PrismaIdentification, { description: 'Records identified per file, duplicates removed, records remaining.' })
  identification: PrismaIdentification;

  @Field(() => Int, { description: 'Records screened: records with a final decision (included, excluded or maybe).' })
  recordsScreened: number;

  @Field(() => Int, { description: 'Records not screened yet (no decision).' })
  recordsAwaitingScreening: number;

  @Field(() => Int, { description: 'Records whose reviewers disagree, not resolved (neither screened nor awaiting).' })
  recordsInConflict: number;

  @Field(() => Int, { description: 'Records excluded at screening.' })
  recordsExcluded: number;

  @Field(() => [ExclusionReasonCount], { description: 'Excluded records per reason, in the review\'s order of reasons.' })
  exclusionReasons: ExclusionReasonCount[];

  @Field(() => Int, { description: 'Reports sought for retrieval: INCLUDED + MAYBE.' })
  reportsSought: number;

  @Field(() => Int, { description: 'Reports assessed for eligibility: INCLUDED + MAYBE (no full-text stage yet).' })
  reportsAssessed: number;

  @Field(() => Int, { description: 'Reports excluded at full text: 0 until a full-text stage exists.' })
  reportsExcluded: number;

  @Field(() => Int, { description: 'Reports still marked MAYBE: assessed, awaiting their full-text decision (sought = excluded + undecided + included).' })
  reportsUndecided: number;

  @Field(() => Int, { description: 'Studies included: records with the final decision INCLUDED.' })
  studiesIncluded: number;

  @Field(() => Int, { description: 'Cases included: the case reports (patients, not rejected) of the included studies.' })
  casesIncluded: number;
}
