import { BadUserInputError } from '../errors/domain-error';
import { queryNumber } from './query-number';

describe('queryNumber', () => {
  it('reads decimal numbers as written, with sign, decimals and exponent; absent or blank is null', () => {
    expect(queryNumber('2019', 'yearMin')).toBe(2019);
    expect(queryNumber(' 2.5 ', 'interval')).toBe(2.5);
    expect(queryNumber('-3', 'x')).toBe(-3);
    expect(queryNumber('.5', 'x')).toBe(0.5);
    expect(queryNumber('1e3', 'x')).toBe(1000);
    expect(queryNumber(undefined, 'x')).toBeNull();
    expect(queryNumber('  ', 'x')).toBeNull();
  });

  it.each(['0x10', '0b11', '0o7', 'Infinity', '-Infinity', 'NaN', '1e400', '12abc', '1,5', '--1'])('refuses %s, naming the parameter', (raw) => {
    let thrown: unknown;
    try {
      queryNumber(raw, 'interval');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect((thrown as BadUserInputError).fieldErrors).toEqual([{ path: 'interval', message: expect.stringMatching(/must be a number written in decimal digits/) }]);
  });
});
