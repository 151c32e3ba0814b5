import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { OutboxRepository } from '../search/indexing/outbox.repository';
import { Metrics } from './metrics';

/** A scrape must answer even when the database does not: the outbox is read with this much patience. */
export const FRESHNESS_TIMEOUT_MS = 1000;

/**
 * Search-index freshness, read from the outbox at each scrape: pending writes, and the age of the
 * oldest (the index's lag). When the database does not answer in time both read -1 and
 * metrics_collect_errors_total{gauge="search_outbox"} goes up; the scrape itself still succeeds.
 */
@Injectable()
export class IndexFreshnessMetrics {
  private readonly logger = new Logger('Metrics');
  private readonly depth: Gauge;
  private readonly lag: Gauge;

  constructor(
    private readonly metrics: Metrics,
    private readonly outbox: OutboxRepository,
  ) {
    this.depth = new Gauge({ name: 'search_outbox_depth', help: 'Writes waiting to be indexed (-1 when the database did not answer).', registers: [metrics.registry] });
    this.lag = new Gauge({ name: 'search_index_lag_seconds', help: 'Age of the oldest write not yet in the search index (0 when caught up; -1 when the database did not answer).', registers: [metrics.registry] });
  }

  /**
   * Called by the scrape before the registry is rendered (not as prom-client `collect` hooks, which
   * run concurrently with the rendering of the error counter: a failure would show a scrape late).
   */
  async update(): Promise<void> {
    try {
      const reading = await withTimeout(this.outbox.freshness(), FRESHNESS_TIMEOUT_MS);
      this.depth.set(reading.depth);
      this.lag.set(reading.oldestAgeSeconds);
    } catch (error) {
      this.depth.set(-1);
      this.lag.set(-1);
      this.metrics.collectErrors.inc({ gauge: 'search_outbox' });
      this.logger.debug(`search outbox not read for /metrics: ${(error as Error).message}`);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // A late answer (or failure) of the abandoned query is dropped.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
