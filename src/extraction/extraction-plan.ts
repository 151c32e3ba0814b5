import { CurationStatus, FactStatus } from '../case-reports/curation.enums';

export interface ExistingCase {
  id: string;
  label: string;
  curationStatus: CurationStatus;
  facts: { status: FactStatus }[];
}

export interface ExtractionPlan {
  /** Suggested cases no curator has touched: replaced by the new proposals. */
  replace: string[];
  /** Labels of proposals to store. */
  add: string[];
  /** Why nothing changes, when nothing does. */
  skippedBecause: 'CURATED_CASES' | null;
}

const touched = (existing: ExistingCase) => existing.curationStatus !== CurationStatus.SUGGESTED || existing.facts.some((fact) => fact.status !== FactStatus.SUGGESTED);

/**
 * Pure status rules of a (re-)run of extraction on one publication:
 * - a publication with a CURATED case belongs to its curators: nothing is replaced or added;
 * - SUGGESTED cases no curator has touched are replaced by the new proposals;
 * - cases a curator touched (a reviewed fact) or REJECTED stay as they are, and a proposal with their
 *   label is not added again (a rejected patient is not proposed twice).
 */
export function planExtraction(existing: readonly ExistingCase[], proposedLabels: readonly string[]): ExtractionPlan {
  if (existing.some((c) => c.curationStatus === CurationStatus.CURATED)) return { replace: [], add: [], skippedBecause: 'CURATED_CASES' };
  const kept = new Set(existing.filter(touched).map((c) => c.label.trim().toLowerCase()));
  return {
    replace: existing.filter((c) => !touched(c)).map((c) => c.id),
    add: proposedLabels.filter((label) => !kept.has(label.trim().toLowerCase())),
    skippedBecause: null,
  };
}
