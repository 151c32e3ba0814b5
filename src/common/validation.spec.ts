import { z } from 'zod';
import { BadUserInputError } from './errors/domain-error';
import { describeValue, parseOrThrow } from './validation';

const schema = z.object({ age: z.object({ min: z.number().nullish() }).strict().nullish(), outcomes: z.array(z.string()).nullish(), name: z.string(), known: z.boolean().nullish() }).strict();

function errorsOf(value: unknown): [string, string][] {
  try {
    parseOrThrow(schema, value, 'q');
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors.map((item) => [item.path, item.message]);
    throw error;
  }
  return [];
}

describe('parseOrThrow', () => {
  it('says "is required" only of a value left out, and names the type expected and the value given otherwise', () => {
    // Every value of the wrong type read "is required" (zod 4 reports the value only when asked).
    expect(errorsOf({})).toEqual([['q.name', 'is required']]);
    expect(errorsOf({ name: null })).toEqual([['q.name', 'is required']]);
    expect(errorsOf({ name: 'x', age: { min: '5' }, outcomes: 'DEATH', known: 'yes' })).toEqual([
      ['q.age.min', 'must be a number, not the text "5"'],
      ['q.outcomes', 'must be a list, not the text "DEATH"'],
      ['q.known', 'must be true or false, not the text "yes"'],
    ]);
    expect(errorsOf([])).toEqual([['q', 'must be an object, not a list']]);
    expect(errorsOf('x'.repeat(100))).toEqual([['q', `must be an object, not the text "${'x'.repeat(40)}…"`]]);
    expect(errorsOf({ name: 'x', age: { min: Infinity } })).toEqual([['q.age.min', 'must be a number, not Infinity (not a finite number)']]);
  });

  it('describes values briefly', () => {
    expect([null, 3, {}, true].map(describeValue)).toEqual(['null', 'the number 3', 'an object', 'boolean true']);
  });
});
