import { HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import type { SearchService } from '../search/search.service';
import { READY_MAX_INDEX_LAG_MS, ReadinessIndicator } from './readiness.health';

/** A search service whose index status the test sets. */
function searchWith(status: { outboxDepth: number; oldestPendingAgoMs: number | null }) {
  return {
    warmUp: async () => undefined,
    status: async () => ({ engine: 'postgres', reachable: true, outboxDepth: status.outboxDepth, oldestPendingAt: status.oldestPendingAgoMs === null ? null : new Date(Date.now() - status.oldestPendingAgoMs) }),
  };
}

describe('ReadinessIndicator.searchIndex', () => {
  const state = { outboxDepth: 120, oldestPendingAgoMs: 500 as number | null };
  const indicator = new ReadinessIndicator(new HealthIndicatorService(), {} as DataSource, searchWith(state) as unknown as SearchService);
  const statusOf = async () => Object.values(await indicator.searchIndex())[0] as { status: string; message?: string };

  it('is down on a first start until every write made before the index loaded is indexed, then follows the lag', async () => {
    // The demo corpus was just written: young writes waiting, which the lag rule alone would call caught up.
    expect(await statusOf()).toMatchObject({ status: 'down', message: expect.stringMatching(/not caught up/) });
    state.outboxDepth = 3;
    expect((await statusOf()).status).toBe('down');
    state.outboxDepth = 0;
    state.oldestPendingAgoMs = null;
    expect((await statusOf()).status).toBe('up');
    // Once caught up, a few young writes waiting keep it ready; writes waiting too long do not.
    state.outboxDepth = 5;
    state.oldestPendingAgoMs = 1_000;
    expect((await statusOf()).status).toBe('up');
    state.oldestPendingAgoMs = READY_MAX_INDEX_LAG_MS + 1_000;
    expect((await statusOf()).status).toBe('down');
  });
});
