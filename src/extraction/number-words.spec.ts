import { parseNumber, parseOrdinal } from './number-words';

describe('number words', () => {
  it('reads digits, words and compounds', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('Twelve')).toBe(12);
    expect(parseNumber('twenty-five')).toBe(25);
    expect(parseNumber('an')).toBe(1);
    expect(parseOrdinal('third')).toBe(3);
    expect(parseOrdinal('22nd')).toBe(22);
  });

  it('treats words that are names of object properties as words, not numbers', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'twenty-constructor', 'constructor-one']) {
      expect(parseNumber(word)).toBeNull();
      expect(parseOrdinal(word)).toBeNull();
    }
  });
});
