import pLimit from 'p-limit';

/**
 * A fixed number of operations at work at once, the rest waiting in arrival order, and a bound on
 * the waiting (p-limit keeps the queue). Pure of HTTP: the middleware decides what a slot is held for.
 */
export class ConcurrencyGate {
  private readonly limit: pLimit.Limit;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  get active(): number {
    return this.limit.activeCount;
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }

  /**
   * Calls `start(release)` when a slot is free; the slot is held until `release` is called (more than
   * once is harmless). Returns false, without queueing, when `maxWaiting` operations already wait.
   */
  enter(start: (release: () => void) => void): boolean {
    if (this.limit.activeCount >= this.concurrency && this.limit.pendingCount >= this.maxWaiting) return false;
    void this.limit(
      () =>
        new Promise<void>((resolve) => {
          let released = false;
          const release = () => {
            if (released) return;
            released = true;
            resolve();
          };
          try {
            start(release);
          } catch (error) {
            release();
            throw error;
          }
        }),
    ).catch(() => undefined); // start's own errors are its caller's to report; the slot is free again either way
    return true;
  }
}
