import { BadUserInputError } from '../../common/errors/domain-error';
import { checkExportParams, PRISMA_PARAMS } from './export-params.check';

function fieldErrors(run: () => void): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors;
    throw error;
  }
  return [];
}

describe('checkExportParams', () => {
  it('passes known parameters given once', () => {
    expect(fieldErrors(() => checkExportParams({ review: 'EBP', format: 'svg' }, PRISMA_PARAMS))).toEqual([]);
  });

  it('names every problem at once: unknown, repeated, NUL characters (which PostgreSQL cannot hold)', () => {
    const errors = fieldErrors(() => checkExportParams({ review: 'a\u0000b', format: ['csv', 'json'], reviw: 'x' }, PRISMA_PARAMS));
    expect(errors).toEqual([
      { path: 'review', message: 'must not contain NUL characters (\\u0000)' },
      { path: 'format', message: 'is given more than once; give it once' },
      expect.objectContaining({ path: 'reviw', message: expect.stringContaining('is not a parameter of this endpoint') }),
    ]);
  });
});
