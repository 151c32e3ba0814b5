/**
 * What a proposed (SUGGESTED) case rests on: each fact the extraction proposed, with the sentence it
 * came from and the exact words marked, where they were found (title, abstract, MeSH…), how
 * (a text rule, a MeSH mapping, a curator) and its review state. Rejected facts are not facts and
 * are only counted. Everything is text nodes and <mark> elements built here, never HTML of data.
 */
import { h } from '../dom';
import { evidenceSegments } from '../highlight';
import { enumLabel, formatAge } from '../labels';
import type { CaseDetailData, CaseFactData } from '../queries';

const PATH_LABELS: Record<string, string> = {
  ageYears: 'Age',
  ageGroup: 'Age group',
  sex: 'Sex',
  pregnancyStatus: 'Pregnancy status',
  anticoagulation: 'Anticoagulation',
  outcome: 'Outcome',
  outcomeDetails: 'Outcome details',
  timeToResolutionDays: 'Time to resolution (days)',
  followUpDays: 'Follow-up (days)',
  procedures: 'Procedure',
  complications: 'Complication',
  treatments: 'Treatment',
  comorbidities: 'Comorbidity',
  symptoms: 'Symptom',
  bloodVolumeMl: 'blood volume (mL)',
  onsetHours: 'onset (hours)',
  vertebralLevel: 'vertebral level',
  needleGauge: 'needle gauge',
  imageGuidance: 'image guidance',
  attemptNumber: 'attempt',
  term: 'term',
};

const FIELD_LABELS: Record<string, string> = {
  title: 'the title',
  abstract: 'the abstract',
  mesh: 'a MeSH heading',
  keyword: 'a keyword',
  publicationType: 'the publication type',
};

const METHOD_LABELS: Record<string, string> = {
  TEXT_RULE: 'text rule',
  MESH_MAPPING: 'MeSH mapping',
  CURATOR: 'curator',
};

const STATUS_LABELS: Record<string, string> = {
  SUGGESTED: 'Suggested',
  ACCEPTED: 'Accepted',
  CORRECTED: 'Corrected',
  REJECTED: 'Rejected',
};

function words(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return spaced;
}

/** "procedures.1.bloodVolumeMl" -> "Procedure 2: blood volume (mL)"; "ageYears" -> "Age". */
export function factPathLabel(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index];
    if (/^\d+$/.test(part)) {
      out[out.length - 1] = `${out[out.length - 1]} ${Number(part) + 1}`;
      continue;
    }
    out.push(PATH_LABELS[part] ?? words(part));
  }
  const label = out.join(': ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A fact's value as a reader reads it: enum values by their label, term keys as words, an age in years or months. */
export function factValueLabel(value: string | null, path = ''): string {
  if (value === null || value === '') return 'not given';
  if (path === 'ageYears' && /^\d+(\.\d+)?$/.test(value)) return formatAge(Number(value));
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) return enumLabel(value);
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(value)) return value.replace(/-/g, ' ');
  return value;
}

export function evidenceFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? words(field);
}

export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? words(method);
}

export function factStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? enumLabel(status);
}

/** The facts to show as facts: every one but the rejected. */
export function shownFacts(facts: readonly CaseFactData[]): CaseFactData[] {
  return facts.filter((fact) => fact.status !== 'REJECTED');
}

/** The notice over a case that extraction proposed and no curator has confirmed yet. */
export function renderSuggestedNotice(data: CaseDetailData): HTMLElement | null {
  if (data.curationStatus !== 'SUGGESTED') return null;
  return h(
    'div',
    { class: 'notice notice-suggested', 'data-state': 'suggested-case', role: 'note' },
    h('p', { class: 'notice-title' }, h('span', { class: 'badge badge-suggested' }, 'Suggested'), ' Proposed automatically from the abstract; not yet confirmed by a curator.'),
    h('p', {}, 'Each fact below shows the sentence it was taken from. Check them against the publication before relying on them.', data.extractionRulesVersion ? ` Extraction rules ${data.extractionRulesVersion}.` : ''),
  );
}

function sourceText(data: CaseDetailData, field: string): string | null {
  if (field === 'abstract') return data.publication.abstract;
  if (field === 'title') return data.publication.title;
  return null;
}

function evidenceQuote(data: CaseDetailData, fact: CaseFactData): HTMLElement | null {
  const evidence = fact.evidence;
  if (!evidence) return null;
  const quote = h('blockquote', { class: 'evidence-sentence' });
  const segments = evidenceSegments(evidence, sourceText(data, evidence.field));
  for (const segment of segments) quote.append(segment.marked ? h('mark', {}, segment.text) : document.createTextNode(segment.text));
  if (!segments.some((segment) => segment.marked) && evidence.text) quote.append(' (', h('mark', {}, evidence.text), ')');
  return quote;
}

function factItem(data: CaseDetailData, fact: CaseFactData, index: number): HTMLElement {
  const evidence = fact.evidence;
  const id = `fact-${index}`; // stable hook for tests and links to one fact
  const status = fact.status;
  const review =
    status === 'SUGGESTED' ? null : `${factStatusLabel(status)}${fact.reviewedBy ? ` by ${fact.reviewedBy}` : ''}${fact.reviewedAt ? ` on ${fact.reviewedAt.slice(0, 10)}` : ''}`;
  return h(
    'li',
    { class: 'evidence-fact', 'data-path': fact.path, 'data-status': status },
    h(
      'p',
      { class: 'evidence-head', id },
      h('strong', {}, factPathLabel(fact.path)),
      ': ',
      h('span', { class: 'evidence-value' }, factValueLabel(fact.value, fact.path)),
      ' ',
      h('span', { class: `badge badge-${status.toLowerCase()}` }, factStatusLabel(status)),
    ),
    evidenceQuote(data, fact),
    h(
      'p',
      { class: 'evidence-source' },
      evidence
        ? `From ${evidenceFieldLabel(evidence.field)}, by ${methodLabel(evidence.method)} (confidence ${Math.round(evidence.confidence * 100)}%)`
        : 'Entered by a curator, without a quoted sentence',
      review ? ` · ${review}` : '',
      '.',
    ),
  );
}

/** The "Evidence" section: null for a case without recorded facts (entered by hand). */
export function renderEvidence(data: CaseDetailData): HTMLElement | null {
  const facts = data.facts ?? [];
  if (!facts.length) return null;
  const shown = shownFacts(facts);
  const rejected = facts.length - shown.length;
  return h(
    'section',
    { class: 'case-section case-evidence', 'aria-labelledby': 'case-evidence' },
    h('h3', { id: 'case-evidence' }, 'Facts and their evidence'),
    shown.length ? h('ol', { class: 'evidence-list', role: 'list' }, shown.map((fact, index) => factItem(data, fact, index))) : h('p', {}, 'No fact of this case stands: a curator rejected them all.'),
    rejected ? h('p', { class: 'evidence-rejected' }, `${rejected} proposed ${rejected === 1 ? 'fact was' : 'facts were'} rejected by a curator and ${rejected === 1 ? 'is' : 'are'} not shown.`) : null,
  );
}
