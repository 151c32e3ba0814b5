import { evidencePieces, findWords } from './evidence-text';

const TEXT = 'A 31-year-old woman had an epidural blood patch. She developed back pain.';

describe('confirm view: evidence in the abstract', () => {
  it('cuts the text where evidence starts and ends, keeping every character once', () => {
    const pieces = evidencePieces(TEXT, [
      { start: 2, end: 13, path: 'ageYears' },
      { start: 27, end: 47, path: 'procedures.0' },
      { start: 36, end: 47, path: 'procedures.0.bloodVolumeMl' },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(TEXT);
    expect(pieces.find((piece) => piece.text === '31-year-old')?.paths).toEqual(['ageYears']);
    expect(pieces.find((piece) => piece.text === 'blood patch')?.paths).toEqual(['procedures.0', 'procedures.0.bloodVolumeMl']);
    expect(pieces[0]).toEqual({ text: 'A ', start: 0, paths: [] });
  });

  it('ignores ranges that do not fit the text (evidence of another field, a stale offset)', () => {
    expect(evidencePieces('short', [{ start: 2, end: 40, path: 'sex' }, { start: 3, end: 3, path: 'x' }])).toEqual([{ text: 'short', start: 0, paths: [] }]);
  });

  it('finds typed words in the text, whatever their case', () => {
    expect(findWords(TEXT, 'Back pain')).toEqual({ start: 63, end: 72, text: 'back pain' });
    expect(findWords(TEXT, 'fever')).toBeNull();
    expect(findWords(TEXT, '  ')).toBeNull();
  });
});
