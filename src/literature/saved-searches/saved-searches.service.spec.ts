import { createHash } from 'node:crypto';
import { fingerprintOf } from './saved-searches.service';

describe('fingerprintOf', () => {
  it('is the sha256 of the sorted ids, one per line, so a reader can recompute it', () => {
    const ids = ['0b7c9a4e-0000-4000-8000-000000000002', '0b7c9a4e-0000-4000-8000-000000000001'].sort();
    expect(fingerprintOf(ids)).toBe(createHash('sha256').update(`${ids[0]}\n${ids[1]}`).digest('hex'));
    expect(fingerprintOf([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(fingerprintOf(ids)).not.toBe(fingerprintOf(ids.slice(0, 1)));
  });
});
