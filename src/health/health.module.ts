import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SearchModule } from '../search/search.module';
import { HealthController } from './health.controller';
import { ReadinessIndicator } from './readiness.health';
import { SearchHealthIndicator } from './search.health';

@Module({ imports: [TerminusModule, SearchModule], controllers: [HealthController], providers: [SearchHealthIndicator, ReadinessIndicator] })
export class HealthModule {}
