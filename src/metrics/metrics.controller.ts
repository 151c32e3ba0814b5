import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Metrics } from './metrics';

/** Prometheus scrape endpoint (text format). Not rate-limited: the limits cover /graphql, /imports and /exports only. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const body = await this.metrics.registry.metrics();
    response.set({ 'Content-Type': this.metrics.registry.contentType, 'Cache-Control': 'no-store' });
    response.send(body);
  }
}
