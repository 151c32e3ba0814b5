import { z } from 'zod';
import { BadUserInputError } from './errors/domain-error';

/** Validates with a zod schema; every problem becomes a field error with its full path (`input.authors.0.family`). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new BadUserInputError(
    result.error.issues.map((issue) => ({
      path: [path, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    })),
  );
}
