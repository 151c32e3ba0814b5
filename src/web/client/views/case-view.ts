/** The case detail: every fact of the patient, the full citation with DOI and PubMed links, the abstract, and the other cases of the publication. */
import { h } from '../dom';
import { authorList, enumLabel, formatAge, formatNumber } from '../labels';
import type { CaseDetailData } from '../queries';
import { renderEvidence, renderSuggestedNotice } from './evidence-view';
import { titleNodes, titleSentence } from '../title';

export interface CaseHandlers {
  back(): void;
  /** Copies the publication's citation; the page says whether it could. */
  copyCitation(text: string): void;
  caseHref(caseId: string): string;
  openCase(caseId: string): void;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

export function pmcUrl(pmcid: string): string {
  return `https://www.ncbi.nlm.nih.gov/pmc/articles/${encodeURIComponent(pmcid)}/`;
}

/** Vancouver-style source: "Case Rep Anesthesiol. 2020 Mar;2020(4):8925731." */
export function citationSource(publication: Pick<CaseDetailData['publication'], 'journal' | 'year' | 'month' | 'volume' | 'issue' | 'pages'>): string {
  const date = publication.year ? `${publication.year}${publication.month && publication.month >= 1 && publication.month <= 12 ? ` ${MONTHS[publication.month - 1]}` : ''}` : '';
  const location = `${publication.volume ?? ''}${publication.issue ? `(${publication.issue})` : ''}${publication.pages ? `:${publication.pages}` : ''}`;
  const source = [date, location].filter(Boolean).join(';');
  return [publication.journal ?? '', source].filter((part) => part !== '').map((part) => `${part.replace(/\.$/, '')}.`).join(' ');
}

function row(term: string, value: string | Node | null | undefined): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: 'fact' }, h('dt', {}, term), h('dd', {}, value));
}

