import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { Publication } from '../../publications/publication.entity';
import type { PublicationFields } from '../../publications/publication-validation';
import { ImportBatch, ImportErrorEntry } from './import-batch.entity';

/** Advisory lock key of the import ("lit-imp" in ASCII). */
const IMPORT_LOCK_KEY = '121425705790832';

export interface BatchTotals {
  recordsRead: number;
  created: number;
  merged: number;
  skipped: number;
  errors: ImportErrorEntry[];
}

/** Rows per INSERT ... SELECT FROM jsonb_to_recordset($1): one parameter per statement, the JSON text bounded. */
const PUBLICATION_INSERT_CHUNK = 500;

/**
 * A chunk's new publications as one JSON parameter (TypeORM's multi-row INSERT binds a parameter per
 * column and row, and building those showed in the import's CPU profile). Timestamps take their
 * defaults: now(), the import transaction's start, as the dedupe of later chunks expects.
 */
const PUBLICATION_INSERT = `INSERT INTO publication (id, title, title_status, abstract, authors, journal, year, month, volume, issue, pages, doi, pmid, pmcid,
    publication_types, mesh_headings, keywords, language, url, title_key, title_fold)
  SELECT id, title, COALESCE(title_status, 'COMPLETE')::title_status, abstract, COALESCE(authors, '[]'::jsonb), journal, year, month, volume, issue, pages, doi, pmid, pmcid,
    COALESCE(publication_types, '{}'), COALESCE(mesh_headings, '[]'::jsonb), COALESCE(keywords, '{}'), language, url, title_key, title_fold
  FROM jsonb_to_recordset(convert_from($1::bytea, 'UTF8')::jsonb) AS x(id uuid, title text, title_status text, abstract text, authors jsonb, journal text, year int, month smallint, volume text, issue text, pages text,
    doi text, pmid text, pmcid text, publication_types text[], mesh_headings jsonb, keywords text[], language text, url text, title_key text, title_fold text)`;

function insertedRow(row: PublicationFields & { id: string; titleKey: string | null; titleFold: string | null }): Record<string, unknown> {
  return {
    id: row.id,
    title: row.title,
    title_status: row.titleStatus,
    abstract: row.abstract,
    authors: row.authors,
    journal: row.journal,
    year: row.year,
    month: row.month,
    volume: row.volume,
    issue: row.issue,
    pages: row.pages,
    doi: row.doi,
    pmid: row.pmid,
    pmcid: row.pmcid,
    publication_types: row.publicationTypes,
    mesh_headings: row.meshHeadings,
    keywords: row.keywords,
    language: row.language,
    url: row.url,
    title_key: row.titleKey,
    title_fold: row.titleFold,
  };
}

/**
 * A JSON array of the rows as UTF-8 bytes (sent as bytea: pg passes a Buffer through as it is),
 * stringified a row at a time into one buffer: JSON.stringify of the whole chunk gives a string V8
 * builds in pieces and must flatten before pg can measure and encode it, which cost more than the
 * stringify itself (the largest single cost of a stored import in its CPU profile).
 */
export function jsonArrayBytes(rows: readonly unknown[]): Buffer {
  const texts = rows.map((row) => JSON.stringify(row));
  let length = 2 + Math.max(0, texts.length - 1);
  for (const text of texts) length += Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  let offset = bytes.write('[', 0, 'latin1');
  texts.forEach((text, index) => {
    if (index > 0) offset += bytes.write(',', offset, 'latin1');
    offset += bytes.write(text, offset, 'utf8');
  });
  bytes.write(']', offset, 'latin1');
  return bytes;
}

