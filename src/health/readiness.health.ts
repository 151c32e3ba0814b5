import { Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { SearchService } from '../search/search.service';

/**
 * The index counts as caught up while its oldest write not yet indexed is younger than this, once it has
 * been fully caught up (no write waiting) since the start.
 */
export const READY_MAX_INDEX_LAG_MS = 60_000;

/**
 * What /health/ready needs beyond a database ping: every migration applied, the search index loaded
 * (the embedded engine holds it in memory; main.ts starts loading it after boot) and caught up with writes.
 */
@Injectable()
export class ReadinessIndicator {
  private readonly logger = new Logger('Readiness');
  private indexLoaded = false;
  /** The outbox has been empty at least once since the start: before that, young writes (a first start's demo corpus) are not searchable yet. */
  private caughtUpOnce = false;

  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly search: SearchService,
  ) {}

  /** Shares the load main.ts starts after boot (the engine loads once); asked by the probe until it succeeds. */
  private async loadIndex(): Promise<boolean> {
    if (this.indexLoaded) return true;
    try {
      await this.search.warmUp();
      this.indexLoaded = true;
    } catch (error) {
      this.logger.warn(`search index not loaded yet: ${(error as Error).message}`);
    }
    return this.indexLoaded;
  }

  async migrations(key = 'migrations'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      const pending = await this.dataSource.showMigrations();
      return pending ? session.down({ pending: true, message: 'migrations are waiting to be applied' }) : session.up({ pending: false });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  async searchIndex(key = 'searchIndex'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    const loaded = this.indexLoaded || (await Promise.race([this.loadIndex(), new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref())]));
    let status;
    try {
      status = await this.search.status();
    } catch (error) {
      return session.down({ loaded, message: (error as Error).message });
    }
    const lagMs = status.oldestPendingAt ? Date.now() - status.oldestPendingAt.getTime() : 0;
    if (loaded && status.reachable && status.outboxDepth === 0) this.caughtUpOnce = true;
    const message: string | undefined = this.caughtUpOnce ? undefined : 'the search index has not caught up with the writes made before it was loaded (on a first start: the demo corpus) yet';
    const details = { engine: status.engine, loaded, reachable: status.reachable, outboxDepth: status.outboxDepth, lagMs, ...(message ? { message } : {}) };
    return loaded && status.reachable && this.caughtUpOnce && lagMs < READY_MAX_INDEX_LAG_MS ? session.up(details) : session.down(details);
  }
}
