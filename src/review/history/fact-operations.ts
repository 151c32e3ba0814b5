import { BadUserInputError } from '../../common/errors/domain-error';
import { applyFactReview, parseFactPath } from '../../case-reports/curation/case-fact-review';
import { FactReviewAction, FactStatus } from '../../case-reports/curation.enums';
import { CaseFactRecord, FactEvidence } from '../../case-reports/entities/case-fact-record';
import { CaseSnapshot } from './case-snapshot';
import { isQuantity, normaliseQuantity } from './quantities';

/** The last named part of a fact path: "procedures.0.bloodVolumeMl" → bloodVolumeMl, "sex" → sex. */
export function leafOf(path: string): string {
  const named = path.split('.').filter((part) => !/^\d+$/.test(part));
  return named[named.length - 1] ?? path;
}

/**
 * A corrected value as the case stores it: numbers with units become the stored unit ("3 months" for
 * ageYears → 0.25); other values pass unchanged (terms and enum values are checked when written).
 */
export function normaliseCorrection(path: string, value: string | null | undefined, unit: string | null | undefined): string | null | undefined {
  const leaf = leafOf(path);
  const known = parseFactPath(path);
  if (isQuantity(leaf) && known) return String(normaliseQuantity(leaf, value, unit));
  // A path that names no fact is the error to report (the review rules name it), not the unit given with it.
  if (unit && unit.trim() && known) throw BadUserInputError.field('input.unit', `${path} takes no unit`);
  return value;
}

export interface FactChange {
  path: string;
  value?: string | null;
  unit?: string | null;
  reviewer: string;
  at: Date;
}

/** Accept, correct (units normalised) or reject one fact: the existing review rules on a snapshot. */
export function reviewFact(snapshot: CaseSnapshot, action: FactReviewAction, change: FactChange): CaseSnapshot {
  const value = action === FactReviewAction.CORRECT ? normaliseCorrection(change.path, change.value, change.unit) : change.value;
  const { next, records } = applyFactReview(snapshot, snapshot.facts, { path: change.path, action, value, reviewer: change.reviewer, at: change.at });
  return { ...next, curationStatus: snapshot.curationStatus, facts: records };
}

const APPENDABLE = /^(comorbidities|procedures|complications|treatments)$|^complications\.(\d{1,3})\.symptoms$/;

/**
 * A fact the extraction missed, with the words a curator selected as its evidence. The path names a
 * value to set ("ageYears", "procedures.0.bloodVolumeMl") or a list to add a term to ("complications",
 * "procedures", "treatments", "comorbidities", "complications.0.symptoms").
 */
export function addFact(snapshot: CaseSnapshot, change: FactChange & { evidence: FactEvidence }): { next: CaseSnapshot; path: string } {
  const stamp = { reviewedBy: change.reviewer, reviewedAt: change.at.toISOString() };
  const append = APPENDABLE.exec(change.path);
  if (!append) {
    if (!parseFactPath(change.path) || /^(comorbidities|procedures|complications|treatments)\.\d+$/.test(change.path)) {
      throw BadUserInputError.field('input.path', `"${change.path.slice(0, 100)}" names no fact to add: give a value's path (ageYears, procedures.0.bloodVolumeMl) or a list to add a term to (complications, procedures, treatments, comorbidities, complications.0.symptoms)`);
    }
    const corrected = reviewFact(snapshot, FactReviewAction.CORRECT, change);
    const record = corrected.facts.find((r) => r.path === change.path) as CaseFactRecord;
    const facts = corrected.facts.map((r) => (r === record ? { ...record, status: FactStatus.ACCEPTED, evidence: change.evidence, ...stamp } : r));
    return { next: { ...corrected, facts }, path: change.path };
  }
  const ref = change.value?.trim();
  if (!ref) throw BadUserInputError.field('input.value', `adding to ${change.path} needs a term (key, MeSH UI or id)`);
  if (change.unit?.trim()) throw BadUserInputError.field('input.unit', `${change.path} takes a term, not a unit`);
  const next = structuredClone(snapshot);
  let path: string;
  if (append[2] !== undefined) {
    const complication = next.complications[Number(append[2])];
    if (!complication) throw BadUserInputError.field('input.path', `the case has ${next.complications.length} complications: there is no ${change.path}`);
    complication.symptoms.push(ref);
    path = `${change.path}.${complication.symptoms.length - 1}`;
  } else if (append[1] === 'comorbidities') {
    next.comorbidities.push(ref);
    path = `comorbidities.${next.comorbidities.length - 1}`;
  } else if (append[1] === 'procedures') {
    next.procedures.push({ term: ref, details: null, bloodVolumeMl: null, vertebralLevel: null, attemptNumber: null, imageGuidance: null, needleGauge: null });
    path = `procedures.${next.procedures.length - 1}`;
  } else if (append[1] === 'complications') {
    // A complication follows the case's only procedure when there is exactly one.
    next.complications.push({ term: ref, procedureIndex: next.procedures.length === 1 ? 0 : null, onsetHours: null, diagnosis: null, details: null, symptoms: [] });
    path = `complications.${next.complications.length - 1}`;
  } else {
    next.treatments.push({ term: ref, complicationIndex: next.complications.length === 1 ? 0 : null, details: null });
    path = `treatments.${next.treatments.length - 1}`;
  }
  next.facts = [...next.facts.filter((r) => r.path !== path), { path, value: ref, status: FactStatus.ACCEPTED, evidence: change.evidence, ...stamp }];
  return { next, path };
}