@Injectable()
export class ImportBatchesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  create(tx: Tx, batch: Pick<ImportBatch, 'review' | 'source' | 'format' | 'importedBy' | 'database'>): Promise<ImportBatch> {
    return tx.save(ImportBatch, tx.create(ImportBatch, { ...batch, stored: true, recordsRead: 0, created: 0, merged: 0, skipped: 0, errors: [], publicationIds: [] }));
  }

  /** A refused file (nothing of it stored): recorded on its own, after the import's transaction rolled back, so PRISMA counts its records as not imported. */
  createRefused(tx: Tx, batch: Pick<ImportBatch, 'review' | 'source' | 'format' | 'importedBy' | 'database'>, totals: BatchTotals): Promise<ImportBatch> {
    return tx.save(
      ImportBatch,
      tx.create(ImportBatch, { ...batch, stored: false, recordsRead: totals.recordsRead, created: 0, merged: 0, skipped: totals.recordsRead, errors: totals.errors.slice(0, 100), publicationIds: [] }),
    );
  }

  /** Appends one chunk's publications (the batch's id list grows in the database, not in memory). */
  /** Final counts and the publications the batch created or merged into (each once). */
  async finish(tx: Tx, batchId: string, totals: BatchTotals, publicationIds: readonly string[]): Promise<void> {
    await tx.query(
      `UPDATE import_batch SET records_read = $2, created = $3, merged = $4, skipped = $5, errors = $6::jsonb,
         publication_ids = $7::uuid[] WHERE id = $1`,
      [batchId, totals.recordsRead, totals.created, totals.merged, totals.skipped, JSON.stringify(totals.errors), [...new Set(publicationIds)]],
    );
  }

  /** Oldest first; every batch when no review is named; refused files only when asked. */
  list(review: string | null, includeRefused = false): Promise<ImportBatch[]> {
    const where = { ...(review === null ? {} : { review }), ...(includeRefused ? {} : { stored: true }) };
    return this.uow.reader.find(ImportBatch, { where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Distinct publications over the batches of a review (every batch when no review is named). */
  /**
   * The distinct publications the review's imports brought in, and how many of them are still stored: an import batch
   * keeps the ids of publications a curator deleted since (a curator's merge renames them in the batches instead).
   */
  async distinctPublicationCounts(review: string | null): Promise<{ imported: number; stored: number }> {
    const [row]: { imported: string; stored: string }[] = await this.uow.reader.query(
      `SELECT count(*) AS imported, count(p.id) AS stored
       FROM (SELECT DISTINCT u.publication_id FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(publication_id) WHERE $1::text IS NULL OR b.review = $1) AS i
       LEFT JOIN publication p ON p.id = i.publication_id`,
      [review],
    );
    return { imported: Number(row.imported), stored: Number(row.stored) };
  }

  /**
   * The stored publications an import chunk may duplicate: one indexed query for the chunk's PMIDs,
   * DOIs, title keys and folded titles. Read-only; writes to publications go through the publications module.
   */
  /** The planner's statistics of the tables an import grows, refreshed inside its transaction (see StatisticsRefresh). */
  async refreshStatistics(tx: Tx): Promise<void> {
    await tx.query('ANALYZE publication');
  }

  findMatches(tx: Tx, keys: { pmids: string[]; dois: string[]; titleKeys: string[]; titleFolds: string[] }): Promise<Publication[]> {
    if (!keys.pmids.length && !keys.dois.length && !keys.titleKeys.length && !keys.titleFolds.length) return Promise.resolve([]);
    // Measured (bench/README.md, 2026-12-01): inside an import the table has no statistics for the rows
    // the import inserted, and PostgreSQL scanned the whole table for this OR of four conditions on every
    // chunk (~190 ms at 45,000 rows on a loaded machine); the import refreshes them as it grows
    // (refreshStatistics). Turning seq scans off was tried and is worse: the planner then serves
    // title_fold = ANY(...) from the trigram GIN index (8 s per chunk).
    return tx
      .createQueryBuilder(Publication, 'p')
      .where('p.pmid = ANY(:pmids)', { pmids: keys.pmids })
      .orWhere('p.doi = ANY(:dois)', { dois: keys.dois })
      .orWhere('p.titleKey = ANY(:titleKeys)', { titleKeys: keys.titleKeys })
      .orWhere('p.titleFold = ANY(:titleFolds)', { titleFolds: keys.titleFolds })
      .getMany();
  }

  /**
   * Inserts a chunk's new publications in one statement. The fields went through the publications
   * module's validation and the chunk's duplicate lookup; the title key and fold are the caller's,
   * computed with titleKeyOf / titleFoldOf as PublicationsRepository does. Here rather than there only
   * because that repository has no bulk insert yet (one INSERT per publication made a 200 MB import
   * ~10x slower); it belongs there.
   */
  async insertPublications(tx: Tx, rows: (PublicationFields & { id: string; titleKey: string | null; titleFold: string | null })[]): Promise<void> {
    for (let start = 0; start < rows.length; start += PUBLICATION_INSERT_CHUNK) {
      await tx.query(PUBLICATION_INSERT, [jsonArrayBytes(rows.slice(start, start + PUBLICATION_INSERT_CHUNK).map(insertedRow))]);
    }
  }

  /**
   * Imports take turns (a transaction-scoped advisory lock, across processes too): two files imported at
   * once could otherwise both find a record new and both insert it, and one would fail on the unique DOI.
   */
  async lockImports(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [IMPORT_LOCK_KEY]);
  }

  /** The transaction's start time (now()): rows created in this transaction carry exactly it. */
  async transactionStart(tx: Tx): Promise<Date> {
    const [row]: { now: Date }[] = await tx.query('SELECT now() AS now');
    return row.now;
  }
}
