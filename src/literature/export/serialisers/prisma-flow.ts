/**
 * The PRISMA 2020 flow diagram of a review, template "new systematic reviews which included searches
 * of databases and registers only" (Page et al., BMJ 2021;372:n71): identification (records per
 * import, records removed before screening), screening (screened, excluded, reports sought, not
 * retrieved, assessed, excluded with reasons) and included. Identification comes from the import
 * batches; screening from the review's final screening decisions when given (PrismaScreeningNumbers,
 * from the review module). A review nobody has screened yet has every screening number null, drawn as
 * "not available: not screened yet", never filled in. Pure.
 */
import { xmlEscape } from '../../../common/xml-text';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';

/** Why a box has no number. */
export const NOT_SCREENED = 'not available: not screened yet';

/**
 * The screening numbers of a review (title/abstract screening by final decision: agreed or resolved),
 * as the review module computes them (`prismaCounts`). One screening stage: a MAYBE record is a report
 * sought and assessed whose full-text decision is pending.
 */
export interface PrismaScreeningNumbers {
  recordsScreened: number;
  recordsAwaitingScreening: number;
  recordsInConflict: number;
  recordsExcluded: number;
  exclusionReasons: { label: string; count: number }[];
  reportsSought: number;
  reportsAssessed: number;
  reportsExcluded: number;
  reportsUndecided: number;
  studiesIncluded: number;
  casesIncluded: number;
}

/** Provided by the review module (literature cannot import it: the review module imports literature). */
export const PRISMA_SCREENING = Symbol('PRISMA_SCREENING');

export interface PrismaScreeningSource {
  /** Null when the review has no screening decision yet. */
  screeningNumbers(review: string): Promise<PrismaScreeningNumbers | null>;
  /** Whether a review of this name exists (saved with a question, or given at an import). */
  reviewExists(review: string): Promise<boolean>;
}

export interface PrismaFlow {
  review: string | null;
  generatedAt: string;
  identification: {
    /** Each import (a database search exported to a file): records in the file. */
    sources: { source: string; format: string; importedAt: string; records: number }[];
    recordsIdentified: number;
    duplicatesRemoved: number;
    /** Records the file held that could not be imported (errors). */
    recordsNotImported: number;
    /** Records imported that a curator deleted before screening. */
    recordsDeleted: number;
  };
  screening: {
    /**
     * NOT_SCREENED: no screening decision is recorded yet: the numbers below are null, except records
     * screened (the records left to screen). IN_PROGRESS: some records still wait for a decision (or a
     * resolution); SCREENED: every record has its final decision.
     */
    status: 'NOT_SCREENED' | 'IN_PROGRESS' | 'SCREENED';
    recordsScreened: number;
    /** Records without a final decision yet (undecided or reviewers disagreeing); screening only. */
    recordsAwaitingDecision?: number;
    /** Records excluded, per reason; screening only. */
    recordsExcludedByReason?: { reason: string; count: number }[];
    /** Reports still marked MAYBE (assessed, full-text decision pending); screening only. */
    reportsAwaitingDecision?: number;
    recordsExcluded: number | null;
    reportsSought: number | null;
    reportsNotRetrieved: number | null;
    reportsAssessed: number | null;
    reportsExcluded: { reason: string; count: number }[] | null;
  };
  included: { studies: number | null; reports: number | null; cases?: number };
}

export function prismaFlow(identification: PrismaIdentification, now = new Date(), screening: PrismaScreeningNumbers | null = null): PrismaFlow {
  const sources = identification.sources.map((source) => ({
    source: source.source,
    format: source.format,
    importedAt: source.importedAt.toISOString(),
    // What the file held, imported or not: the records that failed are removed before screening.
    records: Math.max(source.recordsRead, source.recordsImported),
  }));
  const recordsIdentified = sources.reduce((sum, source) => sum + source.records, 0);
  const recordsNotImported = recordsIdentified - identification.recordsIdentified;
  return {
    review: identification.review,
    generatedAt: now.toISOString(),
    identification: { sources, recordsIdentified, duplicatesRemoved: identification.duplicatesRemoved, recordsNotImported, recordsDeleted: identification.recordsDeleted },
    screening: screening
      ? {
          status: screening.recordsAwaitingScreening + screening.recordsInConflict > 0 ? 'IN_PROGRESS' : 'SCREENED',
          recordsScreened: screening.recordsScreened,
          recordsAwaitingDecision: screening.recordsAwaitingScreening + screening.recordsInConflict,
          recordsExcluded: screening.recordsExcluded,
          recordsExcludedByReason: screening.exclusionReasons.filter((reason) => reason.count > 0).map((reason) => ({ reason: reason.label, count: reason.count })),
          reportsSought: screening.reportsSought,
          // Reports are the records themselves (abstracts in the database): none goes missing.
          reportsNotRetrieved: 0,
          reportsAssessed: screening.reportsAssessed,
          reportsExcluded: [],
          reportsAwaitingDecision: screening.reportsUndecided,
        }
      : {
          status: 'NOT_SCREENED',
          recordsScreened: identification.recordsRemaining,
          recordsExcluded: null,
          reportsSought: null,
          reportsNotRetrieved: null,
          reportsAssessed: null,
          reportsExcluded: null,
        },
    included: screening ? { studies: screening.studiesIncluded, reports: screening.studiesIncluded, cases: screening.casesIncluded } : { studies: null, reports: null },
  };
}

