import { Injectable } from '@nestjs/common';
import { Tx } from '../../database/unit-of-work';
import { OutboxEntityType, SearchOutbox } from './search-outbox.entity';

/** Records, inside the writer's transaction, that the search index must look at these rows again. */
@Injectable()
export class OutboxRepository {
  async record(tx: Tx, entityType: OutboxEntityType, entityIds: readonly string[]): Promise<void> {
    if (entityIds.length === 0) return;
    await tx.insert(SearchOutbox, [...new Set(entityIds)].map((entityId) => ({ entityType, entityId })));
  }
}
