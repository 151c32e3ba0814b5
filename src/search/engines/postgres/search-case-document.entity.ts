import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The embedded engine's index: one row per case report, written only by PostgresSearchEngine from
 * SearchDocuments. Built for scanning: every facet value is a small integer code (SearchFacetCode),
 * term arrays hold ancestors too (GIN membership tests), sort keys are precomputed columns with
 * indexes (keyset pages at any depth), and the wide parts (full-text vector, texts for snippets) are
 * stored out of line (see PostgresSearchEngine.ensureIndex), so scans read narrow rows.
 * `search_vector` (matching) is weighted A title and term labels, B case narrative and details,
 * C ancestor terms and abstract, D the rest; `rank_vector` (ranking) holds the A and C parts only.
 * A reindex fills a staging copy and renames it into place.
 */
@Entity()
@Index(['yearAscKey', 'caseReportId'])
@Index(['yearDescKey', 'caseReportId'])
@Index(['ageAscKey', 'caseReportId'])
@Index(['ageDescKey', 'caseReportId'])
export class SearchCaseDocument {
  @PrimaryColumn('uuid')
  caseReportId: string;

  @Index()
  @Column('uuid')
  publicationId: string;

  @Column('int', { nullable: true })
  year: number | null;

  @Column('double precision', { nullable: true })
  ageYears: number | null;

  /** Sort keys (missing values mapped to a stand-in, descending keys negated): ORDER BY key, case_report_id. */
  @Column('double precision', { nullable: true })
  yearAscKey: number | null;

  @Column('double precision', { nullable: true })
  yearDescKey: number | null;

  @Column('double precision', { nullable: true })
  ageAscKey: number | null;

  @Column('double precision', { nullable: true })
  ageDescKey: number | null;

  @Column('int', { nullable: true })
  ageGroupCode: number | null;

  @Column('int', { nullable: true })
  sexCode: number | null;

  @Column('int', { nullable: true })
  pregnancyStatusCode: number | null;

  @Column('int', { nullable: true })
  anticoagulationCode: number | null;

  @Column('int', { nullable: true })
  outcomeCode: number | null;

  @Column('boolean')
  hasKnownOutcome: boolean;

  @Index({ type: 'gin' })
  @Column('int', { array: true, nullable: true })
  complicationCodes: number[] | null;

  @Index({ type: 'gin' })
  @Column('int', { array: true, nullable: true })
  procedureCodes: number[] | null;

  @Index({ type: 'gin' })
  @Column('int', { array: true, nullable: true })
  treatmentCodes: number[] | null;

  @Index({ type: 'gin' })
  @Column('int', { array: true, nullable: true })
  symptomCodes: number[] | null;

  @Column('int', { array: true, nullable: true })
  publicationTypeCodes: number[] | null;

  @Column('double precision', { array: true })
  bloodPatchVolumesMl: number[];

  @Column('double precision', { array: true })
  onsetHours: number[];

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  abstract: string | null;

  @Column('text')
  summary: string;

  @Column('text')
  details: string;

  @Index({ type: 'gin' })
  @Column('tsvector')
  searchVector: string;

  @Column('tsvector', { nullable: true })
  rankVector: string | null;

  /** When the source rows were read; an older document never overwrites a newer one. */
  @Column('timestamptz')
  loadedAt: Date;
}
