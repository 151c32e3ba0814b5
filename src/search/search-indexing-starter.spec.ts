import { Logger } from '@nestjs/common';
import { OutboxDrainer } from './indexing/outbox-drainer';
import { SearchEngine } from './search-engine.port';
import { SearchIndexingStarter } from './search.module';

describe('SearchIndexingStarter', () => {
  it('starts the outbox drainer even when the engine is down at boot, and says so', async () => {
    const engine = { name: 'elasticsearch', ensureIndex: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:9200')) } as unknown as SearchEngine;
    const drainer = { start: jest.fn() } as unknown as OutboxDrainer;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await new SearchIndexingStarter(engine, drainer).onApplicationBootstrap();
    expect(drainer.start).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('elasticsearch search engine is not reachable (connect ECONNREFUSED'));
    warn.mockRestore();
  });
});
