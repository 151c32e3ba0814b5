import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class MeshHeading {
  @Field(() => String, { nullable: true, description: 'MeSH descriptor UI; null when the source only gave the label.' })
  descriptorUi: string | null;

  @Field()
  label: string;

  @Field()
  majorTopic: boolean;
}
