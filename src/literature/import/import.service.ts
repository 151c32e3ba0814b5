import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { BadUserInputError, ConflictError } from '../../common/errors/domain-error';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '../../common/text/control-characters';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import type { Publication } from '../../publications/publication.entity';
import type { PublicationFields } from '../../publications/publication-validation';
import { titleFoldOf } from '../../publications/title-match';
import { PublicationsRepository } from '../../publications/publications.repository';
import { ExtractionService, PendingExtraction } from '../../extraction/extraction.service';
import { ImportMetrics } from '../../metrics/import-metrics';
import { OutboxRepository } from '../../search/indexing/outbox.repository';
import { parsePublications } from '../parse-publications';
import { ImportFormatError } from '../parsed-publication';
import type { ImportFormat, ParsedRecord, TextSource } from '../parsed-publication';
import { ImportBatchesRepository } from './import-batches.repository';
import { asImportFormat } from './import-format.enum';
import { columnMappingFromInput, ImportPublicationsInput } from './inputs/import-publications.input';
import type { CsvColumnMapping } from '../formats/csv-exporters';
import { ImportMode } from './import-mode.enum';
import { mapParsedPublication } from './import-record';
import { ImportReportBuilder } from './import-report.builder';
import { ImportTooLargeError, limitBytes } from './import-size-limit';
import { ImportReport } from './models/import-report.model';
import { removeStaleUploads, SpooledUpload, spoolUpload } from './upload-spool';
import { PublicationIndex } from './publication-index';
import { mergePublication } from './publication-merge';
import { StatisticsRefresh } from './statistics-refresh';
import { composed } from '../../common/text/composed-text';
import { nameText } from '../../common/text/name-text';

/** Records handled per round of database work (one lookup query for the whole chunk). */
export const IMPORT_CHUNK_SIZE = 250;
export const MAX_REVIEW_LENGTH = 200;
/** The longest file name an import batch keeps (its `source`). */
export const MAX_FILE_NAME_LENGTH = 500;
/** Reading stops after this many record errors: a file that bad is not an export worth reading to the end (200,000 empty records are refused at once). */
export const MAX_RECORD_ERRORS = 1000;
export const POSTED_TEXT_SOURCE = '(posted text)';

export interface ImportOptions {
  /** Skip detection. */
  format?: ImportFormat | null;
  /** CSV / TSV: publication field -> column name (overrides or completes the recognised columns). */
  columns?: CsvColumnMapping | null;
  fileName?: string | null;
  /** Where the file name was given, for its errors (default `fileName`). */
  fileNamePath?: string;
  /** The literature review the file belongs to (PRISMA numbers are per review). */
  review?: string | null;
  /** The bibliographic database the file was exported from (PubMed, Embase…): importSummary counts per database. */
  database?: string | null;
  mode?: ImportMode | null;
  /** The API key's name (or the CLI user). */
  importedBy?: string | null;
  /** Called with the number of bytes read so far (the CLI's progress bar). */
  onProgress?: (bytesRead: number) => void;
  /** Propose case reports for the new and merged publications, in the same transaction (default true). */
  extractCases?: boolean;
  /** Field path used in errors about the input as a whole (size limit). */
  inputPath?: string;
}

interface Candidate {
  record: ParsedRecord;
  fields: PublicationFields;
  titleKey: string | null;
  /** titleFoldOf(fields.title), folded once: the lookup, the match and the insert all use it. */
  titleFold: string | null;
}

/** Thrown inside the transaction to roll an ATOMIC import with errors back. */
class RollbackImport extends Error {}

