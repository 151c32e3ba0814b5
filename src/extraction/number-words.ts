const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, fourteenth: 14, twentieth: 20,
};

/** "12", "twelve", "twenty-five", "a"/"an" (one), "single" → number, else null. Own keys only: "constructor" is a word of the text, not a number. */
export function parseNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an' || w === 'single') return 1;
  if (Object.hasOwn(UNITS, w)) return UNITS[w];
  if (Object.hasOwn(TENS, w)) return TENS[w];
  const m = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  if (m && Object.hasOwn(TENS, m[1]) && Object.hasOwn(UNITS, m[2])) return TENS[m[1]] + UNITS[m[2]];
  return null;
}

/** "second", "2nd", "3rd" → number, else null. */
export function parseOrdinal(word: string): number | null {
  const w = word.toLowerCase();
  if (Object.hasOwn(ORDINALS, w)) return ORDINALS[w];
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return m ? Number(m[1]) : null;
}

/** Regex source for a number written in digits or words (bounded, no nested quantifiers). */
export const NUMBER_SOURCE =
  '(?:\\d{1,3}(?:\\.\\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

export const UNIT_HOURS: Record<string, number> = { h: 1, hr: 1, hrs: 1, hour: 1, hours: 1, d: 24, day: 24, days: 24, week: 168, weeks: 168, wk: 168, wks: 168, month: 730, months: 730, year: 8766, years: 8766 };
