import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, retryableDatabaseError } from './database-unavailable';
import { formatGraphqlError } from './format-graphql-error';

const withCode = (message: string, code: string, extra: object = {}) => Object.assign(new Error(message), { code, ...extra });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['admin shutdown', withCode('terminating connection due to administrator command', '57P01', { severity: 'FATAL' })],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['starting up', withCode('the database system is starting up', '57P03')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', Object.assign(new Error('Query failed'), { driverError: withCode('connect ECONNRESET', 'ECONNRESET') })],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505', { severity: 'ERROR' })],
    ['a value too long', withCode('value too long for type character varying(255)', '22001', { severity: 'ERROR' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('makes the GraphQL answer SERVICE_UNAVAILABLE, retryable', () => {
    const error = new GraphQLError('x', { originalError: withCode('terminating connection due to administrator command', '57P01'), path: ['createPublication'] });
    expect(formatGraphqlError(error.toJSON(), error).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('answers a deadlock or a serialization failure as a retryable CONFLICT, not an internal error', () => {
    for (const code of ['40P01', '40001']) {
      const wrapped = Object.assign(new Error('Query failed'), { driverError: withCode('deadlock detected', code, { severity: 'ERROR' }) });
      expect(isDatabaseUnavailable(wrapped)).toBe(false);
      expect(retryableDatabaseError(wrapped)).toMatchObject({ code: 'CONFLICT', details: { retryable: true } });
      const error = new GraphQLError('x', { originalError: wrapped, path: ['extractCases'] });
      expect(formatGraphqlError(error.toJSON(), error)).toMatchObject({ message: expect.stringMatching(/collided with another one .*Send it again/), extensions: { code: 'CONFLICT', retryable: true } });
    }
    expect(retryableDatabaseError(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
  });
});
