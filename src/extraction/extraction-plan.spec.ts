import { CurationStatus, FactStatus } from '../case-reports/curation.enums';
import { ExistingCase, planExtraction } from './extraction-plan';

const existing = (id: string, label: string, curationStatus: CurationStatus, statuses: FactStatus[] = [FactStatus.SUGGESTED]): ExistingCase => ({ id, label, curationStatus, facts: statuses.map((status) => ({ status })) });

describe('planExtraction (status rules of a re-run)', () => {
  it('a first run adds every proposal', () => {
    expect(planExtraction([], ['Case 1', 'Case 2'])).toEqual({ replace: [], add: ['Case 1', 'Case 2'], skippedBecause: null });
  });

  it('replaces suggestions no curator touched', () => {
    expect(planExtraction([existing('a', 'Case 1', CurationStatus.SUGGESTED), existing('b', 'Case 2', CurationStatus.SUGGESTED)], ['Case 1'])).toEqual({ replace: ['a', 'b'], add: ['Case 1'], skippedBecause: null });
  });

  it('never touches a publication with a curated case', () => {
    expect(planExtraction([existing('a', 'Case 1', CurationStatus.CURATED), existing('b', 'Case 2', CurationStatus.SUGGESTED)], ['Case 1', 'Case 2', 'Case 3'])).toEqual({ replace: [], add: [], skippedBecause: 'CURATED_CASES' });
  });

  it('keeps a suggestion with a reviewed fact, and does not propose its label again', () => {
    const plan = planExtraction([existing('a', 'Case 1', CurationStatus.SUGGESTED, [FactStatus.SUGGESTED, FactStatus.CORRECTED]), existing('b', 'Case 2', CurationStatus.SUGGESTED)], ['Case 1', 'Case 2']);
    expect(plan).toEqual({ replace: ['b'], add: ['Case 2'], skippedBecause: null });
  });

  it('does not propose a rejected patient again', () => {
    expect(planExtraction([existing('a', 'Case', CurationStatus.REJECTED)], ['case'])).toEqual({ replace: [], add: [], skippedBecause: null });
  });
});
