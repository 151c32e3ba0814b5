import type { Readable } from 'node:stream';
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
import { ImportOptions, ImportService, MAX_REVIEW_LENGTH } from './import.service';
import { ImportReport } from './models/import-report.model';
import { ImportTooLargeError } from './import-size-limit';
import type { SpooledUpload } from './upload-spool';

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

/** What each parameter takes: an empty value (`review=`, `format=`) is refused with it, never read as "left out". */
const IMPORT_PARAM_VALUES: Readonly<Record<string, string>> = {
  format: `one of ${IMPORT_FORMATS.join(', ')} (any case; or leave format out to detect it from the file)`,
  columns: 'field=column pairs, e.g. title=Article Title,doi=DOI (or leave columns out)',
  fileName: 'the file\'s name (or leave fileName out)',
  review: `the review's name, at most ${MAX_REVIEW_LENGTH} characters (or leave review out)`,
  database: 'the database the file was exported from, e.g. PubMed (or leave database out)',
  mode: 'atomic or partial (any case; or leave mode out for atomic)',
  extractCases: 'true or false (any case; or leave extractCases out for true)',
};

/**
 * An empty or blank parameter or form field used to be read as absent: `review=` imported the file outside
 * any review, `mode=` imported ATOMIC, `format=` detected the format. Refused, every one named with what it takes.
 */
function refuseEmptyValues(params: Params): void {
  const problems = Object.entries(params)
    .filter(([name, value]) => Object.hasOwn(IMPORT_PARAM_VALUES, name) && value !== undefined && value.trim() === '')
    .map(([name]) => ({ path: name, message: `must not be empty: give ${IMPORT_PARAM_VALUES[name]}` }));
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
 * POST /imports: a file upload, received whole into a temporary file (never held in memory; IMPORT_SPOOL_DIR)
 * and then imported, so a slow upload never holds the import queue. Either
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
      refuseEmptyValues(params);
      return optionsOf(params, fileName);
    };
    const optionsOf = (params: Params, fileName?: string): ImportOptions => ({
      format: formatParam(params.format),
      columns: columnsParam(params.columns),
      fileName: params.fileName?.trim() || fileName || null,
      review: ImportService.reviewName(params.review),
      database: ImportService.databaseName(params.database),
      mode: modeParam(params.mode),
      extractCases: extractParam(params.extractCases),
      importedBy,
    });
    if (request.is('application/json') || request.is('application/x-www-form-urlencoded')) {
      throw BadUserInputError.field('file', 'send the file as multipart/form-data (field "file") or as the raw request body (e.g. text/plain, application/octet-stream); the JSON API is importPublications in GraphQL');
    }
    // The upload is received whole first (a temporary file), and only then queued for the import lock:
    // a client that sends slowly delays its own import, never the others.
    const received = request.is('multipart/form-data') ? await this.receiveMultipart(request, query, options) : await this.receiveBody(request, options(query));
    const report = await this.imports.importSpooled(received.upload, received.importOptions);
    request.resume();
    response.status(report.stored ? 200 : 422).json(asGraphqlJson(report));
  }

  /** The raw request body as the file (its options checked before a byte is received). */
  private async receiveBody(request: Request, importOptions: ImportOptions): Promise<{ upload: SpooledUpload; importOptions: ImportOptions }> {
    try {
      return { upload: await this.imports.spool(request), importOptions };
    } catch (error) {
      // A client that went away mid-body is not a server error (a disk that is full still is).
      if (!(error instanceof BadUserInputError) && !request.complete) throw BadUserInputError.field('file', `the upload was interrupted before its end: ${(error as Error).message}`);
      throw error;
    }
  }

  /**
   * Parses a multipart upload to its end: the form fields (before the file part) and the file, received
   * into a temporary file. Resolves once the whole body has been read, so a second file part, a field after
   * the file or a truncated body is refused before anything is imported; on every failure the received file
   * is removed.
   */
  private receiveMultipart(request: Request, query: Params, options: (params: Params, fileName?: string) => ImportOptions): Promise<{ upload: SpooledUpload; importOptions: ImportOptions }> {
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: { files: 2, fields: 20, fieldSize: 4096 } });
      } catch (error) {
        reject(BadUserInputError.field('file', `is not a readable multipart upload: ${(error as Error).message}`));
        return;
      }
      const fields: Params = { ...query };
      const repeated = new Set<string>();
      const unknown = new Set<string>();
      let started = false;
      let settled = false;
      let importOptions: ImportOptions | null = null;
      let file: Readable | null = null;
      let spooling: Promise<SpooledUpload> | null = null;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
        request.unpipe(parser);
        request.resume();
        // A file still arriving stops (its spool removes what it received); one received whole is removed.
        if (file && !file.destroyed) file.destroy(error);
        spooling?.then((upload) => upload.remove(), () => undefined).catch(() => undefined);
      };
      parser.on('field', (name, value) => {
        // The fields are read with the file's first bytes: one after it would be silently ignored.
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
        // A truncated body ends the file stream with an error (busboy's "Unexpected end of form").
        stream.on('error', (error: Error) => fail(BadUserInputError.field('file', `is not a readable multipart upload: ${error.message}`)));
        if (started || settled) {
          stream.resume();
          fail(BadUserInputError.field('file', 'upload one file per request'));
          return;
        }
        started = true;
        try {
          if (repeated.size || unknown.size) throw new BadUserInputError([...[...unknown].map(unknownParam), ...[...repeated].map((name) => ({ path: name, message: 'is given more than once; give it once' }))]);
          importOptions = options(fields, info.filename);
        } catch (error) {
          stream.resume();
          fail(error as Error);
          return;
        }
        file = stream;
        spooling = this.imports.spool(stream);
        spooling.catch((error: Error) => fail(error instanceof ImportTooLargeError || error instanceof BadUserInputError ? error : BadUserInputError.field('file', `is not a readable multipart upload: ${error.message}`)));
      });
      parser.on('filesLimit', () => fail(BadUserInputError.field('file', 'upload one file per request')));
      parser.on('close', () => {
        if (!started || !spooling || !importOptions) {
          fail(BadUserInputError.field('file', 'the upload has no file part (send the file as multipart field "file")'));
          return;
        }
        const chosen = importOptions;
        spooling.then((upload) => {
          if (settled) return; // refused meanwhile: fail() removes the file
          settled = true;
          resolve({ upload, importOptions: chosen });
        }, () => undefined);
      });
      parser.on('error', (error) => fail(BadUserInputError.field('file', `is not a readable multipart upload: ${(error as Error).message}`)));
      request.on('error', (error) => fail(BadUserInputError.field('file', `the upload was interrupted: ${error.message}`)));
      // A client that goes away mid-body: nothing is left behind.
      request.on('close', () => {
        if (!request.complete) fail(BadUserInputError.field('file', 'the upload was interrupted before its end'));
      });
      request.pipe(parser);
    });
  }
}
