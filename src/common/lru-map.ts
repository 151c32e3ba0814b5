/**
 * A Map that keeps at most `capacity` entries, dropping the least recently used (a Map iterates in
 * insertion order, so re-inserting on every hit keeps the oldest first). For small result caches.
 * The capacity may be a function, read on every use, so a benchmark can turn a cache off (0 keeps nothing).
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly capacity: () => number;

  constructor(capacity: number | (() => number)) {
    if (typeof capacity === 'number' && (!Number.isInteger(capacity) || capacity < 0)) throw new Error(`capacity must be a whole number, 0 or more (got ${capacity})`);
    this.capacity = typeof capacity === 'number' ? () => capacity : capacity;
  }

  /** True for a kept key, whatever its value (null included). */
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
    const capacity = this.capacity();
    if (capacity <= 0) return;
    while (this.entries.size >= capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
