import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadUserInputError } from './domain-error';
import { formatGraphqlError } from './format-graphql-error';

function wrap(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['createCaseReport'] });
}

describe('formatGraphqlError', () => {
  it('keeps the code and field paths of a domain error', () => {
    const error = wrap(BadUserInputError.field('input.ageYears', 'must be between 0 and 130'));
    const formatted = formatGraphqlError(error.toJSON(), error);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.ageYears', message: 'must be between 0 and 130' }] });
    expect(formatted.message).toBe('input.ageYears: must be between 0 and 130');
  });

  it('hides the message and stack of an unexpected error, and logs them with the reference', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = wrap(new Error('duplicate key value violates unique constraint "IDX_x" SELECT * FROM secret'));
    const formatted = formatGraphqlError(error.toJSON(), error);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|unique constraint|stacktrace/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`internal error ${formatted.extensions?.reference}`));
    expect(logged.mock.calls[0][0]).toContain('unique constraint');
    logged.mockRestore();
  });

  it('passes through validation errors of the GraphQL document', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphqlError(error.toJSON(), error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
