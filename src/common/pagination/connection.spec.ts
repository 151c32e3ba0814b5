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

  it('rejects a cursor whose time or id PostgreSQL would refuse (they reached the SQL: INTERNAL_SERVER_ERROR)', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const createdAt of ['1', 'Tue 1', '2020-02-30', '2020-02-30T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2020-01-01 junk 5']) {
      expect(() => decodeCursor(forged([createdAt, uuid]))).toThrow(/after: is not a cursor/);
    }
    for (const id of ['x', '', 'not-a-uuid', `${uuid}x`]) expect(() => decodeCursor(forged(['2026-01-02T03:04:05.678Z', id]))).toThrow(/after: is not a cursor/);
    expect(() => decodeCursor(forged(['2026-01-02T03:04:05.678Z', uuid, 'more']))).toThrow(/after: is not a cursor/);
    expect(decodeCursor(forged(['2026-01-02T03:04:05.678Z', uuid]))).toEqual({ createdAt: '2026-01-02T03:04:05.678Z', id: uuid });
  });

  it('bounds the page size', () => {
    expect(resolvePageSize(undefined, 100)).toBe(20);
    expect(resolvePageSize(100, 100)).toBe(100);
    expect(() => resolvePageSize(101, 100)).toThrow(/first: must be between 1 and 100/);
    expect(() => resolvePageSize(0, 100)).toThrow(BadUserInputError);
  });
});
