import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SearchHealthIndicator } from './search.health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly search: SearchHealthIndicator,
  ) {}

  /** 200 with `status: ok` when the database and the search engine answer (with the index's outbox depth); 503 naming what is down otherwise. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 }), () => this.search.check('search')]);
  }
}
