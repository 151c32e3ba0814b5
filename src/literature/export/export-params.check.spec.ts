import { BadUserInputError } from '../../common/errors/domain-error';
import { checkExportParams, DOWNLOAD_PARAMS, DOWNLOAD_VALUES, PRISMA_PARAMS, PRISMA_VALUES, PUBLICATION_DOWNLOAD_PARAMS, PUBLICATION_DOWNLOAD_VALUES } from './export-params.check';

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

  it('refuses empty and blank values with what the parameter takes, when told what each takes', () => {
    expect(fieldErrors(() => checkExportParams({ review: '', format: ' ' }, PRISMA_PARAMS))).toEqual([]);
    expect(fieldErrors(() => checkExportParams({ review: '', format: ' ' }, PRISMA_PARAMS, PRISMA_VALUES))).toEqual([
      { path: 'review', message: 'must not be empty: give a review name (or leave review out for every import)' },
      { path: 'format', message: 'must not be empty: give one of csv, json, svg, png (any case; or leave format out for csv)' },
    ]);
    expect(fieldErrors(() => checkExportParams({ outcomes: ['DEATH', ''] }, DOWNLOAD_PARAMS, DOWNLOAD_VALUES))).toEqual([{ path: 'outcomes', message: expect.stringMatching(/^must not be empty: give one or more of .*DEATH/) }]);
  });

  it('knows what every parameter of GET /exports takes', () => {
    expect(Object.keys(DOWNLOAD_VALUES).sort()).toEqual([...DOWNLOAD_PARAMS].sort());
    expect(Object.keys(PUBLICATION_DOWNLOAD_VALUES).sort()).toEqual([...PUBLICATION_DOWNLOAD_PARAMS].sort());
    expect(Object.keys(PRISMA_VALUES).sort()).toEqual([...PRISMA_PARAMS].sort());
  });
});
