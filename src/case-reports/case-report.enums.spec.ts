import { AgeGroup, ageGroupOf } from './case-report.enums';

describe('ageGroupOf', () => {
  it.each([
    [null, AgeGroup.UNKNOWN],
    [0.05, AgeGroup.NEONATE],
    [0.5, AgeGroup.INFANT],
    [1, AgeGroup.CHILD],
    [12.9, AgeGroup.CHILD],
    [13, AgeGroup.ADOLESCENT],
    [17.99, AgeGroup.ADOLESCENT],
    [18, AgeGroup.ADULT],
    [64.5, AgeGroup.ADULT],
    [65, AgeGroup.OLDER_ADULT],
  ])('age %p is %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });
});
