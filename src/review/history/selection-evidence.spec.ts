import { BadUserInputError, ConflictError } from '../../common/errors/domain-error';
import { evidenceFromSelection } from './selection-evidence';

const ABSTRACT = 'A 34-year-old woman received an epidural blood patch. Two days later she developed paraplegia. MRI showed an intrathecal hematoma.';

describe('evidence from a text selection', () => {
  it('keeps the exact words, their offsets, their sentence, method CURATOR', () => {
    const start = ABSTRACT.indexOf('paraplegia');
    const evidence = evidenceFromSelection({ field: 'abstract', start, end: start + 10, text: 'paraplegia' }, ABSTRACT);
    expect(evidence).toEqual({ field: 'abstract', start, end: start + 10, text: 'paraplegia', sentence: 'Two days later she developed paraplegia.', method: 'CURATOR', confidence: 1 });
  });

  it('drops blanks at either end of the selection', () => {
    const start = ABSTRACT.indexOf(' intrathecal');
    const evidence = evidenceFromSelection({ field: 'abstract', start, end: start + 21 }, ABSTRACT);
    expect(evidence.text).toBe('intrathecal hematoma');
    expect(ABSTRACT.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });

  it('refuses a selection whose words are not the stored ones (stale page) as a conflict', () => {
    expect(() => evidenceFromSelection({ field: 'abstract', start: 0, end: 5, text: 'Three' }, ABSTRACT)).toThrow(ConflictError);
  });

  it('refuses offsets outside the text, empty or blank selections, other fields and missing text', () => {
    expect(() => evidenceFromSelection({ field: 'abstract', start: 10, end: 10_000 }, ABSTRACT)).toThrow(BadUserInputError);
    expect(() => evidenceFromSelection({ field: 'abstract', start: 5, end: 5 }, ABSTRACT)).toThrow(BadUserInputError);
    expect(() => evidenceFromSelection({ field: 'abstract', start: 1, end: 2 }, ABSTRACT)).toThrow(/only blanks/);
    expect(() => evidenceFromSelection({ field: 'journal', start: 0, end: 2 }, ABSTRACT)).toThrow(/title, abstract/);
    expect(() => evidenceFromSelection({ field: 'abstract', start: 0, end: 2 }, null)).toThrow(/no abstract/);
  });
});
