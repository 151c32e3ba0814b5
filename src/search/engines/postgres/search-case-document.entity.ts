import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The embedded engine's index: one row per case report, written only by PostgresSearchEngine from
 * SearchDocuments. Term id arrays hold ancestors too (GIN-indexed membership tests); `search_vector`
 * is weighted (A: title and term labels, B: case narrative and details, C: ancestor terms and
 * abstract, D: authors, journal, MeSH/keywords). A reindex fills a staging copy and renames it into place.
 */
@Entity()
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

  @Column('varchar', { length: 32 })
  ageGroup: string;

  @Column('varchar', { length: 32 })
  sex: string;

  @Column('varchar', { length: 32 })
  pregnancyStatus: string;

  @Column('varchar', { length: 32 })
  anticoagulation: string;

  @Column('varchar', { length: 32 })
  outcome: string;

  @Column('boolean')
  hasKnownOutcome: boolean;

  @Index({ type: 'gin' })
  @Column('text', { array: true })
  complicationIds: string[];

  @Index({ type: 'gin' })
  @Column('text', { array: true })
  procedureIds: string[];

  @Index({ type: 'gin' })
  @Column('text', { array: true })
  treatmentIds: string[];

  @Index({ type: 'gin' })
  @Column('text', { array: true })
  symptomIds: string[];

  @Column('text', { array: true })
  publicationTypes: string[];

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

  /** When the source rows were read; an older document never overwrites a newer one. */
  @Column('timestamptz')
  loadedAt: Date;
}
