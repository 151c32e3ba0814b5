import { TermKind } from '../../vocabulary/term-kind.enum';
import { DocumentTerm } from './search-document';
import { SearchSourceRepository } from './search-source.repository';
import { TermCatalog } from './term-catalog';

const term = (id: string, label: string): DocumentTerm => ({ id, kind: TermKind.COMPLICATION, key: id, label, synonyms: [], parentId: null });

describe('TermCatalog', () => {
  let now = 1_000_000;
  let label = 'first';
  let loads = 0;
  let release: (() => void) | null = null;
  const source = {
    terms: () => {
      loads++;
      const current = label;
      return new Promise<DocumentTerm[]>((resolve) => {
        release = () => resolve([term('t1', current)]);
      });
    },
  } as unknown as SearchSourceRepository;
  const settle = async () => {
    release?.();
    release = null;
    await new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('shares one load, serves an old vocabulary while reloading it, and waits after an invalidation', async () => {
    const catalog = new TermCatalog(source);
    const [a, b] = [catalog.get(), catalog.get()];
    await settle();
    expect((await a).get('t1')?.label).toBe('first');
    expect(await b).toBe(await a);
    expect(loads).toBe(1);

    // Old: the cached index answers at once, a reload starts.
    now += 31_000;
    label = 'second';
    expect((await catalog.get()).get('t1')?.label).toBe('first');
    expect(loads).toBe(2);
    await settle();
    expect((await catalog.get()).get('t1')?.label).toBe('second');

    // A term changed: the next get waits for rows read after the change, even if a load was under way.
    label = 'third';
    now += 31_000;
    await catalog.get(); // starts a background load that read 'third'...
    label = 'fourth';
    catalog.invalidate(); // ...but the change came after it
    const fresh = catalog.get();
    await settle();
    expect((await fresh).get('t1')?.label).toBe('fourth');
    expect((await catalog.get()).get('t1')?.label).toBe('fourth');
  });
});
