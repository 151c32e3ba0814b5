import 'reflect-metadata';
import { accessSync, closeSync, constants, createReadStream, createWriteStream, openSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, resolve } from 'node:path';
import { ConsoleLogger, INestApplicationContext, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AppModule } from './app.module';
import { BadUserInputError, DomainError } from './common/errors/domain-error';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabaseInUseError } from './database/data-dir-lock';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { EXPORT_FORMATS, ExportFormat } from './literature/export/export-format.enum';
import { exportFormatParam, RequestParams, searchInputFromParams, searchParamsGiven } from './literature/export/export-request';
import { publicationSearchInputFromParams } from './literature/export/publication-export-request';
import { ExportService } from './literature/export/export.service';
import { importSummaryToCsv } from './literature/export/serialisers/prisma.serialiser';
import { DuplicatesService } from './literature/duplicates/duplicates.service';
import type { ProbableDuplicate } from './literature/duplicates/duplicate.models';
import { PRISMA_FORMATS, prismaFile } from './literature/export/serialisers/prisma-file';
import type { PrismaFormat } from './literature/export/serialisers/prisma-file';
import { PRISMA_SCREENING, PrismaScreeningSource } from './literature/export/serialisers/prisma-flow';
import { ImportBatchesService } from './literature/import/import-batches.service';
import { ImportMode } from './literature/import/import-mode.enum';
import { ImportService } from './literature/import/import.service';
import { ImportReport } from './literature/import/models/import-report.model';
import { SavedSearchesService } from './literature/saved-searches/saved-searches.service';
import { OutboxDrainer } from './search/indexing/outbox-drainer';
import { SearchCaseReportsInput } from './search/inputs/search-case-reports.input';
import { IMPORT_FORMATS } from './literature/parsed-publication';
import type { ImportFormat } from './literature/parsed-publication';
import { CSV_FIELDS, parseColumnMapping } from './literature/formats/csv-exporters';
import type { CsvColumnMapping } from './literature/formats/csv-exporters';

/**
 * The command line: `npm run cli -- import FILE… [--format F] [--columns MAPPING] [--review NAME] [--partial]`,
 * `npm run cli -- export [--format F] [--q JSON | --text T --param name=value…] [--out FILE]` and
 * `npm run cli -- prisma [--review NAME] [--format csv|json|svg|png] [--out FILE] [--sources]`,
 * `npm run cli -- duplicates list [--review NAME] [--first N] [--json]`, `npm run cli -- duplicates merge KEEP_ID MERGE_ID` and
 * `npm run cli -- duplicates dismiss FIRST_ID SECOND_ID [--review NAME] [--reason TEXT]`.
 * It runs the app's own services in a Nest application context on the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR: the embedded database serves one process at a
 * time, and the CLI refuses it while the server holds it, see data-dir-lock.ts).
 */

/** Exit codes: 0 all good, 1 something was not imported (or exported), 2 wrong usage. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Nest's console logger, writing every level to stderr. */
class StderrLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ logLevels: levels });
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel, _stream?: 'stdout' | 'stderr', errorStack?: unknown): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // stdout is for results (--json, exports): the log goes to stderr, errors only unless LOG_LEVEL asks for more.
  const levels: LogLevel[] = ['debug', 'verbose'].includes(config.LOG_LEVEL) ? ['fatal', 'error', 'warn', 'log'] : ['fatal', 'error'];
  const logger = new StderrLogger(levels);
  Logger.overrideLogger(logger);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT, role: 'cli' });
  const databaseUrl = config.DATABASE_URL ?? (embedded as { url: string }).url;
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl, poolSize: embedded ? 1 : Math.min(config.DATABASE_POOL_SIZE, 4) }), {
      logger,
    });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

/** What a file-system error means, in words (its code), for a message naming the file. */
function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
  };
  return (code && words[code]) ?? (error as Error)?.message ?? String(error);
}

