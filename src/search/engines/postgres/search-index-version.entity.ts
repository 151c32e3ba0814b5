import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1): a counter bumped in the same transaction as every write to the live
 * search_case_document (upsert, delete, swap). Each process keeps the facet columns of the index in
 * memory (FacetColumns) and compares this counter on every search, so writes by another process (the
 * worker) are noticed with one primary-key read.
 */
@Entity()
export class SearchIndexVersion {
  @PrimaryColumn('int')
  id: number;

  @Column('bigint', { default: 0 })
  version: string;
}