/**
 * Imports one export file: streams its records from the parsers, dedupes them against the database
 * and within the file (PMID, DOI, title key), creates or merges publications in chunks inside ONE
 * transaction, and records an ImportBatch. Memory is bounded by a chunk, not by the file: records are
 * never collected, the batch's publication ids grow in the database, and the report's lists are capped.
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly batches: ImportBatchesRepository,
    private readonly publicationRows: PublicationsRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly extraction: ExtractionService,
    // Absent where no metrics are served (the worker's context).
    @Optional() private readonly metrics?: ImportMetrics,
  ) {}

  /**
   * Imports of this process, one after the other. They are serialised by a database lock anyway; an import
   * waiting for that lock held a pool connection, so uploads that stall (a body that trickles in) took
   * the whole pool with a few of them, and every read with it. Waiting here holds no connection.
   */
  private importQueue: Promise<unknown> = Promise.resolve();

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.importQueue.then(work);
    this.importQueue = turn.catch(() => undefined);
    return turn;
  }

  get maxBytes(): number {
    return this.config.IMPORT_MAX_BYTES;
  }

  /** Upload files a killed process left behind (a day old) are removed when the service starts. */
  async onApplicationBootstrap(): Promise<void> {
    const removed = await removeStaleUploads(this.spoolDir);
    if (removed) this.logger.log(`removed ${removed} upload file(s) left in ${this.spoolDir} by an import that did not finish`);
  }

  /** Where uploads are received before they are imported (IMPORT_SPOOL_DIR, else the system's temporary directory). */
  get spoolDir(): string {
    return this.config.IMPORT_SPOOL_DIR ?? tmpdir();
  }

  /**
   * Receives an upload whole into a temporary file (bounded by IMPORT_MAX_BYTES), holding no lock and
   * no connection: an upload that trickles in delays itself only, never the imports queued behind it.
   * Import it with importSpooled, which removes the file.
   */
  async spool(source: Readable, path = 'file'): Promise<SpooledUpload> {
    try {
      return await spoolUpload(source, { dir: this.spoolDir, maxBytes: this.config.IMPORT_MAX_BYTES, path });
    } catch (error) {
      // Too large counts as a refused import, as it did when the limit was met while importing.
      if (error instanceof ImportTooLargeError) this.metrics?.failed();
      throw error;
    }
  }

  /** Imports a received upload, then removes its file (whatever the outcome). */
  async importSpooled(upload: SpooledUpload, options: ImportOptions): Promise<ImportReport> {
    try {
      return await this.import(upload.open(), options);
    } finally {
      await upload.remove();
    }
  }

  tooLarge(path = 'file'): ImportTooLargeError {
    return new ImportTooLargeError(this.config.IMPORT_MAX_BYTES, path);
  }

  /** Normalises and checks the review name (shared by every entry point). */
  static reviewName(raw: string | null | undefined, path = 'review'): string | null {
    if (raw === null || raw === undefined) return null;
    // Composed (NFC) as GraphQL's strings are: a form field or a CLI argument may send the review's name decomposed;
    // without invisible characters (a zero width space made a second review that looks like the first: name-text.ts).
    const review = nameText(raw);
    // Given but blank is a mistake (an empty form field, a template variable never filled), not "no review".
    if (!review) throw BadUserInputError.field(path, 'is blank: name a review, or leave it out');
    if (review.length > MAX_REVIEW_LENGTH) throw BadUserInputError.field(path, `must be at most ${MAX_REVIEW_LENGTH} characters`);
    ImportService.refuseControlCharacters(review, path);
    return review;
  }

  /** Normalises and checks the database name (shared by every entry point). */
  static databaseName(raw: string | null | undefined, path = 'database'): string | null {
    const database = (raw && composed(raw.trim().replace(/\s+/g, ' '))) || null;
    if (database && database.length > 100) throw BadUserInputError.field(path, 'must be at most 100 characters');
    if (database) ImportService.refuseControlCharacters(database, path);
    return database;
  }

  /**
   * Names stored with an import batch (review, database, file name, who imported it) hold no invisible
   * control characters: POST /imports and GraphQL refused them, but the CLI (`--review`, `--database`,
   * `--imported-by`, a file's name) stored them, making a review that no link or form could name again.
   */
  private static refuseControlCharacters(value: string, path: string): void {
    if (hasControlCharacters(value)) throw BadUserInputError.field(path, value.includes('\u0000') ? 'must not contain NUL characters (\\u0000)' : CONTROL_CHARACTER_MESSAGE);
  }

  /** Posted text (GraphQL): the same import, the text being the file. */
  importText(input: ImportPublicationsInput, importedBy: string | null): Promise<ImportReport> {
    return this.import(textSource(input.text), {
      format: input.format ? asImportFormat(input.format) : null,
      columns: columnMappingFromInput(input.columns, 'input.columns'),
      fileName: input.fileName,
      fileNamePath: 'input.fileName',
      review: ImportService.reviewName(input.review, 'input.review'),
      database: ImportService.databaseName(input.database, 'input.database'),
      mode: input.mode,
      extractCases: input.extractCases ?? true,
      importedBy,
      inputPath: 'input.text',
    });
  }

  async import(source: TextSource, options: ImportOptions = {}): Promise<ImportReport> {
    let report: ImportReport;
    try {
      report = await this.importFile(source, options);
    } catch (error) {
      this.metrics?.failed();
      throw error;
    }
    this.metrics?.finished(report);
    return report;
  }

  private async importFile(source: TextSource, options: ImportOptions): Promise<ImportReport> {
    const mode = options.mode ?? ImportMode.ATOMIC;
    const review = ImportService.reviewName(options.review);
    const database = ImportService.databaseName(options.database);
    if (options.fileName) ImportService.refuseControlCharacters(options.fileName, options.fileNamePath ?? 'fileName');
    // Stored whole or refused: a longer name was cut at 500 characters without a word (no file system makes one this long).
    if (options.fileName && options.fileName.length > MAX_FILE_NAME_LENGTH) throw BadUserInputError.field(options.fileNamePath ?? 'fileName', `must be at most ${MAX_FILE_NAME_LENGTH} characters (it has ${options.fileName.length})`);
    if (options.importedBy) ImportService.refuseControlCharacters(options.importedBy, 'importedBy');
    const importedBy = options.importedBy?.slice(0, 100) ?? null;
    const report = new ImportReportBuilder({ source: options.fileName || POSTED_TEXT_SOURCE, review, mode });
    const input = limitBytes(source, this.config.IMPORT_MAX_BYTES, options.onProgress, options.inputPath ?? 'file');

    try {
      await this.oneAtATime(() => this.uow.run(async (tx) => {
        await this.batches.lockImports(tx);
        const startedAt = await this.batches.transactionStart(tx);
        let batchId: string | null = null;
        const ensureBatch = async (): Promise<string> => {
          batchId ??= (await this.batches.create(tx, { review, source: report.build().source, format: report.format ?? 'unknown', importedBy, database })).id;
          return batchId;
        };
        let chunk: Candidate[] = [];
        // The batch's publications, written once at the end: appending them to the batch row chunk by
        // chunk rewrote an ever longer array per chunk (quadratic in the file's records).
        const touched = new Set<string>();
        const statistics = new StatisticsRefresh();
        const extract = options.extractCases ?? true;
        // Earlier chunks' extractions, running (on worker threads) while this chunk is read and stored,
        // oldest first. At most one chunk per thread is in the rules, so memory holds that many plus one.
        const inFlight: PendingExtraction[] = [];
        const writeOldest = async () => {
          const pending = inFlight.shift();
          if (pending) report.extracted(await this.extraction.writeExtraction(tx, pending));
        };
        const flush = async () => {
          const records = chunk;
          chunk = [];
          if (!records.length) return;
          // Publications are stored chunk after chunk in file order (the duplicate lookups see every earlier
          // chunk); only the rules of one chunk overlap with the reading and storing of the next, and the
          // proposals are written in file order too (the previous chunk's before this one's).
          const toExtract = await this.storeChunk(tx, records, report, startedAt, extract, touched);
          if (statistics.due(report.totals().created)) await this.batches.refreshStatistics(tx);
          if (!extract) return;
          const full = inFlight.length >= this.extraction.parallelChunks;
          if (full) await inFlight[0].results; // a thread is free for this chunk...
          inFlight.push(await this.extraction.startExtraction(tx, toExtract));
          if (full) await writeOldest(); // ...while the oldest chunk's proposals are written
        };

        try {
          const records = parsePublications(input, {
            format: options.format ?? undefined,
            columns: options.columns ?? undefined,
            fileName: options.fileName ?? undefined,
            onFormat: (format) => (report.format = format),
            onRecordError: (error) => report.unreadableRecord(error),
          });
          for await (const record of records) {
            if (report.errorTotal >= MAX_RECORD_ERRORS) {
              throw new ImportFormatError(`more than ${MAX_RECORD_ERRORS} records have errors; fix the file (or export it again) and import it again`, record.recordNumber, record.line, null);
            }
            report.read();
            const mapped = mapParsedPublication(record.publication);
            if (!mapped.ok) {
              report.invalidRecord(record, mapped.errors);
              continue;
            }
            // What the parser could not read or removed (value-notes.ts), then what validation left out.
            for (const note of record.notes ?? []) report.warning(record, note);
            for (const warning of mapped.warnings) report.warning(record, warning);
            // ATOMIC with an error: nothing will be stored, but reading on lists every problem of the file.
            if (mode === ImportMode.ATOMIC && report.hasErrors) continue;
            chunk.push({ record, fields: mapped.fields, titleKey: mapped.titleKey, titleFold: titleFoldOf(mapped.fields.title) });
            if (chunk.length >= IMPORT_CHUNK_SIZE) await flush();
          }
        } catch (error) {
          if (!(error instanceof ImportFormatError)) throw error;
          report.stoppedReading(error);
        }

        // A file without a single record is refused outright: it must not count as a source in PRISMA.
        if (report.unreadable && !report.hasErrors) {
          throw BadUserInputError.field(options.inputPath ?? 'file', `holds no records${report.format ? ` (read as ${report.format})` : ''}; nothing was imported`);
        }
        // ATOMIC with errors, or a file that could not be read at all (unrecognised, refused DOCTYPE): nothing to keep.
        // PARTIAL with every record refused: no publication to keep, so no import batch (an empty PRISMA source) either.
        const { created, merged } = report.totals();
        if (report.hasErrors && (mode === ImportMode.ATOMIC || report.unreadable || created + merged + chunk.length === 0)) throw new RollbackImport();
        await flush();
        while (inFlight.length) await writeOldest();
        const id = await ensureBatch();
        await this.batches.finish(tx, id, report.totals(), [...touched]);
        report.batchId = id;
      }));
    } catch (error) {
      if (!(error instanceof RollbackImport)) throw error;
      report.rolledBack();
      // The refused file is part of the history: PRISMA counts its records as not imported.
      await this.uow.run((tx) => this.batches.createRefused(tx, { review, source: report.build().source, format: report.format ?? 'unknown', importedBy, database }, report.totals()));
    }
    return report.build();
  }

  /**
   * One chunk: one lookup for its duplicates, then each record, in file order, becomes a new
   * publication or is merged into the one it duplicates (stored, or new earlier in the file); new
   * publications are inserted together, merged ones updated once each, and the outbox told in one go.
   * Returns the publications to propose cases for (none when extraction is off); the caller starts the rules.
   */
  private async storeChunk(tx: Tx, chunk: Candidate[], report: ImportReportBuilder, startedAt: Date, extract: boolean, touched: Set<string>): Promise<Publication[]> {
    const index = new PublicationIndex(
      await this.batches.findMatches(tx, {
        pmids: unique(chunk.map((item) => item.fields.pmid)),
        dois: unique(chunk.map((item) => item.fields.doi)),
        titleKeys: unique(chunk.map((item) => item.titleKey)),
        titleFolds: unique(chunk.map((item) => item.titleFold)),
      }),
    );
    const created = new Map<string, Publication>();
    const patches = new Map<string, Partial<PublicationFields>>();
    /** The records merged into each stored publication, for the refusal if it is deleted meanwhile. */
    const mergedInto = new Map<string, number[]>();
    for (const { record, fields: recordFields, titleKey, titleFold } of chunk) {
      let fields = recordFields;
      const match = index.match(fields, titleKey, titleFold);
      if (!match) {
        // The DOI is another record's (a supplement's DOI on each of its abstracts): the new publication goes without it.
        const doiHolder = fields.doi ? index.holderOf('doi', fields.doi) : null;
        if (doiHolder) {
          report.warning(record, {
            field: 'doi',
            message: `DOI ${fields.doi} is already the DOI of publication ${doiHolder.id} ("${(doiHolder.title ?? '').slice(0, 80)}"), a different record (title and first author differ); this record is stored without it`,
          });
          fields = { ...fields, doi: null };
        }
        const publication = { ...fields, id: randomUUID(), titleKey, titleFold, createdAt: startedAt, updatedAt: startedAt } as Publication;
        index.add(publication);
        created.set(publication.id, publication);
        report.createdPublication(publication.id);
        touched.add(publication.id);
        continue;
      }

      const stored = match.publication;
      const { patch, filled, conflicts } = mergePublication(stored, fields, { journal: [record.publication.journalAbbreviation] });
      const refused: { field: string; kept: string | null; offered: string; note: string }[] = [];
      for (const key of ['pmid', 'doi'] as const) {
        const offered = patch[key];
        const holder = offered ? index.holderOf(key, offered) : null;
        if (offered && holder && holder.id !== stored.id) {
          delete patch[key];
          filled.splice(filled.indexOf(key), 1);
          refused.push({ field: key, kept: null, offered, note: `already the ${key.toUpperCase()} of publication ${holder.id}` });
        }
      }
      if (Object.keys(patch).length) {
        // A new publication takes the merge before it is inserted; a stored one is updated after the chunk.
        index.update(stored, patch);
        if (!created.has(stored.id)) {
          patches.set(stored.id, { ...patches.get(stored.id), ...patch });
          mergedInto.set(stored.id, [...(mergedInto.get(stored.id) ?? []), record.recordNumber]);
        }
      }
      const withinFile = created.has(stored.id) || stored.createdAt.getTime() === startedAt.getTime();
      report.mergedRecord(record, { publicationId: stored.id, matchedOn: match.on, withinFile, filledFields: filled }, [...conflicts, ...refused]);
      touched.add(stored.id);
    }

    // The index keeps each new publication's title key and fold current through the chunk's merges.
    await this.batches.insertPublications(tx, [...created.values()].map(({ createdAt: _c, updatedAt: _u, ...row }) => row));
    for (const [id, patch] of patches) {
      // The duplicate lookup takes no lock (a re-import matches every record): a publication deleted since then is
      // found gone here. The report already says its records were merged into it, so the file is not stored.
      if (!(await this.publicationRows.update(tx, id, patch))) {
        const records = mergedInto.get(id) ?? [];
        throw new ConflictError(`publication ${id}, which ${records.length ? `record ${records.join(', ')} of this file duplicates` : 'a record of this file duplicates'}, was deleted while the file was imported; nothing was stored: import the file again`, { publicationId: id, recordNumbers: records });
      }
    }
    await this.outbox.record(tx, 'publication', [...created.keys(), ...patches.keys()]);
    if (!extract) return [];
    // The publications to propose cases for: new ones are at hand; merged ones are read back with what the merge filled in.
    const merged = patches.size ? await this.publicationRows.findByIds([...patches.keys()], tx) : [];
    return [...created.values(), ...merged];
  }
}

/** A posted text as a source, in 64 KB slices (as a file would arrive). */
async function* textSource(text: string): AsyncGenerator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + 65536, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end -= 1; // never split a surrogate pair
    yield text.slice(start, end);
    start = end;
  }
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}