function days(value: number | null): string | null {
  return value === null ? null : `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
}

function hours(value: number | null): string | null {
  if (value === null) return null;
  return value >= 48 ? `${formatNumber(value)} hours (${formatNumber(value / 24)} days)` : `${formatNumber(value)} ${value === 1 ? 'hour' : 'hours'}`;
}

function externalLink(href: string, label: string, description: string): HTMLElement {
  return h('a', { href, class: 'external-link', rel: 'noopener noreferrer', 'aria-label': `${label} (${description}, external site)` }, label);
}

export function renderCase(data: CaseDetailData, handlers: CaseHandlers): HTMLElement[] {
  const publication = data.publication;
  const back = h('button', { type: 'button', class: 'back-button', onclick: () => handlers.back() }, '← Back to results');
  const heading = h('h2', { id: 'case-title', class: 'case-title', tabindex: '-1' }, titleNodes(publication));
  const procedureName = (position: number) => {
    const procedure = data.procedures.find((item) => item.position === position);
    return procedure ? procedure.term.label : null;
  };

  const patient = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-patient' },
    h('h3', { id: 'case-patient' }, `Patient (${data.label})`),
    h(
      'dl',
      { class: 'case-facts' },
      row('Age', formatAge(data.ageYears)),
      row('Age group', enumLabel(data.ageGroup)),
      row('Sex', enumLabel(data.sex)),
      row('Pregnancy status', enumLabel(data.pregnancyStatus)),
      row('Anticoagulation', enumLabel(data.anticoagulation)),
      row('Comorbidities', data.comorbidities.map((item) => item.label).join(', ') || 'none reported'),
      row('Outcome', enumLabel(data.outcome)),
      row('Outcome details', data.outcomeDetails),
      row('Time to resolution', days(data.timeToResolutionDays)),
      row('Follow-up', days(data.followUpDays)),
    ),
    data.summary ? h('p', { class: 'case-summary' }, data.summary) : null,
  );

  const procedures = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-procedures' },
    h('h3', { id: 'case-procedures' }, 'Procedures, in order'),
    data.procedures.length
      ? h(
          'ol',
          { class: 'case-list' },
          [...data.procedures]
            .sort((a, b) => a.position - b.position)
            .map((procedure) => {
              const parts = [
                procedure.attemptNumber ? `attempt ${procedure.attemptNumber}` : null,
                procedure.bloodVolumeMl !== null ? `${formatNumber(procedure.bloodVolumeMl)} mL blood` : null,
                procedure.vertebralLevel ? `at ${procedure.vertebralLevel}` : null,
                procedure.imageGuidance ? `image guidance: ${procedure.imageGuidance}` : null,
                procedure.needleGauge ? `${procedure.needleGauge} G needle` : null,
              ].filter(Boolean);
              return h('li', {}, h('strong', {}, procedure.term.label), parts.length ? ` (${parts.join(', ')})` : null, procedure.details ? h('p', { class: 'detail' }, procedure.details) : null);
            }),
        )
      : h('p', {}, 'No procedures recorded.'),
  );

  const complications = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-complications' },
    h('h3', { id: 'case-complications' }, 'Complications'),
    data.complications.length ? null : h('p', {}, 'No complications recorded.'),
    h(
      'ul',
      { class: 'case-list', hidden: !data.complications.length },
      data.complications.map((complication) => {
        const after = complication.procedure ? procedureName(complication.procedure.position) : null;
        return h(
          'li',
          {},
          h('strong', {}, complication.term.label),
          h(
            'dl',
            { class: 'case-facts compact' },
            row('After', after),
            row('Onset', hours(complication.onsetHours)),
            row('Diagnosis', complication.diagnosis),
            row('Symptoms', complication.symptoms.map((symptom) => symptom.label).join(', ')),
          ),
          complication.details ? h('p', { class: 'detail' }, complication.details) : null,
        );
      }),
    ),
  );

  const treatments = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-treatments' },
    h('h3', { id: 'case-treatments' }, 'Treatment'),
    data.treatments.length
      ? h(
          'ul',
          { class: 'case-list' },
          data.treatments.map((treatment) => h('li', {}, h('strong', {}, treatment.term.label), treatment.details ? h('p', { class: 'detail' }, treatment.details) : null)),
        )
      : h('p', {}, 'Treatment not reported.'),
  );

  const links = [
    publication.doi ? externalLink(doiUrl(publication.doi), `doi:${publication.doi}`, 'the publisher') : null,
    publication.pmid ? externalLink(pubmedUrl(publication.pmid), `PubMed ${publication.pmid}`, 'PubMed') : null,
    publication.pmcid ? externalLink(pmcUrl(publication.pmcid), publication.pmcid, 'PubMed Central') : null,
  ].filter((link): link is HTMLElement => link !== null);
  const citationText = [`${authorList(publication.authors, true)}.`, titleSentence(publication), citationSource(publication), publication.doi ? `doi:${publication.doi}.` : '', publication.pmid ? `PMID: ${publication.pmid}.` : '']
    .filter(Boolean)
    .join(' ');
  const citation = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-citation' },
    h('h3', { id: 'case-citation' }, 'Publication'),
    h('p', { class: 'citation' }, `${authorList(publication.authors, true)}. `, h('span', { class: 'citation-title' }, titleNodes(publication), '.'), ' ', h('cite', {}, citationSource(publication))),
    h('p', {}, h('button', { type: 'button', class: 'small-button', id: 'copy-case-citation', onclick: () => handlers.copyCitation(citationText) }, 'Copy citation'), h('span', { id: 'case-share-status', class: 'share-status', role: 'status' })),
    links.length ? h('p', { class: 'citation-links' }, links.flatMap((link, index) => (index ? [' · ', link] : [link]))) : null,
    publication.publicationTypes.length ? h('p', { class: 'publication-types' }, `Publication type: ${publication.publicationTypes.join(', ')}`) : null,
  );

  const abstract = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-abstract' },
    h('h3', { id: 'case-abstract' }, 'Abstract'),
    publication.abstract ? publication.abstract.split(/\n{1,}/).map((paragraph) => h('p', { class: 'abstract' }, paragraph)) : h('p', {}, 'No abstract recorded.'),
  );

  const others = publication.caseReports.filter((item) => item.id !== data.id);
  const siblings = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-siblings' },
    h('h3', { id: 'case-siblings' }, 'Other cases in this publication'),
    others.length
      ? h(
          'ul',
          { class: 'case-list' },
          others.map((other) => {
            const link = h('a', { href: handlers.caseHref(other.id), 'data-case-id': other.id }, other.label);
            link.addEventListener('click', (event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              handlers.openCase(other.id);
            });
            return h('li', {}, link);
          }),
        )
      : h('p', {}, 'This publication describes no other case.'),
  );

  const notice = renderSuggestedNotice(data);
  const evidence = renderEvidence(data);
  return [
    back,
    heading,
    ...(notice ? [notice] : []),
    h('div', { class: 'case-grid' }, h('div', { class: 'case-main' }, patient, evidence, procedures, complications, treatments), h('div', { class: 'case-side' }, citation, abstract, siblings)),
  ];
}
