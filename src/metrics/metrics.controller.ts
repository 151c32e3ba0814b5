import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IndexFreshnessMetrics } from './index-freshness.metrics';
import { Metrics } from './metrics';

/** Prometheus scrape endpoint (text format). Not rate-limited: the limits cover /graphql, /imports and /exports only. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly freshness: IndexFreshnessMetrics,
  ) {}

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    await this.freshness.update();
    const body = await this.metrics.registry.metrics();
    // Not res.send: it would add a charset to the exposition format's exact content type.
    response.status(200).setHeader('Content-Type', this.metrics.registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.end(body);
  }
}
