import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { OutboxEntityType } from './search-outbox.entity';

export interface OutboxEntry {
  id: string;
  entityType: OutboxEntityType;
  entityId: string;
  createdAt: Date;
}

/** Records, inside the writer's transaction, that the search index must look at these rows again. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async record(tx: Tx, entityType: OutboxEntityType, entityIds: readonly string[]): Promise<void> {
    if (entityIds.length === 0) return;
    // One statement, two parameters, whatever the number of rows; ids keep the order given.
    await tx.query('INSERT INTO search_outbox (entity_type, entity_id) SELECT $1, u.id FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n', [entityType, [...new Set(entityIds)]]);
  }

  /** The oldest entries, in the order they were written. */
  async oldest(limit: number): Promise<OutboxEntry[]> {
    const rows: { id: string; entity_type: OutboxEntityType; entity_id: string; created_at: Date }[] = await this.uow.reader.query(
      'SELECT id::text AS id, entity_type, entity_id, created_at FROM search_outbox ORDER BY id LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({ id: row.id, entityType: row.entity_type, entityId: row.entity_id, createdAt: row.created_at }));
  }

  async hasPending(): Promise<boolean> {
    const rows = await this.uow.reader.query('SELECT 1 FROM search_outbox LIMIT 1');
    return rows.length > 0;
  }

  /** Removes entries once the index has them (by id: entries written meanwhile stay). */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.uow.reader.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [[...ids]]);
  }

  async depth(): Promise<{ depth: number; oldestPendingAt: Date | null }> {
    const [row] = await this.uow.reader.query('SELECT count(*)::int AS depth, min(created_at) AS oldest FROM search_outbox');
    return { depth: row.depth, oldestPendingAt: row.oldest ?? null };
  }

  /** Pending rows and the age of the oldest, measured on the database's clock (no skew with the app's). */
  async freshness(): Promise<{ depth: number; oldestAgeSeconds: number }> {
    const [row] = await this.uow.reader.query('SELECT count(*)::int AS depth, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM search_outbox');
    return { depth: row.depth, oldestAgeSeconds: Math.max(0, Number(row.age)) };
  }
}
