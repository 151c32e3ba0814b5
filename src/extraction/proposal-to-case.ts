import { CaseFactRecord, FactEvidence } from '../case-reports/entities/case-fact-record';
import { FactStatus } from '../case-reports/curation.enums';
import { CreateCaseReportInput } from '../case-reports/inputs/case-report.input';
import { Evidence, ProposedPatient } from './extraction.types';

/** A proposed patient as the case-reports module takes it: a create input (terms by key) and its fact records. */
export interface CaseProposal {
  input: CreateCaseReportInput;
  facts: CaseFactRecord[];
}

const evidenceOf = (evidence: Evidence): FactEvidence => ({ ...evidence });

/**
 * Pure: one proposed patient -> the case to store as SUGGESTED. Every stored value gets a record
 * (path, value, SUGGESTED, evidence). Symptoms are stored on the patient's first complication (the
 * model links symptoms to a complication); a patient without a complication keeps no symptoms.
 * A vocabulary term proposed twice in one list is kept once (first evidence wins).
 */
export function caseProposalOf(patient: ProposedPatient, publicationId: string): CaseProposal {
  const facts: CaseFactRecord[] = [];
  const record = (path: string, value: string | number | null, evidence: Evidence) => facts.push({ path, value: value === null ? null : String(value), status: FactStatus.SUGGESTED, evidence: evidenceOf(evidence), reviewedBy: null, reviewedAt: null });
  const input: CreateCaseReportInput = {
    publicationId,
    label: patient.label.slice(0, 200) || 'Case',
    sex: patient.sex?.value ?? ('UNKNOWN' as never),
    pregnancyStatus: patient.pregnancyStatus?.value ?? ('UNKNOWN' as never),
    anticoagulation: patient.anticoagulation?.value ?? ('UNKNOWN' as never),
    outcome: patient.outcome?.value ?? ('UNKNOWN' as never),
    ageYears: patient.ageYears?.value ?? null,
    timeToResolutionDays: patient.timeToResolutionDays?.value ?? null,
    comorbidities: [],
    procedures: [],
    complications: [],
    treatments: [],
  };
  for (const key of ['ageYears', 'sex', 'pregnancyStatus', 'anticoagulation', 'outcome', 'timeToResolutionDays'] as const) {
    const proposed = patient[key];
    if (proposed) record(key, proposed.value as string | number, proposed.evidence);
  }
  const seen = (list: string) => {
    const keys = new Set<string>();
    return (key: string) => (keys.has(key) ? false : (keys.add(key), true));
  };
  const newComorbidity = seen('comorbidities');
  for (const term of patient.comorbidities) {
    if (!newComorbidity(term.termKey)) continue;
    record(`comorbidities.${input.comorbidities!.length}`, term.termKey, term.evidence);
    input.comorbidities!.push(term.termKey);
  }
  patient.procedures.forEach((procedure, index) => {
    record(`procedures.${index}`, procedure.termKey, procedure.evidence);
    if (procedure.bloodVolumeMl) record(`procedures.${index}.bloodVolumeMl`, procedure.bloodVolumeMl.value, procedure.bloodVolumeMl.evidence);
    if (procedure.vertebralLevel) record(`procedures.${index}.vertebralLevel`, procedure.vertebralLevel.value, procedure.vertebralLevel.evidence);
    if (procedure.attemptNumber) record(`procedures.${index}.attemptNumber`, procedure.attemptNumber.value, procedure.attemptNumber.evidence);
    input.procedures!.push({
      term: procedure.termKey,
      bloodVolumeMl: procedure.bloodVolumeMl?.value ?? null,
      vertebralLevel: procedure.vertebralLevel?.value.slice(0, 32) ?? null,
      attemptNumber: procedure.attemptNumber?.value ?? null,
    });
  });
  const newComplication = seen('complications');
  const complicationIndex = new Map<number, number>();
  patient.complications.forEach((complication, proposedIndex) => {
    if (!newComplication(complication.termKey)) return;
    const index = input.complications!.length;
    complicationIndex.set(proposedIndex, index);
    record(`complications.${index}`, complication.termKey, complication.evidence);
    if (complication.onsetHours) record(`complications.${index}.onsetHours`, complication.onsetHours.value, complication.onsetHours.evidence);
    if (complication.diagnosis) record(`complications.${index}.diagnosis`, complication.diagnosis.value, complication.diagnosis.evidence);
    const procedureIndex = complication.procedureIndex !== null && complication.procedureIndex < patient.procedures.length ? complication.procedureIndex : null;
    input.complications!.push({ term: complication.termKey, procedureIndex, onsetHours: complication.onsetHours?.value ?? null, diagnosis: complication.diagnosis?.value ?? null, symptoms: [] });
  });
  if (input.complications!.length) {
    const newSymptom = seen('symptoms');
    for (const symptom of patient.symptoms) {
      if (!newSymptom(symptom.termKey)) continue;
      const symptoms = input.complications![0].symptoms as string[];
      record(`complications.0.symptoms.${symptoms.length}`, symptom.termKey, symptom.evidence);
      symptoms.push(symptom.termKey);
    }
  }
  const newTreatment = seen('treatments');
  for (const treatment of patient.treatments) {
    if (!newTreatment(treatment.termKey)) continue;
    const index = input.treatments!.length;
    record(`treatments.${index}`, treatment.termKey, treatment.evidence);
    const linked = treatment.complicationIndex === null ? undefined : complicationIndex.get(treatment.complicationIndex);
    input.treatments!.push({ term: treatment.termKey, complicationIndex: linked ?? null });
  }
  return { input, facts };
}
