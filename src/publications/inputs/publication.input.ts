import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { TitleStatus } from '../title-status.enum';

@InputType()
export class AuthorInput {
  @Field()
  family: string;

  @Field(() => String, { nullable: true })
  given?: string | null;
}

@InputType()
export class MeshHeadingInput {
  @Field(() => String, { nullable: true })
  descriptorUi?: string | null;

  @Field()
  label: string;

  @Field({ defaultValue: false })
  majorTopic: boolean;
}

@InputType()
export class CreatePublicationInput {
  @Field(() => String, { nullable: true, description: 'Required unless titleStatus is NOT_RECORDED (then it must be null). Never a placeholder.' })
  title?: string | null;

  @Field(() => TitleStatus, { nullable: true, description: 'Default COMPLETE; INCOMPLETE when title is only the known beginning.' })
  titleStatus?: TitleStatus | null;

  @Field(() => String, { nullable: true })
  abstract?: string | null;

  @Field(() => [AuthorInput], { nullable: true, description: 'In the order of the byline.' })
  authors?: AuthorInput[] | null;

  @Field(() => String, { nullable: true })
  journal?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true })
  month?: number | null;

  @Field(() => String, { nullable: true })
  volume?: string | null;

  @Field(() => String, { nullable: true })
  issue?: string | null;

  @Field(() => String, { nullable: true })
  pages?: string | null;

  @Field(() => String, { nullable: true, description: 'Any common form (https://doi.org/..., doi:...); stored normalised.' })
  doi?: string | null;

  @Field(() => String, { nullable: true })
  pmid?: string | null;

  @Field(() => String, { nullable: true })
  pmcid?: string | null;

  @Field(() => [String], { nullable: true })
  publicationTypes?: string[] | null;

  @Field(() => [MeshHeadingInput], { nullable: true })
  meshHeadings?: MeshHeadingInput[] | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears a nullable field.' })
export class UpdatePublicationInput extends PartialType(CreatePublicationInput) {}
