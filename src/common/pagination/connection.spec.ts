import { BadUserInputError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, resolvePageSize } from './connection';

describe('cursor pagination helpers', () => {
  it('round-trips a keyset cursor', () => {
    const cursor = { createdAt: '2026-01-02T03:04:05.678Z', id: 'b3f1c7a0-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('rejects a forged cursor as bad input naming the argument', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(BadUserInputError);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/after: is not a cursor/);
  });

  it('bounds the page size', () => {
    expect(resolvePageSize(undefined, 100)).toBe(20);
    expect(resolvePageSize(100, 100)).toBe(100);
    expect(() => resolvePageSize(101, 100)).toThrow(/first: must be between 1 and 100/);
    expect(() => resolvePageSize(0, 100)).toThrow(BadUserInputError);
  });
});
