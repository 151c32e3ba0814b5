import { BadUserInputError } from '../common/errors/domain-error';
import { checkUpdatedTitle, validateCreatePublication, validateUpdatePublication } from './publication-validation';
import { TitleStatus, titleText } from './title-status.enum';

const messages = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors.map((e) => `${e.path}: ${e.message}`);
    throw error;
  }
  return [];
};

describe('a publication title and its status', () => {
  it('defaults to COMPLETE and requires a title unless NOT_RECORDED', () => {
    expect(validateCreatePublication({ title: ' A title ' })).toMatchObject({ title: 'A title', titleStatus: TitleStatus.COMPLETE });
    expect(validateCreatePublication({ title: 'The known beginning', titleStatus: TitleStatus.INCOMPLETE }).titleStatus).toBe(TitleStatus.INCOMPLETE);
    expect(validateCreatePublication({ title: null, titleStatus: TitleStatus.NOT_RECORDED, pmid: '8829870' })).toMatchObject({ title: null, titleStatus: TitleStatus.NOT_RECORDED });
    expect(messages(() => validateCreatePublication({}))).toEqual(['input.title: is required (or set titleStatus NOT_RECORDED)']);
    expect(messages(() => validateCreatePublication({ title: '  ' }))).toEqual(['input.title: must not be empty']);
    expect(messages(() => validateCreatePublication({ title: 'x', titleStatus: TitleStatus.NOT_RECORDED }))).toEqual(['input.title: must be null when titleStatus is NOT_RECORDED']);
  });

  it('checks an update against the stored record', () => {
    const stored = { title: 'Known beginning', titleStatus: TitleStatus.INCOMPLETE };
    expect(messages(() => checkUpdatedTitle(stored, validateUpdatePublication({ title: 'Known beginning, and the end' })))).toEqual([]);
    expect(messages(() => checkUpdatedTitle(stored, validateUpdatePublication({ title: null })))).toEqual(['input.title: is required (or set titleStatus NOT_RECORDED)']);
    expect(messages(() => checkUpdatedTitle(stored, validateUpdatePublication({ title: null, titleStatus: TitleStatus.NOT_RECORDED })))).toEqual([]);
    expect(messages(() => checkUpdatedTitle({ title: null, titleStatus: TitleStatus.NOT_RECORDED }, validateUpdatePublication({ titleStatus: TitleStatus.COMPLETE })))).toEqual([
      'input.title: is required (or set titleStatus NOT_RECORDED)',
    ]);
    expect(messages(() => validateUpdatePublication({ titleStatus: null }))).toEqual(['input.titleStatus: must not be null']);
  });

  it('reads as plain words where a title is not complete', () => {
    expect(titleText({ title: 'Whole', titleStatus: TitleStatus.COMPLETE })).toBe('Whole');
    expect(titleText({ title: 'Bilateral Subdural Intracranial Hematoma after', titleStatus: TitleStatus.INCOMPLETE })).toBe('Bilateral Subdural Intracranial Hematoma after … (title incomplete in the source)');
    // A run of dots inside a long incomplete title is read once (a /[\s.…]+$/ pattern rescanned it at every dot).
    const dots = '.'.repeat(1_000_000);
    expect(titleText({ title: `Hematoma${dots}after ...`, titleStatus: TitleStatus.INCOMPLETE })).toBe(`Hematoma${dots}after … (title incomplete in the source)`);
    expect(titleText({ title: null, titleStatus: TitleStatus.NOT_RECORDED })).toBe('Title not recorded');
  });
});
