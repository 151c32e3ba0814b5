import { highlightSegments, questionTerms } from './question-terms';

describe('questionTerms', () => {
  it('keeps the meaningful words of the question and the keywords, longest first', () => {
    expect(questionTerms('What complications follow an epidural blood patch in adults?', ['post-dural puncture headache'])).toEqual([
      'post-dural puncture headache',
      'complication',
      'epidural',
      'follow',
      'blood',
      'patch',
    ]);
  });

  it('keeps plurals by their stem so both forms match', () => {
    expect(questionTerms('odontogenic cysts and their therapies', [])).toEqual(['odontogenic', 'therap', 'cyst']);
  });

  it('gives nothing for a review without question or keywords', () => {
    expect(questionTerms(null, [])).toEqual([]);
  });
});

describe('highlightSegments', () => {
  it('marks words that start with a term, case-insensitively, and keeps the text whole', () => {
    const segments = highlightSegments('Spinal Hematomas after an epidural; no hematoma.', ['hematoma', 'epidural']);
    expect(segments.map((s) => s.text).join('')).toBe('Spinal Hematomas after an epidural; no hematoma.');
    expect(segments.filter((s) => s.highlighted).map((s) => s.text)).toEqual(['Hematomas', 'epidural', 'hematoma']);
  });

  it('does not match inside a word, and matches a phrase across spacing', () => {
    expect(highlightSegments('subepidural blood\npatch', ['epidural', 'blood patch']).filter((s) => s.highlighted).map((s) => s.text)).toEqual(['blood\npatch']);
  });
});
