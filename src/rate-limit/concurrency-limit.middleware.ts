import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Counter } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { ConcurrencyGate } from './concurrency-gate';
import { requestKind } from './request-kind';

/** The gate, built once (Nest may build a middleware more than once), with its metrics. */
@Injectable()
export class GraphqlConcurrency {
  readonly reads: ConcurrencyGate | null;
  readonly shed: Counter;

  constructor(@Inject(APP_CONFIG) config: AppConfig, metrics: Metrics) {
    const reads = config.GRAPHQL_MAX_CONCURRENT_READS > 0 ? new ConcurrencyGate(config.GRAPHQL_MAX_CONCURRENT_READS, config.GRAPHQL_MAX_WAITING_READS) : null;
    this.reads = reads;
    new Gauge({
      name: 'graphql_reads_waiting',
      help: 'GraphQL reads waiting for a slot (GRAPHQL_MAX_CONCURRENT_READS at work at once).',
      registers: [metrics.registry],
      collect() {
        this.set(reads?.waiting ?? 0);
      },
    });
    this.shed = new Counter({ name: 'graphql_reads_shed_total', help: 'GraphQL reads refused with 503 because GRAPHQL_MAX_WAITING_READS others already waited.', registers: [metrics.registry] });
  }
}

/**
 * GraphQL reads at work at once are limited; the rest wait their turn here, where waiting costs
 * nothing. Why: the service has one event loop. With 32 clients' searches all in flight, every turn
 * of the loop carries the ready work of all of them, and a request that needs a millisecond (a
 * refusal, a small lookup, a health probe) waits behind it all; with a few at work, behind a few.
 * Throughput is the same (the CPU was the limit either way). Mutations pass: imports already queue
 * for the import lock, and a slot held while waiting there would starve the small writes behind them.
 * When too many wait, the answer is 503 SERVICE_UNAVAILABLE with Retry-After: retryable, nothing done.
 */
@Injectable()
export class ConcurrencyLimitMiddleware implements NestMiddleware {
  constructor(private readonly concurrency: GraphqlConcurrency) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const gate = this.concurrency.reads;
    if (!gate || requestKind(request) === 'write') return next();
    // A client that leaves while waiting gives its turn away unused; one that leaves while at work frees the slot.
    let closed = false;
    let release: (() => void) | null = null;
    response.once('close', () => {
      closed = true;
      release?.();
    });
    const entered = gate.enter((free) => {
      release = free;
      if (closed) return free();
      next();
    });
    if (entered) return;
    this.concurrency.shed.inc();
    response.setHeader('Retry-After', '1');
    response.status(503).json({
      errors: [
        {
          message: `The service is busy: ${gate.concurrency} GraphQL reads are at work and ${gate.maxWaiting} more are waiting. Try again in a second.`,
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 1 },
        },
      ],
    });
  }
}
