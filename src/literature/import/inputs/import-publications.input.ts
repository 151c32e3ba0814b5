import { Field, InputType } from '@nestjs/graphql';
import { ImportFormatName } from '../import-format.enum';
import { ImportMode } from '../import-mode.enum';

@InputType({
  description: 'An export file posted as text. The whole GraphQL request must fit MAX_JSON_BODY_BYTES (20 MB by default); upload larger files to POST /imports (streamed, up to IMPORT_MAX_BYTES) or use the CLI.',
})
export class ImportPublicationsInput {
  @Field({ description: 'The content of the export file.' })
  text: string;

  @Field(() => ImportFormatName, { nullable: true, description: 'Detected from the content when not given.' })
  format?: ImportFormatName | null;

  @Field(() => String, { nullable: true, description: 'The name of the file, kept with the import (and a hint for detection).' })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: 'The literature review this file belongs to (PRISMA numbers are per review).' })
  review?: string | null;

  @Field(() => ImportMode, { nullable: true, defaultValue: ImportMode.ATOMIC })
  mode?: ImportMode | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Propose case reports (SUGGESTED) for the new and merged publications.' })
  extractCases?: boolean | null;
}
