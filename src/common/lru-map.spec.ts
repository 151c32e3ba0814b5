import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('keeps at most its capacity, dropping the least recently used (a hit counts as a use)', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now newer than b
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect([map.get('a'), map.get('c'), map.size]).toEqual([1, 3, 2]);
  });

  it('replaces a key without growing, and clears', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 2);
    map.set('b', 3);
    expect([map.get('a'), map.get('b'), map.size]).toEqual([2, 3, 2]);
    map.clear();
    expect([map.get('a'), map.size]).toEqual([undefined, 0]);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruMap(0)).toThrow(/capacity/);
  });
});
