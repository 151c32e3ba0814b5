import { BadUserInputError } from './errors/domain-error';
import { assertRecordIds, isRecordId, recordIdError } from './record-id';

describe('record ids', () => {
  it('accepts UUIDs in either case and nothing else', () => {
    expect(isRecordId('0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f')).toBe(true);
    expect(isRecordId('0B7C2D1E-8F3A-4C5D-9E6F-7A8B9C0D1E2F')).toBe(true);
    for (const value of ['', '0', '99999999999999999999999', "1'", '0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2', '0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f\n', 'a\u0000b', null, undefined, 12]) {
      expect(isRecordId(value)).toBe(false);
    }
  });

  it('names the field and quotes a long value short', () => {
    expect(recordIdError('nope', 'input.caseReportId', 'case report id')).toEqual({ path: 'input.caseReportId', message: '"nope" is not a valid case report id (expected a UUID)' });
    expect(recordIdError('x'.repeat(10_000), 'id')?.message).toBe(`"${'x'.repeat(80)}…" is not a valid id (expected a UUID)`);
    expect(recordIdError('0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f', 'id')).toBeNull();
  });

  it('reports every malformed id at once', () => {
    let thrown: unknown;
    try {
      assertRecordIds([['bad', 'input.publicationIds.0'], ['0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f', 'input.publicationIds.1'], ['worse', 'input.publicationIds.2']], 'publication id');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect((thrown as BadUserInputError).fieldErrors.map((error) => error.path)).toEqual(['input.publicationIds.0', 'input.publicationIds.2']);
    expect(() => assertRecordIds([['0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f', 'id']])).not.toThrow();
  });
});
