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

  it('refuses a negative or fractional capacity', () => {
    expect(() => new LruMap(-1)).toThrow(/capacity/);
    expect(() => new LruMap(1.5)).toThrow(/capacity/);
  });

  it('keeps a null value apart from a missing one, and nothing while its capacity reads 0', () => {
    let capacity = 2;
    const map = new LruMap<string, string | null>(() => capacity);
    map.set('stop words', null);
    expect([map.has('stop words'), map.get('stop words')]).toEqual([true, null]);
    capacity = 0;
    expect(map.has('stop words')).toBe(false);
    map.set('x', 'y');
    expect(map.get('x')).toBeUndefined();
  });
});
