/** Result cards and the pager. */
import { h } from '../dom';
import { parseSnippet } from '../highlight';
import { authorList, enumLabel, formatAge, unknownSourceNote } from '../labels';
import type { HitData } from '../queries';
import { titleNodes } from '../title';

export interface ResultHandlers {
  caseHref(caseId: string): string;
  openCase(caseId: string): void;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  abstract: 'Abstract',
  summary: 'Case summary',
  narrative: 'Case summary',
  outcomeDetails: 'Outcome',
  terms: 'Terms',
};

export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const last = field.split('.').pop() ?? field;
  if (FIELD_LABELS[last]) return FIELD_LABELS[last];
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A snippet as text nodes and <mark> elements (never innerHTML), with an ellipsis where it cuts into a sentence. */
export function snippetElement(snippet: string, ellipses = true): HTMLElement {
  const element = h('span', { class: 'snippet-text' });
  const segments = parseSnippet(snippet);
  if (ellipses && segments.length && /^[a-z,;:)]/.test(segments[0].text)) element.append('… ');
  for (const segment of segments) element.append(segment.marked ? h('mark', {}, segment.text) : document.createTextNode(segment.text));
  const last = segments[segments.length - 1];
  if (ellipses && last && !last.marked && !/[.!?…)\]]\s*$/.test(last.text)) element.append(' …');
  return element;
}

/** Every case says whether a curator confirmed it: "Suggested" (proposed by extraction) or "Curated", in words, not colour alone. */
export function curationBadge(curationStatus: string | undefined): HTMLElement | null {
  if (curationStatus === 'SUGGESTED') {
    return h('p', { class: 'hit-status', 'data-status': 'SUGGESTED' }, h('span', { class: 'badge badge-suggested' }, 'Suggested'), h('span', { class: 'hit-status-note' }, ' proposed automatically, not yet confirmed by a curator'));
  }
  if (curationStatus === 'CURATED') return h('p', { class: 'hit-status', 'data-status': 'CURATED' }, h('span', { class: 'badge badge-curated' }, 'Curated'));
  return null;
}

function unique(labels: string[]): string[] {
  return [...new Set(labels)];
}

function fact(term: string, value: string | Node): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', {}, term), h('dd', {}, value));
}

export function renderHit(hit: HitData, handlers: ResultHandlers): HTMLElement {
  const report = hit.node.caseReport;
  const publication = report.publication;
  const titleId = `hit-${report.id}`;
  const link = h('a', { href: handlers.caseHref(report.id), 'data-case-id': report.id, 'data-focus-key': `case:${report.id}`, class: 'hit-link' }, titleNodes(publication));
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    handlers.openCase(report.id);
  });
  const seriesSize = publication.caseReports?.length ?? 1;
  const status = curationBadge(report.curationStatus);
  const citation = h(
    'p',
    { class: 'hit-citation' },
    h('span', { class: 'hit-authors' }, authorList(publication.authors)),
    publication.journal ? [' · ', h('cite', {}, publication.journal)] : null,
    publication.year ? ` · ${publication.year}` : null,
    unknownSourceNote(publication) ? [' · ', h('span', { class: 'title-status' }, unknownSourceNote(publication))] : null,
    seriesSize > 1 ? h('span', { class: 'hit-series' }, ` · ${report.label} of a ${seriesSize}-case series`) : null,
  );
  const patient = [formatAge(report.ageYears), enumLabel(report.sex), report.pregnancyStatus === 'UNKNOWN' ? 'pregnancy status unknown' : enumLabel(report.pregnancyStatus)].join(', ');
  const complications = unique(report.complications.map((item) => item.term.label));
  const treatments = unique(report.treatments.map((item) => item.term.label));
  const facts = h(
    'dl',
    { class: 'hit-facts' },
    fact('Patient', patient),
    fact(complications.length === 1 ? 'Complication' : 'Complications', complications.join(', ') || 'none recorded'),
    fact(treatments.length === 1 ? 'Treatment' : 'Treatments', treatments.join(', ') || 'not reported'),
    fact('Outcome', h('span', { class: `outcome outcome-${report.outcome.toLowerCase().replace(/_/g, '-')}` }, enumLabel(report.outcome))),
  );
  const snippets = hit.node.highlights.flatMap((highlight) => highlight.snippets.map((snippet) => ({ field: highlight.field, snippet }))).slice(0, 3);
  const snippetList = snippets.length
    ? h(
        'ul',
        { class: 'hit-snippets', role: 'list' },
        snippets.map(({ field, snippet }) => h('li', {}, h('span', { class: 'snippet-field' }, `${fieldLabel(field)}: `), snippetElement(snippet, field !== 'title'))),
      )
    : null;
  return h('li', { class: 'hit' }, h('article', { 'aria-labelledby': titleId, class: 'hit-card' }, h('h3', { id: titleId, class: 'hit-title' }, link), status, citation, facts, snippetList));
}

export interface PagerModel {
  page: number;
  previousHref: string | null;
  nextHref: string | null;
  onPrevious(): void;
  onNext(): void;
}

export function renderPager(model: PagerModel): HTMLElement[] {
  if (!model.previousHref && !model.nextHref) return [];
  const link = (href: string | null, label: string, rel: string, action: () => void, key: string) =>
    href
      ? h(
          'a',
          {
            href,
            rel,
            class: 'pager-link',
            'data-focus-key': key,
            onclick: (event: Event) => {
              const mouse = event as MouseEvent;
              if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
              event.preventDefault();
              action();
            },
          },
          label,
        )
      : h('span', { class: 'pager-link is-disabled', 'aria-hidden': 'true' }, label);
  return [link(model.previousHref, '← Previous page', 'prev', model.onPrevious, 'pager:prev'), h('span', { class: 'pager-page' }, `Page ${model.page}`), link(model.nextHref, 'Next page →', 'next', model.onNext, 'pager:next')];
}
