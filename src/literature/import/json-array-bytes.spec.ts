import { jsonArrayBytes } from './import-batches.repository';

describe('jsonArrayBytes', () => {
  it('writes the rows as one JSON array in UTF-8, byte for byte what JSON.stringify gives', () => {
    const rows = [{ id: 'a', title: 'Müller – “quoted” 😀', authors: [{ family: 'Łukasz', given: null }] }, { id: 'b', abstract: 'line\nbreak "and" \\ backslash', year: 2020 }];
    const bytes = jsonArrayBytes(rows);
    expect(bytes.equals(Buffer.from(JSON.stringify(rows), 'utf8'))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(rows);
  });

  it('writes an empty array for no rows', () => {
    expect(jsonArrayBytes([]).toString('utf8')).toBe('[]');
  });
});