const n = (value: number | null) => (value === null ? NOT_SCREENED : `n = ${value}`);

interface Box {
  x: number;
  y: number;
  width: number;
  lines: string[];
  /** A box whose number waits for screening: dashed, its number written as unavailable. */
  pending?: boolean;
}

const LINE = 16;
const PAD = 10;
const boxHeight = (box: Box) => box.lines.length * LINE + 2 * PAD - 4;

/** Text for the SVG: characters XML cannot hold removed (a review name may hold U+0001), markup escaped. */
const xml = xmlEscape;

/** At most `max` sources listed one per line; the rest summed on one line. */
function sourceLines(flow: PrismaFlow, max = 8): string[] {
  const sources = flow.identification.sources;
  const shown = sources.slice(0, max).map((source) => `${source.source.length > 34 ? `${source.source.slice(0, 33)}…` : source.source} (${source.format}, ${source.importedAt.slice(0, 10)}): n = ${source.records}`);
  const rest = sources.slice(max);
  if (rest.length) shown.push(`${rest.length} more imports: n = ${rest.reduce((sum, source) => sum + source.records, 0)}`);
  return shown;
}

/** The diagram as SVG: boxes and arrows as in the template, every number as text; title and description for screen readers. */
export function prismaSvg(flow: PrismaFlow): string {
  const left = 150;
  const mainWidth = 400;
  const sideX = left + mainWidth + 50;
  const sideWidth = 390;
  const gap = 36;
  const title = `PRISMA 2020 flow diagram${flow.review ? `: ${flow.review}` : ' (all imports)'}`;
  const id = flow.identification;
  const s = flow.screening;
  const identified: Box = { x: left, y: 70, width: mainWidth, lines: [`Records identified from ${id.sources.length} ${id.sources.length === 1 ? 'import' : 'imports'} (databases):`, ...sourceLines(flow), `Total: n = ${id.recordsIdentified}`] };
  const removed: Box = {
    x: sideX,
    y: 70,
    width: sideWidth,
    lines: [
      'Records removed before screening:',
      `Duplicate records removed (n = ${id.duplicatesRemoved})`,
      'Records marked as ineligible by automation tools (n = 0)',
      `Records removed for other reasons (n = ${id.recordsNotImported + id.recordsDeleted}):`,
      `  could not be imported (errors): n = ${id.recordsNotImported}`,
      `  deleted by a curator: n = ${id.recordsDeleted}`,
    ],
  };
  const row = (above: Box, other?: Box) => Math.max(above.y + boxHeight(above), other ? other.y + boxHeight(other) : 0) + gap;
  const screenedYet = s.status !== 'NOT_SCREENED';
  const screened: Box = {
    x: left,
    y: row(identified, removed),
    width: mainWidth,
    lines: screenedYet ? ['Records screened', `n = ${s.recordsScreened}`, ...(s.recordsAwaitingDecision ? [`Awaiting a decision: n = ${s.recordsAwaitingDecision}`] : [])] : ['Records screened', `n = ${s.recordsScreened} (records left to screen)`],
  };
  const excluded: Box = {
    x: sideX,
    y: screened.y,
    width: sideWidth,
    lines: ['Records excluded', n(s.recordsExcluded), ...(s.recordsExcludedByReason ?? []).map((reason) => `  ${reason.reason} (n = ${reason.count})`)],
    pending: !screenedYet,
  };
  const sought: Box = { x: left, y: row(screened, excluded), width: mainWidth, lines: ['Reports sought for retrieval', n(s.reportsSought)], pending: !screenedYet };
  const notRetrieved: Box = { x: sideX, y: sought.y, width: sideWidth, lines: ['Reports not retrieved', n(s.reportsNotRetrieved)], pending: !screenedYet };
  const assessed: Box = {
    x: left,
    y: row(sought, notRetrieved),
    width: mainWidth,
    lines: ['Reports assessed for eligibility', n(s.reportsAssessed), ...(s.reportsAwaitingDecision ? [`Marked "maybe", awaiting full text: n = ${s.reportsAwaitingDecision}`] : [])],
    pending: !screenedYet,
  };
  const reasons: Box = {
    x: sideX,
    y: assessed.y,
    width: sideWidth,
    lines: ['Reports excluded, with reasons:', ...(s.reportsExcluded ? (s.reportsExcluded.length ? s.reportsExcluded.map((reason) => `${reason.reason} (n = ${reason.count})`) : ['none (n = 0)']) : [NOT_SCREENED])],
    pending: s.reportsExcluded === null,
  };
  const included: Box = {
    x: left,
    y: row(assessed, reasons),
    width: mainWidth,
    lines: [
      'Studies included in review',
      n(flow.included.studies),
      'Reports of included studies',
      n(flow.included.reports),
      ...(flow.included.cases !== undefined ? ['Cases (patients) in included studies', `n = ${flow.included.cases}`] : []),
    ],
    pending: flow.included.studies === null,
  };
  const boxes = [identified, removed, screened, excluded, sought, notRetrieved, assessed, reasons, included];
  const bottom = included.y + boxHeight(included);
  const notes = [
    screenedYet
      ? `Screening: final title/abstract decisions (agreed by the reviewers or resolved)${s.status === 'IN_PROGRESS' ? ', still in progress' : ''}; "maybe" records go on to full text.`
      : `Screening boxes (dashed): ${NOT_SCREENED}; no screening decision is recorded for this review.`,
    'Records identified: every record in the imported files; duplicates: same PMID, DOI, or title + year + first author.',
    `Generated ${flow.generatedAt} from the import history${flow.review ? ` of review "${flow.review}"` : ''}. Template: Page MJ et al. BMJ 2021;372:n71.`,
  ];
  const width = sideX + sideWidth + 20;
  const height = bottom + 30 + notes.length * 14;

  const drawBox = (box: Box) => {
    const height = boxHeight(box);
    const text = box.lines.map((line, index) => `<text x="${box.x + PAD}" y="${box.y + PAD + 8 + index * LINE}"${index === 0 ? ' font-weight="bold"' : ''}>${xml(line)}</text>`).join('');
    return `<g role="listitem" aria-label="${xml(box.lines.join(' '))}"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${height}" fill="#fff" stroke="#000"${box.pending ? ' stroke-dasharray="6 4"' : ''}/>${text}</g>`;
  };
  const down = (from: Box, to: Box) => `<path d="M${from.x + from.width / 2} ${from.y + boxHeight(from)}V${to.y - 2}" stroke="#000" marker-end="url(#arrow)"/>`;
  const across = (from: Box, to: Box) => `<path d="M${from.x + from.width} ${from.y + Math.min(boxHeight(from), boxHeight(to)) / 2}H${to.x - 2}" stroke="#000" marker-end="url(#arrow)"/>`;
  const phase = (label: string, top: number, bottomY: number) =>
    `<g><rect x="10" y="${top}" width="26" height="${bottomY - top}" fill="#dde6f0" stroke="#000"/><text transform="translate(28 ${(top + bottomY) / 2}) rotate(-90)" text-anchor="middle" font-weight="bold">${label}</text></g>`;
  const description = [
    `Identification: ${id.recordsIdentified} records identified from ${id.sources.length} imports; ${id.duplicatesRemoved} duplicates removed; ${id.recordsNotImported} removed because they could not be imported; ${id.recordsDeleted} deleted by a curator.`,
    screenedYet
      ? `Screening: ${s.recordsScreened} records screened${s.recordsAwaitingDecision ? `, ${s.recordsAwaitingDecision} awaiting a decision` : ''}; ${s.recordsExcluded} excluded; ${s.reportsSought} reports sought, ${s.reportsAssessed} assessed, ${s.reportsAwaitingDecision ?? 0} awaiting full text.`
      : `Screening: ${s.recordsScreened} records to screen; records excluded, reports sought, not retrieved, assessed and excluded: ${NOT_SCREENED}.`,
    screenedYet ? `Included: ${flow.included.studies} studies${flow.included.cases !== undefined ? ` with ${flow.included.cases} cases` : ''}.` : `Included: ${NOT_SCREENED}.`,
  ].join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="12">`,
    `<title id="title">${xml(title)}</title>`,
    `<desc id="desc">${xml(description)}</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#000"/></marker></defs>',
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="10" y="24" font-size="15" font-weight="bold">${xml(title)}</text>`,
    `<rect x="${left}" y="38" width="${sideX + sideWidth - left}" height="22" fill="#f2d7a6" stroke="#000"/>`,
    `<text x="${left + 10}" y="54" font-weight="bold">Identification of studies via databases and registers</text>`,
    phase('Identification', identified.y, screened.y - gap / 2),
    phase('Screening', screened.y - gap / 2 + 4, included.y - gap / 2),
    phase('Included', included.y - gap / 2 + 4, bottom),
    `<g role="list">${boxes.map(drawBox).join('')}</g>`,
    down(identified, screened),
    across(identified, removed),
    across(screened, excluded),
    down(screened, sought),
    across(sought, notRetrieved),
    down(sought, assessed),
    across(assessed, reasons),
    down(assessed, included),
    notes.map((note, index) => `<text x="10" y="${bottom + 26 + index * 14}" font-size="10">${xml(note)}</text>`).join(''),
    '</svg>',
    '',
  ].join('\n');
}
