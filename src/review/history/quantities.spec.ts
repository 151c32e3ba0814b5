import { BadUserInputError } from '../../common/errors/domain-error';
import { normaliseQuantity } from './quantities';

describe('numbers with units', () => {
  it.each([
    ['ageYears', '34', null, 34],
    ['ageYears', '6 months', null, 0.5],
    ['ageYears', '18', 'months', 1.5],
    ['ageYears', '34 years old', null, 34],
    ['ageYears', '2 wk', null, 0.04],
    ['bloodVolumeMl', '15 ml', null, 15],
    ['bloodVolumeMl', '0,02 L', null, 20],
    ['bloodVolumeMl', '20', 'cc', 20],
    ['onsetHours', '2 days', null, 48],
    ['onsetHours', '90 min', null, 1.5],
    ['onsetHours', '6', 'hours', 6],
    ['followUpDays', '3 months', null, 91.31],
    ['timeToResolutionDays', '2 weeks', null, 14],
    ['needleGauge', '22', null, 22],
  ])('%s %s %s → %s', (field, value, unit, expected) => {
    expect(normaliseQuantity(field, value, unit)).toBe(expected);
  });

  it('refuses words, unknown units, contradictory units and fractions of counts, naming the field', () => {
    expect(() => normaliseQuantity('ageYears', 'old', null)).toThrow(BadUserInputError);
    expect(() => normaliseQuantity('bloodVolumeMl', '15 kg', null)).toThrow(/mL or L/);
    expect(() => normaliseQuantity('ageYears', '3 months', 'years')).toThrow(/unit says/);
    expect(() => normaliseQuantity('attemptNumber', '1.5', null)).toThrow(/whole number/);
    expect(() => normaliseQuantity('needleGauge', '22', 'mm')).toThrow(/without a unit/);
  });

  it('refuses a comma before three digits, which is a thousands separator as often as a decimal comma ("1,500 ml" was stored as 1.5 mL)', () => {
    expect(() => normaliseQuantity('bloodVolumeMl', '1,500 ml', null)).toThrow(/could be 1500 or 1\.500/);
    expect(() => normaliseQuantity('onsetHours', '1,000', 'minutes')).toThrow(BadUserInputError);
    expect(() => normaliseQuantity('needleGauge', '1,000', null)).toThrow(/could be 1000 or 1\.000/);
    expect(normaliseQuantity('bloodVolumeMl', '1500 ml', null)).toBe(1500);
    expect(normaliseQuantity('bloodVolumeMl', '1,5 L', null)).toBe(1500);
    expect(normaliseQuantity('bloodVolumeMl', '0,020 L', null)).toBe(20);
  });
});
