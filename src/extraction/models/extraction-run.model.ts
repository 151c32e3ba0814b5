import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a run of the extraction rules proposed.' })
export class ExtractionRun {
  @Field()
  rulesVersion: string;

  @Field(() => Int, { description: 'Publications read.' })
  publications: number;

  @Field(() => Int, { description: 'Suggested cases stored by this run.' })
  proposedCases: number;

  @Field(() => Int, { description: 'Earlier suggestions no curator had touched, replaced by this run.' })
  replacedCases: number;

  @Field(() => Int, { description: 'Publications left alone because a curator confirmed one of their cases.' })
  skippedCurated: number;

  @Field(() => Int, { description: 'Publications for which the rules proposed no patient (reviews, trials, cohorts, too little text).' })
  withoutPatients: number;

  @Field(() => Int, { description: 'Proposed facts dropped because they contradicted the case rules (e.g. pregnant and male).' })
  droppedFacts: number;
}
