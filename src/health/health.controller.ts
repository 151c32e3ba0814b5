import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadinessIndicator } from './readiness.health';
import { SearchHealthIndicator } from './search.health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly search: SearchHealthIndicator,
    private readonly readiness: ReadinessIndicator,
  ) {}

  /** Liveness: the process answers (no dependency is asked, so a database outage never restarts it). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers, every migration is applied, the search index is loaded and caught up (every write made before it loaded indexed, then its oldest pending write under a minute old); 503 naming what is not. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 }), () => this.readiness.migrations('migrations'), () => this.readiness.searchIndex('searchIndex')]);
  }

  /** 200 with `status: ok` when the database and the search engine answer (with the index's outbox depth); 503 naming what is down otherwise. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 }), () => this.search.check('search')]);
  }
}
