import { unknownSourceNote } from './labels';

describe('unknownSourceNote', () => {
  it.each<[{ journal: string | null; year: number | null }, string | null]>([
    [{ journal: 'Anaesthesia', year: 2019 }, null],
    [{ journal: null, year: 2019 }, 'journal not recorded'],
    [{ journal: '  ', year: 2019 }, 'journal not recorded'],
    [{ journal: 'Anaesthesia', year: null }, 'year not recorded'],
    [{ journal: null, year: null }, 'journal and year not recorded'],
  ])('%j -> %s', (publication, note) => {
    expect(unknownSourceNote(publication)).toBe(note);
  });
});
