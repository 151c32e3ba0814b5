import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds): from a cached lookup to a large faceted search or a long export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The app's Prometheus metrics, in a registry of its own (not prom-client's global one: several apps
 * in one process, as in the tests, must not collide). The DB-backed gauges are added by
 * IndexFreshnessMetrics; everything here is counted as it happens.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({ name: 'http_request_duration_seconds', help: 'Time from a request arriving to its response finishing.', labelNames: ['method', 'route', 'status'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });

  readonly graphqlOperations = new Counter({ name: 'graphql_operations_total', help: 'GraphQL operations, by operation name (bounded: see README), type and outcome.', labelNames: ['operation', 'type', 'outcome'] as const, registers: [this.registry] });
  readonly graphqlDuration = new Histogram({ name: 'graphql_operation_duration_seconds', help: 'Time from a GraphQL request being read to its response being ready.', labelNames: ['operation', 'type'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });

  readonly importBatches = new Counter({ name: 'import_batches_total', help: 'Imported files: stored, rejected (errors, nothing stored) or failed (refused or broke off).', labelNames: ['outcome'] as const, registers: [this.registry] });
  readonly importRecords = new Counter({ name: 'import_records_total', help: 'Records read by imports: created, merged into a stored publication, or skipped.', labelNames: ['result'] as const, registers: [this.registry] });

  readonly collectErrors = new Counter({ name: 'metrics_collect_errors_total', help: 'Gauges that could not be read at a scrape (the database down or slow), by gauge.', labelNames: ['gauge'] as const, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
