import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { leaseHolderIsGone, leaseHolderName } from './lease-holder';

describe('lease holder names', () => {
  it('a live holder of this machine is not gone, nor is a holder elsewhere or an unreadable name', () => {
    expect(leaseHolderIsGone(leaseHolderName())).toBe(false);
    expect(leaseHolderIsGone(`${leaseHolderName()}:reindex`)).toBe(false);
    expect(leaseHolderIsGone(`some-other-host-${hostname()}:1:abcdef`)).toBe(false);
    expect(leaseHolderIsGone('whoever')).toBe(false);
  });

  it('a holder of this machine whose process has exited is gone', () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    expect(leaseHolderIsGone(`${hostname()}:${exited}:abcdef`)).toBe(true);
    expect(leaseHolderIsGone(`${hostname()}:${exited}:abcdef:reindex`)).toBe(true);
  });
});
