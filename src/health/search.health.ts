import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { SearchService } from '../search/search.service';

/** Index freshness: engine reachable (else down), outbox depth and the oldest write not yet indexed. */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly search: SearchService,
  ) {}

  async check(key = 'search'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    const status = await this.search.status();
    const details = { engine: status.engine, reachable: status.reachable, outboxDepth: status.outboxDepth, oldestPendingAt: status.oldestPendingAt?.toISOString() ?? null };
    return status.reachable ? session.up(details) : session.down(details);
  }
}
