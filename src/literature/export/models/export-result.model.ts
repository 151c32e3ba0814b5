import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExportFormat } from '../export-format.enum';

@ObjectType({ description: 'A small export, returned whole. Larger ones: GET /exports (streamed) or `npm run cli -- export`.' })
export class ExportResult {
  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field()
  fileName: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;

  @Field({ description: 'The file.' })
  content: string;
}
