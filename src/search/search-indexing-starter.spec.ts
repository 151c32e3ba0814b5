import { Logger } from '@nestjs/common';
import { OutboxDrainer } from './indexing/outbox-drainer';
import { PublicationSearchEngine } from './publications/publication-search-engine.port';
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

  // The publication index is its own alias: a case index that cannot be ensured (engine down at that moment,
  // or an index in the alias's place) must not leave it missing, or publication searches fail with
  // index_not_found until the first publication is written.
  it('ensures the publication index even when the case index could not be, and the reverse', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    for (const [caseFails, publicationFails] of [[true, false], [false, true]]) {
      const engine = { name: 'elasticsearch', ensureIndex: caseFails ? jest.fn().mockRejectedValue(new Error('case alias taken')) : jest.fn().mockResolvedValue(undefined) } as unknown as SearchEngine;
      const publications = { name: 'elasticsearch', ensureIndex: publicationFails ? jest.fn().mockRejectedValue(new Error('publication alias taken')) : jest.fn().mockResolvedValue(undefined) } as unknown as PublicationSearchEngine;
      const drainer = { start: jest.fn() } as unknown as OutboxDrainer;
      await new SearchIndexingStarter(engine, drainer, publications).onApplicationBootstrap();
      expect(engine.ensureIndex).toHaveBeenCalledTimes(1);
      expect(publications.ensureIndex).toHaveBeenCalledTimes(1);
      expect(drainer.start).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(caseFails ? 'case alias taken' : 'publication alias taken'));
    }
    warn.mockRestore();
  });
});
