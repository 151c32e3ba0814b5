/**
 * Result cards of publication search: every imported record, with or without case reports. Each
 * card says in words whether the publication has case reports and whether a curator confirmed them.
 */
import { h } from '../dom';
import { authorList, unknownSourceNote } from '../labels';
import type { PublicationHitData } from '../queries';
import { fieldLabel, ResultHandlers, snippetElement } from './results-view';
import { titleNodes } from '../title';

export interface CaseCounts {
  curated: number;
  suggested: number;
}

/** How many of a publication's cases are curated and how many only suggested (rejected ones are not cases). */
export function caseCounts(caseReports: readonly { curationStatus: string }[]): CaseCounts {
  return {
    curated: caseReports.filter((item) => item.curationStatus === 'CURATED').length,
    suggested: caseReports.filter((item) => item.curationStatus === 'SUGGESTED').length,
  };
}

/** The status badges' words: "No case reports", "Curated cases: 2", "Suggested cases: 1". */
export function caseStatusLabels(counts: CaseCounts): { status: 'NONE' | 'CURATED' | 'SUGGESTED'; text: string }[] {
  const labels: { status: 'NONE' | 'CURATED' | 'SUGGESTED'; text: string }[] = [];
  if (counts.curated) labels.push({ status: 'CURATED', text: `Curated cases: ${counts.curated}` });
  if (counts.suggested) labels.push({ status: 'SUGGESTED', text: `Suggested cases: ${counts.suggested}` });
  if (!labels.length) labels.push({ status: 'NONE', text: 'No case reports' });
  return labels;
}

export function renderPublicationHit(hit: PublicationHitData, handlers: ResultHandlers): HTMLElement {
  const publication = hit.node.publication;
  const titleId = `pub-${publication.id}`;
  const titleSnippet = hit.node.highlights.find((highlight) => highlight.field === 'title')?.snippets[0];
  const title = h('h3', { id: titleId, class: 'hit-title' }, titleNodes(publication, titleSnippet ? snippetElement(titleSnippet, false) : null));

  const cases = publication.caseReports.filter((item) => item.curationStatus !== 'REJECTED');
  const status = h(
    'p',
    { class: 'hit-status publication-status' },
    h('span', { class: 'visually-hidden' }, 'Case reports: '),
    caseStatusLabels(caseCounts(cases)).flatMap((label, index) => [index ? ' ' : null, h('span', { class: `badge badge-${label.status.toLowerCase()}`, 'data-status': label.status }, label.text)]),
  );

  const citation = h(
    'p',
    { class: 'hit-citation' },
    h('span', { class: 'hit-authors' }, authorList(publication.authors)),
    publication.journal ? [' · ', h('cite', {}, publication.journal)] : null,
    publication.year ? ` · ${publication.year}` : null,
    unknownSourceNote(publication) ? [' · ', h('span', { class: 'title-status' }, unknownSourceNote(publication))] : null,
    publication.pmid ? ` · PMID ${publication.pmid}` : null,
  );
  const types = publication.publicationTypes.length ? h('p', { class: 'publication-types' }, `Publication type: ${publication.publicationTypes.join(', ')}`) : null;

  const caseLinks = cases.length
    ? h(
        'p',
        { class: 'publication-cases' },
        'Cases: ',
        cases.flatMap((item, index) => {
          const link = h('a', { href: handlers.caseHref(item.id), 'data-case-id': item.id, 'data-focus-key': `case:${item.id}`, class: 'case-link' }, item.label);
          link.addEventListener('click', (event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
            event.preventDefault();
            handlers.openCase(item.id);
          });
          return [index ? ', ' : null, link, item.curationStatus === 'SUGGESTED' ? ' (suggested)' : null];
        }),
      )
    : null;

  const snippets = hit.node.highlights
    .filter((highlight) => highlight.field !== 'title')
    .flatMap((highlight) => highlight.snippets.map((snippet) => ({ field: highlight.field, snippet })))
    .slice(0, 3);
  const snippetList = snippets.length
    ? h(
        'ul',
        { class: 'hit-snippets', role: 'list' },
        snippets.map(({ field, snippet }) => h('li', {}, h('span', { class: 'snippet-field' }, `${fieldLabel(field)}: `), snippetElement(snippet))),
      )
    : null;

  return h(
    'li',
    { class: 'hit publication-hit', 'data-publication-id': publication.id },
    h('article', { 'aria-labelledby': titleId, class: 'hit-card' }, title, status, citation, types, caseLinks, snippetList),
  );
}