/** A file-system error (Node's, with a code and a syscall) as the CLI prints it: what and which file, no stack. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const candidate = error as NodeJS.ErrnoException;
  return error instanceof Error && typeof candidate.code === 'string' && /^E[A-Z0-9]+$/.test(candidate.code) && typeof candidate.syscall === 'string';
}

/** The size of a file to import, refusing (usage, exit 2) one that is missing, a directory or unreadable before anything is imported. */
function importableSize(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliFailure(`cannot read ${file}: it is a directory; name the files in it`, 2);
    closeSync(openSync(file, 'r'));
    return stat.size;
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(`cannot read ${file}: ${fileProblem(error)}`, 2);
  }
}

/** --out FILE is checked before the work (an export, a diagram) is done: not a directory, in a directory that exists and can be written. */
function checkOut(out: string | undefined): void {
  if (out === undefined) return;
  if (!out.trim()) throw new CliFailure('--out needs a file name', 2);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliFailure(`--out ${out}: ${fileProblem(error)}`, 2);
  }
  if (existing?.isDirectory()) throw new CliFailure(`--out ${out}: it is a directory; give a file name`, 2);
  const directory = dirname(resolve(out));
  try {
    if (!statSync(directory).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(existing ? out : directory, constants.W_OK);
  } catch (error) {
    throw new CliFailure(`--out ${out}: cannot write ${existing ? 'the file' : `in ${directory}`}: ${fileProblem(error)}`, 2);
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function summary(file: string, report: ImportReport): string {
  const lines = [
    `${file} (${report.format ?? 'format not recognised'}, ${report.mode.toLowerCase()}): ${report.recordsRead} read, ${report.created} created, ${report.merged} merged, ${report.skipped} skipped, ${report.errorCount} errors, ${report.conflictCount} conflicts${report.stored ? '' : ' - NOTHING STORED'}`,
  ];
  for (const error of report.errors.slice(0, 20)) lines.push(`  error: ${error.message}${error.field && !error.message.includes(error.field) ? ` [${error.field}]` : ''}`);
  if (report.errorCount > 20) lines.push(`  ... and ${report.errorCount - 20} more errors (--json lists up to 1000)`);
  for (const conflict of report.conflicts.slice(0, 10)) lines.push(`  conflict: record ${conflict.recordNumber}, ${conflict.field}: kept "${conflict.kept ?? ''}", offered "${conflict.offered}"${conflict.note ? ` (${conflict.note})` : ''}`);
  if (report.conflictCount > 10) lines.push(`  ... and ${report.conflictCount - 10} more conflicts`);
  for (const warning of report.warnings.slice(0, 10)) lines.push(`  warning: ${warning.message}`);
  if (report.warningCount > 10) lines.push(`  ... and ${report.warningCount - 10} more warnings (values left out or changed; --json lists up to 1000)`);
  if (report.extraction) lines.push(`  ${report.extraction.proposedCases} case reports proposed (SUGGESTED) for ${report.extraction.publications - report.extraction.withoutPatients} of ${report.extraction.publications} publications`);
  return lines.join('\n');
}

interface ImportCommandOptions {
  format?: ImportFormat;
  columns?: CsvColumnMapping;
  review?: string;
  database?: string;
  partial?: boolean;
  extract: boolean;
  importedBy?: string;
  json?: boolean;
  progress: boolean;
}

async function importFiles(files: string[], options: ImportCommandOptions): Promise<void> {
  const sizes = files.map(importableSize);
  const reports = await withApp(async (app) => {
    const imports = app.get(ImportService);
    const done: ImportReport[] = [];
    for (const [index, file] of files.entries()) {
      if (sizes[index] > imports.maxBytes) throw new CliFailure(`${file} is ${mb(sizes[index])} MB, over the import limit of ${mb(imports.maxBytes)} MB (IMPORT_MAX_BYTES)`);
      const bar = options.progress && process.stderr.isTTY ? new SingleBar({ format: `${basename(file)} [{bar}] {percentage}% | {read}/{size} MB | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true }) : null;
      bar?.start(sizes[index], 0, { read: '0.0', size: mb(sizes[index]) });
      try {
        const report = await imports.import(createReadStream(file), {
          format: options.format,
          columns: options.columns,
          fileName: basename(file),
          review: options.review,
          database: options.database,
          mode: options.partial ? ImportMode.PARTIAL : ImportMode.ATOMIC,
          extractCases: options.extract,
          importedBy: options.importedBy ?? process.env.USER ?? 'cli',
          onProgress: (bytes) => bar?.update(bytes, { read: mb(bytes) }),
        });
        bar?.update(sizes[index], { read: mb(sizes[index]) });
        done.push(report);
      } finally {
        bar?.stop();
      }
      const report = done[done.length - 1];
      if (!options.json) console.log(summary(file, report));
    }
    return done;
  });
  if (options.json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  if (reports.some((report) => !report.stored || report.errorCount > 0)) throw new CliFailure('');
}

interface ExportCommandOptions {
  format: string;
  q?: string;
  text?: string;
  sort?: string;
  param: string[];
  savedSearch?: string;
  out?: string;
  publications?: boolean;
}

/** Where results go: a file, or stdout. */
async function writeOut(chunks: AsyncIterable<string> | string | Buffer, out: string | undefined): Promise<void> {
  const source = typeof chunks === 'string' || Buffer.isBuffer(chunks) ? Readable.from([chunks]) : Readable.from(chunks);
  if (out) await pipeline(source, createWriteStream(out));
  else await pipeline(source, process.stdout, { end: false });
}

async function exportCases(options: ExportCommandOptions): Promise<void> {
  const format: ExportFormat = exportFormatParam(options.format);
  const params: RequestParams = {};
  for (const pair of options.param) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CliFailure(`--param takes name=value, not "${pair}"`, 2);
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
    params[name] = params[name] === undefined ? value : [...[params[name]].flat(), value];
  }
  if (options.q !== undefined) params.q = options.q;
  if (options.text !== undefined) params.text = options.text;
  if (options.sort !== undefined) params.sort = options.sort;
  if (options.savedSearch && searchParamsGiven(params).length) throw new CliFailure('give either --saved-search or the search (--q, --text, --sort, --param), not both', 2);
  checkOut(options.out);
  const done = await withApp(async (app) => {
    const path = options.savedSearch ? 'savedSearch' : options.q !== undefined ? 'q' : 'params';
    if (options.publications && options.savedSearch) throw new CliFailure('--saved-search exports case searches: drop --publications', 2);
    const input = options.publications ? null : options.savedSearch ? ((await app.get(SavedSearchesService).get(options.savedSearch, '--saved-search')).query as SearchCaseReportsInput) : searchInputFromParams(params);
    const publicationInput = options.publications ? publicationSearchInputFromParams(params) : null;
    // The export reads the search index: bring it up to date with what earlier commands (imports, curation) wrote.
    await app.get(OutboxDrainer).drainAll();
    const opened = publicationInput ? await app.get(ExportService).openPublications(publicationInput, format, { path }) : await app.get(ExportService).open(input as SearchCaseReportsInput, format, { path });
    await writeOut(opened.chunks, options.out);
    return opened;
  });
  console.error(`exported ${options.publications ? '' : `${done.totalCases} case reports (`}${done.totalPublications} publications${options.publications ? '' : ')'} as ${format}${options.out ? ` to ${options.out}` : ''}`);
}

async function prisma(options: { review?: string; format: string; out?: string; sources?: boolean }): Promise<void> {
  const format = options.format.trim().toLowerCase() as PrismaFormat;
  checkOut(options.out);
  if (options.sources) {
    if (format !== 'csv' && format !== 'json') throw new CliFailure('--sources gives csv or json', 2);
    const summary = await withApp(async (app) => {
      const sources = await app.get(ImportBatchesService).importSummary(options.review);
      // As without --sources (and importSummary over GraphQL): a misspelt review is not a table of zeros.
      if (sources.review && !sources.sources.length && !(await app.get<symbol, PrismaScreeningSource>(PRISMA_SCREENING, { strict: false }).reviewExists(sources.review))) {
        throw new CliFailure(`there is no review named "${sources.review}" (neither given at an import nor saved); leave --review out for every import`, 1);
      }
      return sources;
    });
    await writeOut(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : importSummaryToCsv(summary), options.out);
    return;
  }
  if (!PRISMA_FORMATS.includes(format)) throw new CliFailure(`--format must be ${PRISMA_FORMATS.join(', ')}`, 2);
  if (format === 'png' && !options.out && process.stdout.isTTY) throw new CliFailure('a PNG is binary: give --out FILE or redirect stdout', 2);
  const { numbers, screening } = await withApp(async (app) => {
    const numbers = await app.get(ImportBatchesService).prismaIdentification(options.review);
    const source = app.get<symbol, PrismaScreeningSource>(PRISMA_SCREENING, { strict: false });
    // A misspelt review would draw a diagram of zeros; GET /exports/prisma answers 404 for it, and so does this.
    if (numbers.review && !numbers.sources.length && !(await source.reviewExists(numbers.review))) throw new CliFailure(`there is no review named "${numbers.review}" (neither given at an import nor saved); leave --review out for every import`, 1);
    return { numbers, screening: numbers.review ? await source.screeningNumbers(numbers.review) : null };
  });
  await writeOut(prismaFile(numbers, format, new Date(), screening).body, options.out);
}

/** One probable duplicate pair, for a terminal: the score, why, both ids and the fields that differ. */
export function duplicateSummary(pair: ProbableDuplicate, index: number): string {
  const lines = [
    `${index + 1}. score ${pair.score.toFixed(2)}: ${pair.reasons.join('; ')}`,
    `   first  ${pair.first.id}  ${pair.first.title}`,
    `   second ${pair.second.id}  ${pair.second.title}`,
  ];
  for (const difference of pair.differences) if (difference.field !== 'title') lines.push(`   ${difference.field}: "${difference.first ?? ''}" / "${difference.second ?? ''}"`);
  lines.push(`   merge: npm run cli -- duplicates merge ${pair.first.id} ${pair.second.id}`);
  return lines.join('\n');
}

async function listDuplicates(options: { review?: string; first: string; json?: boolean }): Promise<void> {
  // Decimal digits only, as GET /exports reads numbers: Number() took "0x10" as 16 and "1e1" as 10.
  if (!/^\d{1,3}$/.test(options.first.trim())) throw new CliFailure(`--first: must be a whole number between 1 and 100 written in decimal digits, not "${options.first.slice(0, 20)}"`, 2);
  const first = Number(options.first.trim());
  const pairs = await withApp((app) => app.get(DuplicatesService).probableDuplicates(options.review, first, '--first'));
  if (options.json) {
    console.log(JSON.stringify(pairs, null, 2));
    return;
  }
  console.log(pairs.length ? pairs.map(duplicateSummary).join('\n\n') : 'no probable duplicates');
}

async function dismissDuplicates(firstId: string, secondId: string, options: { review?: string; reason?: string; dismissedBy?: string; json?: boolean }): Promise<void> {
  const dismissal = await withApp((app) => app.get(DuplicatesService).dismiss(firstId, secondId, options.review, options.dismissedBy ?? process.env.USER ?? null, options.reason));
  if (options.json) {
    console.log(JSON.stringify(dismissal, null, 2));
    return;
  }
  console.log(`not duplicates: ${dismissal.firstId} and ${dismissal.secondId}${dismissal.review ? ` (review "${dismissal.review}")` : ' (every listing)'}, dismissed by ${dismissal.dismissedBy ?? 'unknown'} on ${dismissal.createdAt.toISOString()}`);
}

async function mergeDuplicates(keepId: string, mergeId: string, options: { mergedBy?: string; json?: boolean }): Promise<void> {
  const result = await withApp((app) => app.get(DuplicatesService).merge(keepId, mergeId, options.mergedBy ?? process.env.USER ?? null));
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const lines = [`merged ${mergeId} into ${keepId}: ${result.merge.caseReportsMoved} case reports moved, filled ${result.merge.filledFields.join(', ') || 'nothing'}`];
  for (const conflict of result.conflicts) lines.push(`  ${conflict.field}: kept "${conflict.kept}", left out "${conflict.dropped}"`);
  console.log(lines.join('\n'));
}

function choice<T extends string>(values: readonly T[], name: string) {
  return (raw: string): T => {
    const value = raw.trim().toLowerCase().replace(/_/g, '-') as T;
    if (!values.includes(value)) throw new InvalidArgumentError(`${name} must be one of ${values.join(', ')}`);
    return value;
  };
}

export function buildProgram(): Command {
  const program = new Command('cli').description('Case report search: literature import and export from the command line').showHelpAfterError().exitOverride();
  program
    .command('import')
    .description('import export files (PubMed XML, MEDLINE/.nbib, RIS, BibTeX, CSV), deduplicating against the database')
    .argument('<files...>', 'files to import, each on its own (one transaction and one import batch per file)')
    .addOption(new Option('--format <format>', `skip detection: ${IMPORT_FORMATS.join(', ')}`).argParser(choice(IMPORT_FORMATS, '--format')))
    .option(
      '--columns <mapping>',
      `CSV/TSV: read these columns as these fields, e.g. --columns "title=Article Title,authors=Creators,doi=DOI" (fields: ${CSV_FIELDS.join(', ')}); repeatable`,
      (value: string, previous: CsvColumnMapping | undefined) => {
        try {
          const mapping = parseColumnMapping(value);
          const twice = Object.keys(mapping).find((field) => previous?.[field as keyof CsvColumnMapping] !== undefined);
          if (twice) throw new Error(`${twice} is mapped twice ("${previous?.[twice as keyof CsvColumnMapping]}" and "${mapping[twice as keyof CsvColumnMapping]}"): map each field to one column`);
          return { ...previous, ...mapping };
        } catch (error) {
          throw new InvalidArgumentError((error as Error).message);
        }
      },
    )
    .option('--review <name>', 'the literature review the files belong to (PRISMA numbers are per review)')
    .option('--database <name>', 'the bibliographic database the files were exported from (PubMed, Embase, Scopus…): the import summary counts per database')
    .option('--partial', 'store the good records of a file with errors and list the bad ones (default: a file with errors stores nothing)')
    .option('--no-extract', 'do not propose case reports for the imported publications (default: proposed, as SUGGESTED)')
    .option('--imported-by <name>', 'recorded with each import (default: $USER)')
    .option('--json', 'print the full import report(s) as JSON')
    .option('--no-progress', 'no progress bar')
    .action((files: string[], options: ImportCommandOptions) => importFiles(files, options));
  program
    .command('export')
    .description('export the case reports a search finds (the whole result, streamed): one row per case (csv, jsonl) or one record per publication (ris, bibtex, csl-json)')
    .addOption(new Option('--format <format>', `${EXPORT_FORMATS.join(', ')}`).default('csv'))
    .option('--q <json>', 'the search as the searchCaseReports input, e.g. \'{"text":"hematoma","filters":{"outcomes":["DEATH"]}}\'')
    .option('--text <words>', 'search text (instead of --q)')
    .option('--sort <sort>', 'RELEVANCE, YEAR_DESC, YEAR_ASC, AGE_ASC or AGE_DESC')
    .option('--param <name=value>', 'a search parameter as GET /exports takes it (complications=..., outcomes=..., yearMin=...); repeatable', (value: string, all: string[]) => [...all, value], [])
    .option('--saved-search <id>', 'export what a saved search finds')
    .option('--publications', 'export the publications a publication search finds (imported records, with or without case reports); --q takes the searchPublications input, --param yearMin=…, reviews=…, meshDescriptors=…, caseStatuses=NONE,…')
    .option('--out <file>', 'write to this file (default: stdout)')
    .action((options: ExportCommandOptions) => exportCases(options));
  program
    .command('prisma')
    .description('the PRISMA 2020 numbers of a review (records per imported file, duplicates removed, records to screen), or its flow diagram')
    .option('--review <name>', 'the review (default: every import)')
    .option('--format <format>', 'csv, json, svg or png (the flow diagram)', 'csv')
    .option('--out <file>', 'write to this file (default: stdout)')
    .option('--sources', 'per source (database named at import, else format): files imported and refused, records read, imported, duplicates removed, failed')
    .action((options: { review?: string; format: string; out?: string; sources?: boolean }) => prisma(options));
  const duplicates = program.command('duplicates').description('probable duplicates the import did not merge: list them, merge a pair you confirm');
  duplicates
    .command('list')
    .description('the most probable duplicate pairs, with the fields that differ (nothing is merged)')
    .option('--review <name>', 'only publications of this review\'s imports (default: every publication)')
    .option('--first <n>', 'how many pairs (1-100)', '20')
    .option('--json', 'print the pairs as JSON')
    .action((options: { review?: string; first: string; json?: boolean }) => listDuplicates(options));
  duplicates
    .command('merge')
    .description('merge the second publication into the first: it takes the fields the first lacks and its case reports, and is deleted')
    .argument('<keepId>', 'the publication to keep')
    .argument('<mergeId>', 'the publication merged into it')
    .option('--merged-by <name>', 'recorded with the merge (default: $USER)')
    .option('--json', 'print the result as JSON')
    .action((keepId: string, mergeId: string, options: { mergedBy?: string; json?: boolean }) => mergeDuplicates(keepId, mergeId, options));
  duplicates
    .command('dismiss')
    .description('say two publications are not duplicates: the pair is no longer listed (for the review, or in every listing without one)')
    .argument('<firstId>', 'one publication of the pair')
    .argument('<secondId>', 'the other')
    .option('--review <name>', 'the review whose listing drops the pair (default: every listing)')
    .option('--reason <text>', 'why they are different articles (kept with the record)')
    .option('--dismissed-by <name>', 'recorded with the dismissal (default: $USER)')
    .option('--json', 'print the record as JSON')
    .action((firstId: string, secondId: string, options: { review?: string; reason?: string; dismissedBy?: string; json?: boolean }) => dismissDuplicates(firstId, secondId, options));
  refuseRepeatedOptions(program);
  return program;
}

/** Options that take several values, one per use. */
const REPEATABLE_OPTIONS = new Set(['--columns', '--param']);

/**
 * An option that takes one value, given twice (`--review A --review B`), is a mistake the CLI names (exit 2):
 * commander kept the last value and dropped the first without a word, where POST /imports and GET /exports
 * refuse a repeated parameter.
 */
function refuseRepeatedOptions(command: Command): void {
  for (const sub of command.commands) refuseRepeatedOptions(sub);
  for (const option of command.options) {
    if (!option.long || (!option.required && !option.optional) || REPEATABLE_OPTIONS.has(option.long)) continue;
    const given: unknown[] = [];
    command.on(`option:${option.name()}`, (value: unknown) => {
      given.push(value);
      if (given.length === 2) throw new CliFailure(`${option.long} is given more than once (${given.map((v) => JSON.stringify(v)).join(' and ')}): give it once`, 2);
    });
  }
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
    if (typeof code === 'string' && code.startsWith('commander.')) process.exit(2);
    if (error instanceof CliFailure) {
      if (error.message) console.error(error.message);
      process.exit(error.exitCode);
    }
    if (error instanceof EmbeddedDatabaseInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof ConfigError || error instanceof DomainError) {
      console.error(error.message);
      process.exit(error instanceof ConfigError || error instanceof BadUserInputError ? 2 : 1);
    }
    // A file that went away or filled the disk while it was read or written: the file and what happened, not a stack.
    if (isFileSystemError(error)) {
      console.error(error.path ? `${error.path}: ${fileProblem(error)}` : `${error.syscall}: ${fileProblem(error)}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  }
}

if (require.main === module) void main();
