import { Field, ObjectType } from '@nestjs/graphql';
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../../case-reports/case-report.enums';
import { SavedRange } from './saved-range.model';

@ObjectType({ description: 'The filters of a saved search, as they were given (SearchFiltersInput).' })
export class SavedSearchFilters {
  @Field(() => [String], { nullable: true })
  complications?: string[] | null;

  @Field(() => [String], { nullable: true })
  procedures?: string[] | null;

  @Field(() => [String], { nullable: true })
  treatments?: string[] | null;

  @Field(() => [String], { nullable: true })
  symptoms?: string[] | null;

  @Field(() => [Sex], { nullable: true })
  sex?: Sex[] | null;

  @Field(() => [AgeGroup], { nullable: true })
  ageGroups?: AgeGroup[] | null;

  @Field(() => [PregnancyStatus], { nullable: true })
  pregnancyStatuses?: PregnancyStatus[] | null;

  @Field(() => [Anticoagulation], { nullable: true })
  anticoagulation?: Anticoagulation[] | null;

  @Field(() => [Outcome], { nullable: true })
  outcomes?: Outcome[] | null;

  @Field(() => [String], { nullable: true })
  publicationTypes?: string[] | null;

  @Field(() => SavedRange, { nullable: true })
  year?: SavedRange | null;

  @Field(() => SavedRange, { nullable: true })
  age?: SavedRange | null;

  @Field(() => SavedRange, { nullable: true })
  bloodPatchVolumeMl?: SavedRange | null;

  @Field(() => SavedRange, { nullable: true })
  onsetHours?: SavedRange | null;

  @Field(() => Boolean, { nullable: true })
  outcomeKnown?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  complicationsFollowProcedures?: boolean | null;
}
