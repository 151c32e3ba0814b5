import { z } from 'zod';
import { BadUserInputError } from './errors/domain-error';

/** What zod expected, in the words of an error message. */
const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** A value a client sent, briefly, for "must be a number, not the text "5"". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value} (not a finite number)`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * The message of one zod issue. zod 4 puts the value into an issue only when asked (`reportInput`): without
 * it every value of the wrong type read "is required" (`q.filters.age.min: is required` for "5", `q: is required`
 * for a list), as if it had been left out.
 */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  // Left out, or null where a value is needed (updateCaseReport's label: null).
  if (issue.input === undefined || issue.input === null) return 'is required';
  return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
}

/** Validates with a zod schema; every problem becomes a field error with its full path (`input.authors.0.family`). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new BadUserInputError(
    result.error.issues.map((issue) => ({
      path: [path, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: messageOf(issue),
    })),
  );
}
