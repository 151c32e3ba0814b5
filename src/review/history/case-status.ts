import { BadUserInputError } from '../../common/errors/domain-error';
import { CurationStatus, FactStatus } from '../../case-reports/curation.enums';
import { CaseFactRecord } from '../../case-reports/entities/case-fact-record';
import { CaseSnapshot } from './case-snapshot';

/** Confirm (CURATED: open suggestions accepted) or reject (REJECTED) a case, within the rules of what may follow what. */
export function setCurationStatus(snapshot: CaseSnapshot, status: CurationStatus.CURATED | CurationStatus.REJECTED, reviewer: string | null, at: Date): CaseSnapshot {
  if (status === CurationStatus.REJECTED && snapshot.curationStatus === CurationStatus.CURATED) throw BadUserInputError.field('id', 'a curated case cannot be rejected as a suggestion: delete it (deleteCaseReport) if it is wrong');
  if (snapshot.curationStatus === CurationStatus.REJECTED && status === CurationStatus.CURATED) throw BadUserInputError.field('id', 'the case was rejected; undo the rejection (undoCaseChange) or add the patient again by hand');
  return { ...snapshot, curationStatus: status, facts: status === CurationStatus.CURATED ? acceptOpen(snapshot.facts, reviewer, at) : snapshot.facts };
}

/** True when a status change would change nothing: the case has the status and (to be confirmed) no open suggestion. */
export function alreadyInStatus(snapshot: CaseSnapshot, status: CurationStatus.CURATED | CurationStatus.REJECTED): boolean {
  if (snapshot.curationStatus !== status) return false;
  return status === CurationStatus.REJECTED || snapshot.facts.every((record) => record.status !== FactStatus.SUGGESTED);
}

/** Open suggestions become accepted (a curator confirmed the case as a whole). */
export function acceptOpen(records: readonly CaseFactRecord[], reviewer: string | null, at: Date): CaseFactRecord[] {
  return records.map((record) => (record.status === FactStatus.SUGGESTED ? { ...record, status: FactStatus.ACCEPTED, reviewedBy: reviewer, reviewedAt: at.toISOString() } : record));
}

/** A rejected case is kept only so extraction does not propose it again: its facts are no longer reviewed. */
export function assertReviewable(snapshot: CaseSnapshot, path = 'input.caseReportId'): void {
  if (snapshot.curationStatus === CurationStatus.REJECTED) throw BadUserInputError.field(path, 'the case was rejected; its facts can no longer be changed (undo the rejection first)');
}
