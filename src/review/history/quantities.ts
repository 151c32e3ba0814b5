import { BadUserInputError } from '../../common/errors/domain-error';

/**
 * Numbers with units, as a curator types them ("3 months", "1.5 L", "2 days"), turned into the unit a
 * case stores: age in years, blood volume in mL, onset in hours, resolution and follow-up in days.
 */
interface Quantity {
  canonical: string;
  units: Record<string, number>;
  /** Decimal places kept after conversion. */
  decimals: number;
}

const YEAR_DAYS = 365.25;
const MONTH_DAYS = YEAR_DAYS / 12;
const time = (perDay: number): Record<string, number> => ({
  minute: perDay / 1440, minutes: perDay / 1440, min: perDay / 1440, mins: perDay / 1440,
  hour: perDay / 24, hours: perDay / 24, h: perDay / 24, hr: perDay / 24, hrs: perDay / 24,
  day: perDay, days: perDay, d: perDay,
  week: perDay * 7, weeks: perDay * 7, wk: perDay * 7, wks: perDay * 7, w: perDay * 7,
  month: perDay * MONTH_DAYS, months: perDay * MONTH_DAYS, mo: perDay * MONTH_DAYS, mos: perDay * MONTH_DAYS,
  year: perDay * YEAR_DAYS, years: perDay * YEAR_DAYS, y: perDay * YEAR_DAYS, yr: perDay * YEAR_DAYS, yrs: perDay * YEAR_DAYS,
});

export const QUANTITIES: Record<string, Quantity> = {
  ageYears: { canonical: 'years', units: time(1 / YEAR_DAYS), decimals: 2 },
  onsetHours: { canonical: 'hours', units: time(24), decimals: 2 },
  timeToResolutionDays: { canonical: 'days', units: time(1), decimals: 2 },
  followUpDays: { canonical: 'days', units: time(1), decimals: 2 },
  bloodVolumeMl: { canonical: 'mL', units: { ml: 1, cc: 1, milliliter: 1, milliliters: 1, millilitre: 1, millilitres: 1, l: 1000, liter: 1000, liters: 1000, litre: 1000, litres: 1000 }, decimals: 1 },
};

/** Whole numbers without a unit. */
const COUNTS = new Set(['attemptNumber', 'needleGauge']);

const NUMBER_WITH_UNIT = /^([+-]?\d+(?:[.,]\d+)?)\s*([a-zA-Z]*)\.?(?:\s*old)?$/;

/** True for the fields this file converts (the last part of a fact path: "procedures.0.bloodVolumeMl" → bloodVolumeMl). */
export const isQuantity = (field: string) => field in QUANTITIES || COUNTS.has(field);

/**
 * The number to store for a field, from a value with its unit in the text ("3 months") or given apart
 * (value "3", unit "months"); a bare number is in the stored unit. Errors name the units accepted.
 */
export function normaliseQuantity(field: string, value: string | null | undefined, unit: string | null | undefined, path = 'input.value'): number {
  const text = (value ?? '').trim();
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) throw BadUserInputError.field(path, `${field} takes a number${field in QUANTITIES ? ` with an optional unit (e.g. "3 ${QUANTITIES[field].canonical}")` : ''}, not "${text.slice(0, 50)}"`);
  // A comma before exactly three digits is a thousands separator as often as a decimal comma: "1,500 ml"
  // was stored as 1.5 mL. Refused, saying how to write either ("0,020" is a decimal).
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(match[1])) {
    const [whole, part] = match[1].split(',');
    throw BadUserInputError.field(path, `"${match[1]}" could be ${whole}${part} or ${whole}.${part}: write the number without a thousands separator, and a decimal point (${whole}${part} or ${whole}.${part})`);
  }
  const amount = Number(match[1].replace(',', '.'));
  const givenUnit = (match[2] || unit || '').trim().toLowerCase().replace(/\.$/, '');
  if (match[2] && unit && unit.trim() && unit.trim().toLowerCase() !== match[2].toLowerCase()) throw BadUserInputError.field('input.unit', `the value says "${match[2]}" but the unit says "${unit}"`);
  if (COUNTS.has(field)) {
    if (givenUnit) throw BadUserInputError.field('input.unit', `${field} is a whole number without a unit`);
    if (!Number.isInteger(amount)) throw BadUserInputError.field(path, `${field} takes a whole number`);
    return amount;
  }
  const quantity = QUANTITIES[field];
  if (!quantity) throw BadUserInputError.field('input.unit', `${field} is not a number with a unit`);
  if (!givenUnit) return amount;
  const canonicalKey = quantity.canonical.toLowerCase();
  const factor = givenUnit === canonicalKey ? 1 : quantity.units[givenUnit];
  if (factor === undefined) throw BadUserInputError.field('input.unit', `${field} takes ${describeUnits(field)}, not "${givenUnit.slice(0, 20)}"`);
  const scale = 10 ** quantity.decimals;
  return Math.round(amount * factor * scale) / scale;
}

function describeUnits(field: string): string {
  return field === 'bloodVolumeMl' ? 'mL or L' : field === 'ageYears' ? 'years, months, weeks or days' : 'minutes, hours, days, weeks, months or years';
}
