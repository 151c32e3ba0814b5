import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { FactStatus } from '../curation.enums';

@ObjectType({ description: 'Where a fact was read: the field, the exact words (offsets into the field), their sentence, the method and a confidence.' })
export class FactEvidence {
  @Field({ description: 'title, abstract, mesh, keyword or publicationType.' })
  field: string;

  @Field(() => Int, { description: 'Start offset (UTF-16 code units) in the field (for mesh/keyword/publicationType: in that heading).' })
  start: number;

  @Field(() => Int, { description: 'End offset, exclusive.' })
  end: number;

  @Field({ description: 'The exact words.' })
  text: string;

  @Field({ description: 'The sentence (or heading) holding them.' })
  sentence: string;

  @Field({ description: 'MESH_MAPPING, TEXT_RULE or CURATOR.' })
  method: string;

  @Field(() => Float)
  confidence: number;
}

/**
 * One fact of a case as proposed by extraction and reviewed by curators, addressed by its path in the
 * case ("ageYears", "sex", "procedures.1", "procedures.1.bloodVolumeMl", "complications.0.onsetHours",
 * "treatments.0", "comorbidities.0", "complications.0.symptoms.1", "outcome"). Stored as jsonb on the case.
 */
@ObjectType({ description: 'A fact of the case with its evidence and review state.' })
export class CaseFactRecord {
  @Field({ description: 'Path of the fact in the case, e.g. "ageYears", "procedures.1.bloodVolumeMl", "complications.0".' })
  path: string;

  @Field(() => String, { nullable: true, description: 'The value as text (a term key for vocabulary facts); null once rejected.' })
  value: string | null;

  @Field(() => FactStatus)
  status: FactStatus;

  @Field(() => FactEvidence, { nullable: true, description: 'Null for facts a curator entered without evidence.' })
  evidence: FactEvidence | null;

  @Field(() => String, { nullable: true, description: 'Name of the API key that last reviewed it.' })
  reviewedBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601.' })
  reviewedAt: string | null;
}
