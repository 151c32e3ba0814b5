import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ExtractionRun } from '../../../extraction/models/extraction-run.model';
import { ImportFormatName } from '../import-format.enum';
import { ImportMode } from '../import-mode.enum';
import { ImportConflict } from './import-conflict.model';
import { ImportIssue } from './import-issue.model';
import { ImportMerge } from './import-merge.model';

/** At most this many entries of each list are returned; the counts are always complete. */
export const REPORT_LIST_LIMIT = 1000;

@ObjectType({ description: `What an import did with one file. Lists hold at most ${REPORT_LIST_LIMIT} entries; the counts are complete.` })
export class ImportReport {
  @Field(() => ID, { nullable: true, description: 'The import batch recorded for the file; null when nothing was stored.' })
  batchId: string | null;

  @Field({ description: 'The file name, or "(posted text)".' })
  source: string;

  @Field(() => ImportFormatName, { nullable: true, description: 'Null when the format could not be recognised.' })
  format: ImportFormatName | null;

  @Field(() => String, { nullable: true })
  review: string | null;

  @Field(() => ImportMode)
  mode: ImportMode;

  @Field({ description: 'False when nothing was stored (an ATOMIC import with errors).' })
  stored: boolean;

  @Field({ description: 'False when the file could not be read to its end (e.g. malformed XML): the records after the last error were not read.' })
  readToEnd: boolean;

  @Field(() => Int, { description: 'Records read from the file, including those that had errors.' })
  recordsRead: number;

  @Field(() => Int, { description: 'New publications.' })
  created: number;

  @Field(() => Int, { description: 'Records recognised as a publication already stored or earlier in the file.' })
  merged: number;

  @Field(() => Int, { description: 'Records read but not stored (errors; every record when an ATOMIC import failed).' })
  skipped: number;

  @Field(() => Int)
  errorCount: number;

  @Field(() => [ImportIssue])
  errors: ImportIssue[];

  @Field(() => Int)
  warningCount: number;

  @Field(() => [ImportIssue], {
    description:
      'Values left out of or changed in records that were stored: a value the parser could not read (a year "19xx", a DOI field without a DOI, a PMID that is not a number), one that failed validation (a URL that is not http(s)), invisible control characters removed. Each message names the record, line, field and value.',
  })
  warnings: ImportIssue[];

  @Field(() => [ImportMerge])
  merges: ImportMerge[];

  @Field(() => Int)
  conflictCount: number;

  @Field(() => [ImportConflict])
  conflicts: ImportConflict[];

  @Field(() => [ID], { description: 'Ids of the publications created.' })
  createdPublicationIds: string[];

  @Field(() => ExtractionRun, { nullable: true, description: 'The cases proposed for the new and merged publications (SUGGESTED until a curator confirms them); null when extraction was off or nothing was stored.' })
  extraction: ExtractionRun | null;
}
