import { Global, Module } from '@nestjs/common';
import { ImportMetrics } from './import-metrics';
import { IndexFreshnessMetrics } from './index-freshness.metrics';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** Global so that the GraphQL module and the importer can count without importing it. */
@Global()
@Module({ controllers: [MetricsController], providers: [Metrics, ImportMetrics, IndexFreshnessMetrics], exports: [Metrics, ImportMetrics] })
export class MetricsModule {}
