import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FactEvidence } from '../../../case-reports/entities/case-fact-record';
import { CaseChangeOperation } from '../case-change.operation';

@ObjectType({ description: 'One unit of a case a change touched, with its value before and after (as text: terms by key, items by their term, fact records as "STATUS value").' })
export class CaseFieldChange {
  @Field({ description: 'A field ("sex"), a list item ("procedures.1"), a whole list whose length changed ("procedures") or a fact record ("facts[procedures.1.bloodVolumeMl]").' })
  field: string;

  @Field(() => String, { nullable: true })
  oldValue: string | null;

  @Field(() => String, { nullable: true })
  newValue: string | null;
}

@ObjectType('CaseChange', { description: 'A recorded change of a case report: who, when, what, from what to what, on which evidence.' })
export class CaseChangeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseReportId: string;

  @Field(() => Int, { description: 'The case\'s version once this change was made.' })
  version: number;

  @Field(() => CaseChangeOperation)
  operation: CaseChangeOperation;

  @Field(() => String, { nullable: true, description: 'The fact path changed ("sex", "procedures.1.bloodVolumeMl", "curationStatus"); null for whole-case changes.' })
  path: string | null;

  @Field(() => String, { nullable: true, description: 'The value at path before the change, as text.' })
  oldValue: string | null;

  @Field(() => String, { nullable: true, description: 'The value at path after the change, as text.' })
  newValue: string | null;

  @Field(() => [CaseFieldChange])
  fields: CaseFieldChange[];

  @Field(() => FactEvidence, { nullable: true, description: 'The words the fact was read from (for a fact added from a selection: method CURATOR).' })
  evidence: FactEvidence | null;

  @Field(() => String, { nullable: true, description: 'Name of the API key that made the change.' })
  changedBy: string | null;

  @Field()
  changedAt: Date;

  @Field(() => ID, { nullable: true, description: 'The other case of a split or merge.' })
  relatedCaseReportId: string | null;

  @Field(() => ID, { nullable: true, description: 'For an undo: the change it reverted.' })
  undoesChangeId: string | null;
}
