/**
 * One proposed patient in the confirm view: each fact beside the sentence it came from, with accept,
 * correct and reject; the patient's own actions (mark curated, history, split, merge, reject). Pure
 * rendering: the actions are callbacks of the confirm view, which talks to the API.
 */
import { append, h } from '../../dom';
import { enumLabel } from '../../labels';
import type { FactRecord, PatientCase } from './case-queries';
import { displayFactValue, factKind } from './fact-kinds';

export interface PatientActions {
  focusFact(caseId: string, path: string | null): void;
  /** Focus moved into a patient: its evidence is the one marked. */
  showPatient(caseId: string): void;
  accept(patient: PatientCase, fact: FactRecord): void;
  startCorrect(patient: PatientCase, fact: FactRecord): void;
  reject(patient: PatientCase, fact: FactRecord): void;
  confirm(patient: PatientCase): void;
  showHistory(patient: PatientCase): void;
  split(patient: PatientCase, paths: string[]): void;
  merge(patient: PatientCase, otherId: string): void;
  rejectPatient(patient: PatientCase): void;
}

const STATUS_TEXT: Record<FactRecord['status'], string> = { SUGGESTED: 'Proposed', ACCEPTED: 'Accepted', CORRECTED: 'Corrected', REJECTED: 'Rejected' };
const CASE_STATUS_TEXT: Record<PatientCase['curationStatus'], string> = { SUGGESTED: 'Proposed, not confirmed yet', CURATED: 'Curated', REJECTED: 'Rejected' };
/** Whole facts the API's split moves: patient values and whole list items. */
const SPLITTABLE = /^(ageYears|sex|pregnancyStatus|anticoagulation|outcome|timeToResolutionDays|followUpDays)$|^(procedures|complications|treatments|comorbidities)\.\d+$/;

/** The label of the vocabulary term a fact path points at in the case, when it points at one. */
export function termLabelOf(patient: PatientCase, path: string): string | null {
  const [list, rawIndex, field, rawSub] = path.split('.');
  const index = Number(rawIndex);
  if (list === 'comorbidities' && field === undefined) return patient.comorbidities[index]?.label ?? null;
  if (list === 'procedures' && field === undefined) return patient.procedures[index]?.term.label ?? null;
  if (list === 'treatments' && field === undefined) return patient.treatments[index]?.term.label ?? null;
  if (list === 'complications' && field === undefined) return patient.complications[index]?.term.label ?? null;
  if (list === 'complications' && field === 'symptoms') return patient.complications[index]?.symptoms[Number(rawSub)]?.label ?? null;
  return null;
}

/** The sentence with the fact's own words marked (the evidence's words in their sentence). */
function sentenceWithWords(fact: FactRecord): (Node | string)[] {
  const evidence = fact.evidence;
  if (!evidence) return ['Entered without evidence.'];
  const at = evidence.sentence.indexOf(evidence.text);
  if (at < 0) return [evidence.sentence];
  return [evidence.sentence.slice(0, at), h('mark', {}, evidence.text), evidence.sentence.slice(at + evidence.text.length)];
}

function factItem(patient: PatientCase, fact: FactRecord, index: number, actions: PatientActions, correcting: Node | null): HTMLElement | null {
  const kind = factKind(fact.path);
  if (!kind) return null;
  const id = `fact-${patient.id}-${index}`;
  const value = displayFactValue(fact.path, fact.value, termLabelOf(patient, fact.path));
  const open = fact.status !== 'REJECTED' && patient.curationStatus !== 'REJECTED';
  const button = (text: string, action: string, onclick: () => void) =>
    h('button', { type: 'button', class: `small-button fact-${action}`, 'data-action': action, 'aria-describedby': `${id}-name`, onclick }, text);
  return h(
    'li',
    { class: `fact fact-${fact.status.toLowerCase()}`, 'data-path': fact.path, 'data-status': fact.status, onfocusin: () => actions.focusFact(patient.id, fact.path), onmouseenter: () => actions.focusFact(patient.id, fact.path) },
    h(
      'div',
      { class: 'fact-head' },
      SPLITTABLE.test(fact.path) && open ? h('input', { type: 'checkbox', id: `${id}-move`, class: 'fact-move', 'data-path': fact.path, 'aria-label': `Move ${kind.label} to a new patient` }) : null,
      h('span', { class: 'fact-name', id: `${id}-name` }, `${kind.label}: `, h('strong', { class: 'fact-value' }, value)),
      h('span', { class: `fact-status status-${fact.status.toLowerCase()}` }, STATUS_TEXT[fact.status], fact.reviewedBy ? ` by ${fact.reviewedBy}` : ''),
    ),
    h('p', { class: 'fact-sentence' }, h('span', { class: 'visually-hidden' }, 'From: '), ...sentenceWithWords(fact)),
    open ? h('div', { class: 'fact-actions', role: 'group', 'aria-label': `${kind.label}: review` }, button('Accept', 'accept', () => actions.accept(patient, fact)), button('Correct…', 'correct', () => actions.startCorrect(patient, fact)), button('Reject', 'reject', () => actions.reject(patient, fact))) : null,
    correcting,
  );
}

