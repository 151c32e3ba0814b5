import { OperationLabels } from './operation-labels';

describe('OperationLabels', () => {
  it('names resolved operations, and buckets anonymous and unresolved ones', () => {
    const labels = new OperationLabels(10);
    expect(labels.label(true, 'SearchCases')).toBe('SearchCases');
    expect(labels.label(true, null)).toBe('(anonymous)');
    expect(labels.label(false, 'WhateverTheClientSent')).toBe('(invalid)');
    expect(labels.label(true, 'not a name; DROP')).toBe('(other)');
  });

  it('keeps at most the cap of distinct names; later new names are (other), known ones keep their label', () => {
    const labels = new OperationLabels(3);
    expect(['A', 'B', 'C'].map((name) => labels.label(true, name))).toEqual(['A', 'B', 'C']);
    expect(labels.label(true, 'D')).toBe('(other)');
    expect(labels.label(true, 'Invented1')).toBe('(other)');
    expect(labels.label(true, 'B')).toBe('B');
  });
});
