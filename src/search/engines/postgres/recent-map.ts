/**
 * A map that keeps its most recently used entries: reading or writing a key makes it the newest; past
 * `capacity()` entries, the oldest goes. A capacity of 0 keeps nothing.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: () => number) {}

  has(key: K): boolean {
    return this.capacity() > 0 && this.entries.has(key);
  }

  get(key: K): V | undefined {
    if (!this.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.capacity() <= 0) return;
    while (this.entries.size >= this.capacity()) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
