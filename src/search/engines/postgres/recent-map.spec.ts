import { RecentMap } from './recent-map';

describe('RecentMap', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const map = new RecentMap<string, number>(() => 2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the newest
    map.set('c', 3);
    expect([map.has('a'), map.has('b'), map.has('c')]).toEqual([true, false, true]);
    map.set('a', 4);
    map.set('d', 5);
    expect([map.get('a'), map.get('c'), map.get('d'), map.size]).toEqual([4, undefined, 5, 2]);
  });

  it('keeps a null value apart from a missing one, and nothing at capacity 0', () => {
    let capacity = 2;
    const map = new RecentMap<string, string | null>(() => capacity);
    map.set('stop words', null);
    expect([map.has('stop words'), map.get('stop words')]).toEqual([true, null]);
    capacity = 0;
    expect(map.has('stop words')).toBe(false);
    map.set('x', 'y');
    expect(map.get('x')).toBeUndefined();
  });
});
