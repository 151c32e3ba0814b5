import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The embedded engine's index: one row per case report, written only by PostgresSearchEngine from
 * SearchDocuments. It is the durable copy of what the engine holds in memory (FacetColumns,
 * TextPostings), read whole when a process starts searching: facet values as small integer codes
 * (SearchFacetCode), term arrays with ancestors, and `search_vector`, the text as PostgreSQL analysed
 * it (weighted A title and term labels, B case narrative and details, C ancestor terms and abstract,
 * D the rest). Searches never scan it, so it carries no search indexes (every index would only slow
 * indexing down); the texts stay for ts_headline. A reindex fills a staging copy and renames it into place.
 */
@Entity()
// Loading reads the table in this order, so a publication's cases sit side by side in memory.
@Index(['publicationId', 'caseReportId'])
export class SearchCaseDocument {
  @PrimaryColumn('uuid')
  caseReportId: string;

  @Column('uuid')
  publicationId: string;

  @Column('int', { nullable: true })
  year: number | null;

  @Column('double precision', { nullable: true })
  ageYears: number | null;

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

  @Column('int', { nullable: true })
  curationStatusCode: number | null;

  @Column('boolean')
  hasKnownOutcome: boolean;

  /**
   * Title, authors, journal and year all known (isCitationComplete): the tie-break after the sort key.
   * Null only in rows written before the column existed: its migration queues every publication (and so
   * its cases) for indexing again, and such rows sort as incomplete meanwhile.
   */
  @Column('boolean', { nullable: true })
  citationComplete: boolean | null;

  @Column('int', { array: true, nullable: true })
  complicationCodes: number[] | null;

  @Column('int', { array: true, nullable: true })
  procedureCodes: number[] | null;

  @Column('int', { array: true, nullable: true })
  treatmentCodes: number[] | null;

  @Column('int', { array: true, nullable: true })
  symptomCodes: number[] | null;

  @Column('int', { array: true, nullable: true })
  publicationTypeCodes: number[] | null;

  /**
   * "Complication after procedure" links as pairs of codes, flat: [complication, procedure, ...], one
   * pair per complication term (with ancestors) and the term (with ancestors) of the procedure it was
   * recorded as following. Null only in rows written before the column existed (ensureIndex rebuilds).
   */
  @Column('int', { array: true, nullable: true })
  complicationProcedureCodes: number[] | null;

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

  @Column('tsvector')
  searchVector: string;

  /** When the source rows were read; an older document never overwrites a newer one. */
  @Column('timestamptz')
  loadedAt: Date;
}
