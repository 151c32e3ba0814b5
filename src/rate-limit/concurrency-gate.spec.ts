import { ConcurrencyGate } from './concurrency-gate';

/** Lets queued p-limit work start (it starts a microtask or two after a slot frees). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConcurrencyGate', () => {
  it('lets `concurrency` operations work at once and starts the waiting ones in arrival order as slots free', async () => {
    const gate = new ConcurrencyGate(2, 10);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    for (const name of ['a', 'b', 'c', 'd']) {
      expect(
        gate.enter((release) => {
          started.push(name);
          releases.set(name, release);
        }),
      ).toBe(true);
    }
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(2);

    releases.get('b')!();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    releases.get('b')!(); // a second release of the same slot frees nothing more
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);

    releases.get('a')!();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.waiting).toBe(0);
  });

  it('refuses without queueing once every slot is busy and maxWaiting operations wait', async () => {
    const gate = new ConcurrencyGate(1, 1);
    const releases: (() => void)[] = [];
    expect(gate.enter((release) => releases.push(release))).toBe(true);
    await settle();
    expect(gate.enter((release) => releases.push(release))).toBe(true);
    await settle();
    expect(gate.waiting).toBe(1);
    let third = false;
    expect(gate.enter(() => (third = true))).toBe(false);

    releases[0]();
    await settle();
    expect(releases).toHaveLength(2);
    expect(gate.enter((release) => releases.push(release))).toBe(true); // room again
    releases[1]();
    await settle();
    expect(releases).toHaveLength(3);
    expect(third).toBe(false);
  });

  it('frees the slot when the started work throws', async () => {
    const gate = new ConcurrencyGate(1, 5);
    gate.enter(() => {
      throw new Error('broken handler');
    });
    let second = false;
    gate.enter(() => (second = true));
    await settle();
    await settle();
    expect(second).toBe(true);
  });
});
