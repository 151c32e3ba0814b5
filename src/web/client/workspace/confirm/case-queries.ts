/** The GraphQL documents of the confirm view, and the shapes it reads. */
import type { ChangeSince } from './conflict-message';

export interface Term {
  id: string;
  key: string;
  label: string;
}

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
  sentence: string;
  method: string;
}

export interface FactRecord {
  path: string;
  value: string | null;
  status: 'SUGGESTED' | 'ACCEPTED' | 'CORRECTED' | 'REJECTED';
  evidence: Evidence | null;
  reviewedBy: string | null;
}

export interface PatientCase {
  id: string;
  label: string;
  version: number;
  curationStatus: 'SUGGESTED' | 'CURATED' | 'REJECTED';
  ageYears: number | null;
  sex: string;
  pregnancyStatus: string;
  outcome: string;
  procedures: { term: Term; bloodVolumeMl: number | null }[];
  complications: { term: Term; onsetHours: number | null; symptoms: Term[] }[];
  treatments: { term: Term }[];
  comorbidities: Term[];
  facts: FactRecord[];
}

export interface CasePublication {
  id: string;
  title: string | null;
  abstract: string | null;
  caseReports: PatientCase[];
}

/** A change in a case's history: what a conflict lists (ChangeSince), with its id, undo link and evidence. */
export interface CaseChange extends ChangeSince {
  id: string;
  undoesChangeId: string | null;
  evidence: { text: string } | null;
}

const TERM = 'id key label';
export const CASE_FIELDS = `id label version curationStatus ageYears sex pregnancyStatus outcome
  procedures { term { ${TERM} } bloodVolumeMl }
  complications { term { ${TERM} } onsetHours symptoms { ${TERM} } }
  treatments { term { ${TERM} } }
  comorbidities { ${TERM} }
  facts { path value status reviewedBy evidence { field start end text sentence method } }`;

export const PUBLICATION_CASES_QUERY = `query ConfirmCases($id: ID!) { publication(id: $id) { id title abstract caseReports { ${CASE_FIELDS} } } }`;

export const REVIEW_FACT_MUTATION = `mutation ReviewFact($input: ReviewCaseFactInput!) { reviewCaseFact(input: $input) { ${CASE_FIELDS} } }`;

export const ADD_FACT_MUTATION = `mutation AddFact($input: AddCaseFactInput!) { addCaseFact(input: $input) { ${CASE_FIELDS} } }`;

export const CONFIRM_MUTATION = `mutation ConfirmCase($id: ID!, $version: Int) { confirmCaseReport(id: $id, expectedVersion: $version) { ${CASE_FIELDS} } }`;

export const REJECT_CASE_MUTATION = `mutation RejectCase($id: ID!, $version: Int) { rejectCaseReport(id: $id, expectedVersion: $version) { id } }`;

export const SPLIT_MUTATION = `mutation SplitCase($input: SplitCaseReportInput!) { splitCaseReport(input: $input) { id } }`;

export const MERGE_MUTATION = `mutation MergeCases($input: MergeCaseReportsInput!) { mergeCaseReports(input: $input) { id } }`;

export const CREATE_CASE_MUTATION = `mutation AddPatient($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }`;

export const UNDO_MUTATION = `mutation UndoChange($id: ID!, $version: Int) { undoCaseChange(changeId: $id, expectedVersion: $version) { id } }`;

export const HISTORY_QUERY = `query CaseHistory($id: ID!) { caseHistory(caseReportId: $id, first: 50) { totalCount edges { node {
  id version operation path oldValue newValue changedBy changedAt undoesChangeId evidence { text } } } } }`;

export const TYPEAHEAD_QUERY = `query Typeahead($kind: TermKind!, $prefix: String!) { vocabularyTypeahead(kind: $kind, prefix: $prefix, first: 8) { ${TERM} } }`;
