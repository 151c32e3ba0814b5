import type { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-reports/case-report.enums';
import type { TermKind } from '../vocabulary/term-kind.enum';

/**
 * The contract between the pure extraction rules (src/extraction, no database) and the service that
 * stores their proposals as SUGGESTED case reports. Everything a rule proposes carries its evidence.
 */

/** Where a fact was read. */
export type EvidenceField = 'title' | 'abstract' | 'mesh' | 'keyword' | 'publicationType';

/** How a fact was obtained. CURATOR is never produced by the rules; it marks a curator's own entry. */
export type ExtractionMethod = 'MESH_MAPPING' | 'TEXT_RULE' | 'CURATOR';

export interface Evidence {
  field: EvidenceField;
  /** Character offsets into the field's text (for mesh/keyword/publicationType: into that one heading's label). [start, end). */
  start: number;
  end: number;
  /** The exact substring field[start, end). */
  text: string;
  /** The sentence holding it (for mesh/keyword/publicationType: the heading itself). */
  sentence: string;
  method: ExtractionMethod;
  /** 0..1. */
  confidence: number;
}

/** What the rules read from one publication. */
export interface ExtractionInput {
  title: string;
  abstract: string | null;
  meshHeadings: { descriptorUi: string | null; label: string; majorTopic?: boolean }[];
  publicationTypes: string[];
  keywords: string[];
  /** ISO 639-2 as PubMed gives it ("eng"), or a name; null when unknown. */
  language: string | null;
}

/** A vocabulary term as the rules see it (the caller passes the whole vocabulary, curated and MeSH-seeded). */
export interface VocabularyEntry {
  key: string;
  kind: TermKind;
  label: string;
  synonyms: string[];
  meshUi: string | null;
  /** Key of the parent term of the same kind, or null. */
  parentKey: string | null;
  /**
   * Optional: where the term comes from. A curated term wins over a MeSH-seeded term with the same
   * meshUi and kind (the seeded term's label and synonyms then point at the curated term). Without
   * it, the earlier entry in the list wins.
   */
  source?: 'curated' | 'mesh';
}

export interface ProposedValue<T> {
  value: T;
  evidence: Evidence;
}

export interface ProposedTerm {
  /** Vocabulary key (unique within its kind). */
  termKey: string;
  kind: TermKind;
  evidence: Evidence;
}

export interface ProposedProcedure extends ProposedTerm {
  bloodVolumeMl: ProposedValue<number> | null;
  /** e.g. "L3-L4", "T12". */
  vertebralLevel: ProposedValue<string> | null;
  /** 1 for the first attempt, 2 for a repeat ("second blood patch"). */
  attemptNumber: ProposedValue<number> | null;
}

export interface ProposedComplication extends ProposedTerm {
  /** Hours from the procedure it followed to the first symptom. */
  onsetHours: ProposedValue<number> | null;
  /** Index into the patient's `procedures` of the procedure it followed, when the text says so. */
  procedureIndex: number | null;
  /** How it was diagnosed ("MRI", "CT"), as written. */
  diagnosis: ProposedValue<string> | null;
}

export interface ProposedTreatment extends ProposedTerm {
  /** Index into the patient's `complications`, when known. */
  complicationIndex: number | null;
}

export interface ProposedPatient {
  /** "Case 1", "Patient 2", or "Case" for a single report. */
  label: string;
  ageYears: ProposedValue<number> | null;
  sex: ProposedValue<Sex> | null;
  pregnancyStatus: ProposedValue<PregnancyStatus> | null;
  anticoagulation: ProposedValue<Anticoagulation> | null;
  comorbidities: ProposedTerm[];
  procedures: ProposedProcedure[];
  complications: ProposedComplication[];
  symptoms: ProposedTerm[];
  treatments: ProposedTreatment[];
  outcome: ProposedValue<Outcome> | null;
  timeToResolutionDays: ProposedValue<number> | null;
}

/** What kind of study the record reports, as far as the rules can tell. */
export type StudyKind = 'CASE_REPORT' | 'CASE_SERIES' | 'NOT_INDIVIDUAL_PATIENTS' | 'UNKNOWN';

export interface ExtractionResult {
  studyKind: StudyKind;
  /** Empty for reviews, trials, cohort and other studies unless the text clearly reports an individual patient. */
  patients: ProposedPatient[];
  /** Version of the rules, stored with every proposal so a re-run can tell what produced it. */
  rulesVersion: string;
}
