import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who may write to the search index right now (one row, name "indexer"). Drainers (in the app or in
 * `npm run worker`) take it per batch; a reindex takes it for its whole run, so the outbox waits
 * and is replayed into the new index. A lease expires, so a crashed holder never blocks for long.
 */
@Entity()
export class SearchIndexerLease {
  @PrimaryColumn('varchar', { length: 64 })
  name: string;

  @Column('varchar', { length: 128, nullable: true })
  holder: string | null;

  @Column('varchar', { length: 16, nullable: true })
  purpose: string | null;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  /** A reindex waiting for the lease: drainers leave it alone until `waitingUntil`. */
  @Column('varchar', { length: 128, nullable: true })
  waitingHolder: string | null;

  @Column('timestamptz', { nullable: true })
  waitingUntil: Date | null;
}
