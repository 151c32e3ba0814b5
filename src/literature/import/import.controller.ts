import { PassThrough, Readable } from 'node:stream';
import { Controller, Post, Req, Res, UseFilters } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/require-role.decorator';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '../../common/text/control-characters';
import { BadUserInputError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../common/domain-error-http.filter';
import { PrincipalName } from '../../auth/principal-name.decorator';
import type { ImportFormat } from '../parsed-publication';
import { IMPORT_FORMATS } from '../parsed-publication';
import { parseColumnMapping } from '../formats/csv-exporters';
import type { CsvColumnMapping } from '../formats/csv-exporters';
import { ImportFormatName } from './import-format.enum';
import { ImportMode } from './import-mode.enum';
import { ImportOptions, ImportService } from './import.service';
import { ImportReport } from './models/import-report.model';

type Params = Record<string, string | undefined>;

/** The parameters (query or form fields) of POST /imports; a misspelt one (`reveiw=`) would otherwise import the file outside its review without a word. */
const IMPORT_PARAMS: ReadonlySet<string> = new Set(['format', 'columns', 'fileName', 'review', 'database', 'mode', 'extractCases']);
const unknownParam = (name: string) => ({ path: name, message: `is not a parameter of POST /imports (known: ${[...IMPORT_PARAMS].sort().join(', ')})` });

/**
 * Query parameters as single strings: Express turns `review=a&review=b` into an array and
 * `review[x]=1` into an object; both are refused with the parameter named, never passed on.
 */
function singleParams(query: Request['query']): Params {
  const params: Params = {};
  const problems: { path: string; message: string }[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (!IMPORT_PARAMS.has(name)) problems.push(unknownParam(name));
    else if (typeof value === 'string') params[name] = value;
    else problems.push({ path: name, message: Array.isArray(value) ? 'is given more than once; give it once' : 'must be a plain value' });
  }
  if (problems.length) throw new BadUserInputError(problems);
  return params;
}

/**
 * PostgreSQL cannot hold U+0000 in text: a NUL in a parameter, form field or file name is the caller's mistake,
 * named; so are the other invisible control characters (src/common/text/control-characters.ts), as in GraphQL mutations.
 */
function refuseNulCharacters(params: Params): void {
  const problems = Object.entries(params)
    .filter(([, value]) => value !== undefined && hasControlCharacters(value))
    .map(([name]) => ({ path: name, message: params[name]!.includes('\u0000') ? 'must not contain NUL characters (\\u0000)' : CONTROL_CHARACTER_MESSAGE }));
  if (problems.length) throw new BadUserInputError(problems);
}

/** The report as the GraphQL mutation answers it: enum values by their GraphQL names (format "PUBMED_XML", not "pubmed-xml"). */
function asGraphqlJson(report: ImportReport): ImportReport {
  const format = report.format ? ((Object.keys(ImportFormatName) as (keyof typeof ImportFormatName)[]).find((name) => ImportFormatName[name] === report.format) ?? report.format) : null;
  return { ...report, format: format as ImportFormatName | null };
}

function formatParam(raw: string | undefined): ImportFormat | null {
  if (!raw) return null;
  const format = raw.trim().toLowerCase().replace(/_/g, '-');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw BadUserInputError.field('format', `must be one of ${IMPORT_FORMATS.join(', ')}`);
  return format as ImportFormat;
}

/** extractCases=false turns the proposal of case reports off for this file (default on). */
function extractParam(raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return true;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw BadUserInputError.field('extractCases', 'must be true or false');
  return value === 'true';
}

/** columns=title=Article Title,doi=DOI (as the CLI's --columns). */
function columnsParam(raw: string | undefined): CsvColumnMapping | null {
  if (!raw || !raw.trim()) return null;
  if (raw.length > 4000) throw BadUserInputError.field('columns', 'must be at most 4000 characters');
  try {
    return parseColumnMapping(raw);
  } catch (error) {
    throw BadUserInputError.field('columns', `${(error as Error).message} (write it as field=column,field=column, e.g. title=Article Title,doi=DOI)`);
  }
}

function modeParam(raw: string | undefined): ImportMode {
  if (!raw) return ImportMode.ATOMIC;
  const mode = raw.trim().toUpperCase();
  if (mode !== ImportMode.ATOMIC && mode !== ImportMode.PARTIAL) throw BadUserInputError.field('mode', 'must be atomic or partial');
  return mode;
}

/**
 * POST /imports: a file upload, streamed into the importer (never held in memory). Either
 * multipart/form-data with one file part (form fields before it, or query parameters, give format,
 * columns, review, mode), or the file as the raw request body (query parameters; fileName names it).
 * Answers the import report (the JSON the GraphQL mutation gives): 200 when stored, 422 when nothing
 * was stored (an ATOMIC import with errors, or a file that could not be read at all).
 */
@Controller('imports')
@UseFilters(DomainErrorHttpFilter)
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @RequireRole('curator')
  @Post()
  async upload(@Req() request: Request, @Res() response: Response, @PrincipalName() importedBy: string | null): Promise<void> {
    const query = singleParams(request.query);
    const maxBytes = this.imports.maxBytes;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw this.imports.tooLarge();
    const options = (params: Params, fileName?: string): ImportOptions => {
      refuseNulCharacters({ ...params, ...(fileName === undefined ? {} : { 'file.filename': fileName }) });
      return optionsOf(params, fileName);
    };
    const optionsOf = (params: Params, fileName?: string): ImportOptions => ({
      format: formatParam(params.format),
      columns: columnsParam(params.columns),
      fileName: params.fileName || fileName || null,
      review: ImportService.reviewName(params.review),
      database: ImportService.databaseName(params.database),
      mode: modeParam(params.mode),
      extractCases: extractParam(params.extractCases),
      importedBy,
    });
    if (request.is('application/json') || request.is('application/x-www-form-urlencoded')) {
      throw BadUserInputError.field('file', 'send the file as multipart/form-data (field "file") or as the raw request body (e.g. text/plain, application/octet-stream); the JSON API is importPublications in GraphQL');
    }
    const report = request.is('multipart/form-data') ? await this.fromMultipart(request, query, options) : await this.imports.import(request, options(query));
    // Whatever the importer did not read (it stops at a fatal error) is drained, so the connection can answer.
    request.resume();
    response.status(report.stored ? 200 : 422).json(asGraphqlJson(report));
  }

  private fromMultipart(request: Request, query: Params, options: (params: Params, fileName?: string) => ImportOptions): Promise<ImportReport> {
    return new Promise<ImportReport>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: { files: 2, fields: 20, fieldSize: 4096 } });
      } catch (error) {
        reject(BadUserInputError.field('file', `is not a readable multipart upload: ${(error as Error).message}`));
        return;
      }
      const fields: Params = { ...query };
      const repeated = new Set<string>();
      let started = false;
      let settled = false;
      // The importer reads the file through this gate, which ends only once the whole body has been
      // parsed: a second file part or a broken body then fails the import before it can commit.
      let gate: PassThrough | null = null;
      const fail = (error: Error) => {
        if (gate && !gate.destroyed) gate.destroy(error);
        if (!settled) {
          settled = true;
          reject(error);
        }
        request.unpipe(parser);
        request.resume();
      };
      const unknown = new Set<string>();
      parser.on('field', (name, value) => {
        // The import has started with the fields before the file: one after it would be silently ignored.
        if (started) {
          fail(BadUserInputError.field(name, 'comes after the file part; send form fields before the file (or as query parameters)'));
          return;
        }
        if (!IMPORT_PARAMS.has(name)) unknown.add(name);
        else if (Object.hasOwn(fields, name) && name !== 'fileName') repeated.add(name);
        else fields[name] = value;
      });
      parser.on('fieldsLimit', () => fail(BadUserInputError.field('file', `the upload has more than 20 form fields; POST /imports takes ${[...IMPORT_PARAMS].sort().join(', ')}`)));
      parser.on('file', (_name, stream: Readable, info) => {
        if (started) {
          stream.resume();
          fail(BadUserInputError.field('file', 'upload one file per request'));
          return;
        }
        started = true;
        let importOptions: ImportOptions;
        try {
          if (repeated.size || unknown.size) throw new BadUserInputError([...[...unknown].map(unknownParam), ...[...repeated].map((name) => ({ path: name, message: 'is given more than once; give it once' }))]);
          importOptions = options(fields, info.filename);
        } catch (error) {
          stream.resume();
          fail(error as Error);
          return;
        }
        const passing = new PassThrough();
        gate = passing;
        // The importer stopped reading (a fatal format error): the rest of the file is discarded.
        passing.on('close', () => stream.resume());
        stream.on('data', (chunk: Buffer) => {
          if (passing.destroyed) return;
          if (!passing.write(chunk)) {
            stream.pause();
            passing.once('drain', () => stream.resume());
          }
        });
        // A truncated body ends the file stream with an error (busboy's "Unexpected end of form"): the import fails with it.
        stream.on('error', (error: Error) => fail(BadUserInputError.field('file', `is not a readable multipart upload: ${error.message}`)));
        passing.on('error', () => undefined);
        this.imports.import(passing, importOptions).then(
          (report) => {
            if (!settled) {
              settled = true;
              resolve(report);
            }
          },
          (error: Error) => fail(error),
        );
      });
      parser.on('filesLimit', () => fail(BadUserInputError.field('file', 'upload one file per request')));
      parser.on('close', () => {
        if (!started) fail(BadUserInputError.field('file', 'the upload has no file part (send the file as multipart field "file")'));
        else gate?.end();
      });
      parser.on('error', (error) => fail(BadUserInputError.field('file', `is not a readable multipart upload: ${(error as Error).message}`)));
      request.on('error', (error) => fail(BadUserInputError.field('file', `the upload was interrupted: ${error.message}`)));
      request.pipe(parser);
    });
  }
}
