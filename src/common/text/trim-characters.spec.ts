import { trimCharacters, trimEndCharacters } from './trim-characters';

describe('trimCharacters', () => {
  it('trims the accepted characters at both ends only', () => {
    expect(trimCharacters(' ,;Smith, John; ,', /[,;\s]/)).toBe('Smith, John');
    expect(trimCharacters(',,,', /[,;\s]/)).toBe('');
    expect(trimCharacters('Smith', /[,;\s]/)).toBe('Smith');
  });

  it('reads a million of them inside a value in one pass', () => {
    const commas = ','.repeat(1_000_000);
    expect(trimCharacters(`x${commas}y${commas}`, /[,;\s]/)).toBe(`x${commas}y`);
  });

  it('trims at the end only, in one pass', () => {
    const dots = '.'.repeat(1_000_000);
    expect(trimEndCharacters(`..J${dots}x..;`, /[.,;]/)).toBe(`..J${dots}x`);
  });
});
