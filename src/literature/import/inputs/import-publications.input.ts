import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { BadUserInputError } from '../../../common/errors/domain-error';
import { CSV_FIELDS } from '../../formats/csv-exporters';
import type { CsvColumnMapping, CsvField } from '../../formats/csv-exporters';
import { ImportFormatName } from '../import-format.enum';
import { ImportMode } from '../import-mode.enum';

/** The publication fields a CSV column can be mapped to, as a GraphQL enum (TITLE, JOURNAL_ABBREVIATION, START_PAGE, ...). */
export const CsvColumnField: Record<string, string> = Object.fromEntries(CSV_FIELDS.map((field) => [field.replace(/([A-Z])/g, '_$1').toUpperCase(), field]));

registerEnumType(CsvColumnField, {
  name: 'CsvColumnField',
  description: 'A publication field a CSV / TSV column can be read as.',
});

@InputType({ description: 'Reads one column of a CSV / TSV file as one publication field (the column as written in the header row; case, spaces and punctuation are ignored).' })
export class CsvColumnInput {
  @Field(() => CsvColumnField)
  field: string;

  @Field({ description: 'The column name as the file\'s header row writes it, e.g. "Article Title".' })
  column: string;
}

@InputType({
  description: 'An export file posted as text. The whole GraphQL request must fit MAX_JSON_BODY_BYTES (20 MB by default); upload larger files to POST /imports (streamed, up to IMPORT_MAX_BYTES) or use the CLI.',
})
export class ImportPublicationsInput {
  @Field({ description: 'The content of the export file.' })
  text: string;

  @Field(() => ImportFormatName, { nullable: true, description: 'Detected from the content when not given.' })
  format?: ImportFormatName | null;

  @Field(() => [CsvColumnInput], {
    nullable: true,
    description: 'CSV / TSV only: which column holds which field, for a table whose header is not recognised (or to override a recognised column). TITLE is required when the header has no title column.',
  })
  columns?: CsvColumnInput[] | null;

  @Field(() => String, { nullable: true, description: 'The name of the file, kept with the import (and a hint for detection).' })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: 'The literature review this file belongs to (PRISMA numbers are per review).' })
  review?: string | null;

  @Field(() => String, { nullable: true, description: 'The bibliographic database the file was exported from (PubMed, Embase, Scopus…): importSummary counts files and records per database.' })
  database?: string | null;

  @Field(() => ImportMode, { nullable: true, defaultValue: ImportMode.ATOMIC })
  mode?: ImportMode | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Propose case reports (SUGGESTED) for the new and merged publications.' })
  extractCases?: boolean | null;
}

/** The GraphQL list as a mapping; a field given twice or a blank column is refused with its path. */
export function columnMappingFromInput(columns: CsvColumnInput[] | null | undefined, path: string): CsvColumnMapping | null {
  if (!columns?.length) return null;
  const mapping: CsvColumnMapping = {};
  const problems: { path: string; message: string }[] = [];
  columns.forEach((entry, index) => {
    const field = entry.field as CsvField;
    const column = entry.column?.trim();
    if (!column) problems.push({ path: `${path}.${index}.column`, message: 'must name a column of the header row' });
    else if (column.length > 500) problems.push({ path: `${path}.${index}.column`, message: 'must be at most 500 characters' });
    else if (mapping[field]) problems.push({ path: `${path}.${index}.field`, message: `${field} is mapped twice` });
    else mapping[field] = column;
  });
  if (problems.length) throw new BadUserInputError(problems);
  return mapping;
}
