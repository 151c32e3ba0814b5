import { StatisticsRefresh } from './statistics-refresh';

describe('StatisticsRefresh', () => {
  it('is due first after the threshold, then each time the inserted rows have doubled', () => {
    const refresh = new StatisticsRefresh(1_000);
    const dueAt: number[] = [];
    for (let inserted = 250; inserted <= 100_000; inserted += 250) if (refresh.due(inserted)) dueAt.push(inserted);
    expect(dueAt).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000]);
  });

  it('is never due for a small import', () => {
    const refresh = new StatisticsRefresh();
    expect([250, 500, 1_999].some((inserted) => refresh.due(inserted))).toBe(false);
  });
});