export interface PatientViewOptions {
  others: PatientCase[];
  /** The correction form, under the fact being corrected. */
  correcting: { path: string; form: Node } | null;
  history: Node | null;
}

export function patientView(patient: PatientCase, actions: PatientActions, options: PatientViewOptions): HTMLElement {
  const headingId = `patient-${patient.id}-heading`;
  const facts = patient.facts.filter((fact) => factKind(fact.path)).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const items = facts.map((fact, i) => factItem(patient, fact, i, actions, options.correcting?.path === fact.path ? options.correcting.form : null)).filter((item): item is HTMLElement => item !== null);
  const section = h('section', { class: 'patient', 'data-case-id': patient.id, 'data-status': patient.curationStatus, 'aria-labelledby': headingId, onfocusin: () => actions.showPatient(patient.id) });
  const mergeId = `merge-${patient.id}`;
  const mergeSelect = h('select', { id: mergeId }, ...options.others.map((other) => h('option', { value: other.id }, other.label)));
  const moveChecked = () => [...section.querySelectorAll<HTMLInputElement>('input.fact-move:checked')].map((box) => box.dataset.path as string);
  append(section, [
    h('h3', { id: headingId, class: 'patient-heading' }, patient.label, ' ', h('span', { class: `case-status case-status-${patient.curationStatus.toLowerCase()}` }, CASE_STATUS_TEXT[patient.curationStatus])),
    h('p', { class: 'patient-summary' }, `${enumLabel(patient.sex)} · ${patient.ageYears === null ? 'age unknown' : `${patient.ageYears} years`} · ${enumLabel(patient.pregnancyStatus)} · outcome ${enumLabel(patient.outcome).toLowerCase()} · version ${patient.version}`),
    items.length ? h('ul', { class: 'fact-list', 'aria-label': `Facts of ${patient.label}` }, ...items) : h('p', { class: 'no-facts' }, 'No proposed facts: add facts from words selected in the abstract.'),
    h(
      'div',
      { class: 'patient-actions', role: 'group', 'aria-label': `${patient.label}: actions` },
      patient.curationStatus !== 'CURATED' ? h('button', { type: 'button', class: 'primary-button', 'data-action': 'confirm', onclick: () => actions.confirm(patient) }, 'Mark curated') : null,
      h('button', { type: 'button', class: 'small-button', 'data-action': 'history', 'aria-expanded': options.history ? 'true' : 'false', onclick: () => actions.showHistory(patient) }, options.history ? 'Hide history' : 'History'),
      items.some((item) => item.querySelector('input.fact-move')) ? h('button', { type: 'button', class: 'small-button', 'data-action': 'split', onclick: () => actions.split(patient, moveChecked()) }, 'Split checked facts into a new patient') : null,
      patient.curationStatus === 'SUGGESTED' ? h('button', { type: 'button', class: 'small-button danger-button', 'data-action': 'reject-patient', onclick: () => actions.rejectPatient(patient) }, 'Not a patient: reject') : null,
    ),
    options.others.length
      ? h('div', { class: 'merge-row' }, h('label', { for: mergeId }, `Merge into ${patient.label}:`), mergeSelect, h('button', { type: 'button', class: 'small-button', 'data-action': 'merge', onclick: () => actions.merge(patient, mergeSelect.value) }, 'Merge'))
      : null,
    options.history,
  ]);
  return section;
}
