import { emptyPublication } from '../parsed-publication';
import { mapParsedPublication } from './import-record';

describe('mapParsedPublication', () => {
  it('validates a parsed record into publication fields with its title key', () => {
    const publication = { ...emptyPublication(), title: 'Intrathecal hematoma: a case report', year: 2020, authors: [{ family: 'McInerney', given: 'HJ' }], doi: '10.1155/2020/8925731', issns: ['1234-5678'] };
    const mapped = mapParsedPublication(publication);
    expect(mapped).toMatchObject({ ok: true, titleKey: 'intrathecalhematomaacasereport|2020|mcinerney', warnings: [] });
    expect(mapped.ok && mapped.fields.doi).toBe('10.1155/2020/8925731');
  });

  it('refuses a record without a title', () => {
    expect(mapParsedPublication({ ...emptyPublication(), year: 2020 })).toEqual({ ok: false, errors: [{ field: 'title', message: 'the record has no title' }] });
  });

  it('leaves out optional values that fail validation, with a warning each', () => {
    const mapped = mapParsedPublication({ ...emptyPublication(), title: 'A', year: 2999, volume: 'v'.repeat(70), url: 'ftp://example.org/x' });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.fields).toMatchObject({ title: 'A', year: null, volume: null, url: null });
    expect(mapped.warnings.map((warning) => warning.field).sort()).toEqual(['url', 'volume', 'year']);
    expect(mapped.warnings.find((warning) => warning.field === 'year')!.message).toMatch(/must not be in the future; the value 2999 was left out/);
  });
});
