import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The embedded engine's publication index: one row per stored publication, written only by
 * PostgresPublicationSearchEngine from PublicationSearchDocuments. Unlike case search, publication
 * search runs in SQL here: `search_vector @@ tsquery` on a GIN index (weighted A title, B MeSH headings
 * and keywords, C abstract, D authors, journal and identifiers) and facet counts by GROUP BY.
 */
@Entity()
// GIN index on search_vector, created by the migration (TypeORM cannot declare GIN).
@Index('IDX_search_publication_document_vector', { synchronize: false })
export class SearchPublicationDocument {
  @PrimaryColumn('uuid')
  publicationId: string;

  @Column('int', { nullable: true })
  year: number | null;

  @Column('text', { array: true })
  publicationTypes: string[];

  /** MeSH descriptor UIs with their ancestors. */
  @Column('text', { array: true })
  meshUis: string[];

  @Column('text')
  journal: string;

  @Column('text')
  language: string;

  @Column('text', { array: true })
  reviews: string[];

  @Column('text', { array: true })
  importBatchIds: string[];

  @Column('varchar', { length: 16 })
  caseStatus: string;

  /** Final screening decision in each review the publication belongs to (NONE: in no review). Rows indexed before screening existed hold NONE until reindexed. */
  @Column('text', { array: true, default: '{NONE}' })
  screeningDecisions: string[];

  /**
   * Title, authors, journal and year all known (isCitationComplete): the tie-break after the sort key.
   * Null only in rows written before the column existed (the migration queues every publication again).
   */
  @Column('boolean', { nullable: true })
  citationComplete: boolean | null;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  abstract: string | null;

  @Column('tsvector')
  searchVector: string;

  @Column('timestamptz')
  loadedAt: Date;
}
