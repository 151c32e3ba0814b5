import { BadUserInputError } from '../errors/domain-error';

/** A number as people write one in a URL: optional sign, digits, optional decimals and exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A numeric query parameter (`yearMin=2019`, `interval=0.5`): null when absent or blank, else a finite
 * decimal number. JavaScript's Number() would also read `0x10` as 16, `0b11` as 3 and `Infinity`;
 * nobody writes a year or an interval so, and reading them silently would answer a different question.
 */
export function queryNumber(raw: string | undefined, name: string): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const text = raw.trim();
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw BadUserInputError.field(name, `must be a number written in decimal digits (e.g. 2019 or 2.5), not "${text.slice(0, 40)}"`);
  return value;
}
