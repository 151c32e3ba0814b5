import { titleStatusNote } from '../../../publications/title-status.enum';
import { meshHeadingToText } from '../../formats/mesh-text';
import { ExportPublication, oneLine } from '../export-case';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes LaTeX's special characters; other Unicode is written as is (BibLaTeX and every reference manager read UTF-8). */
export function escapeLatex(value: string): string {
  // "--" would read as an en dash: "-{}-" keeps the two hyphens.
  return oneLine(value)
    .replace(/[\\{}&%$#_~^]/g, (char) => SPECIAL[char])
    .replace(/-(?=-)/g, '-{}');
}

/** "McInerney" + 2020 + "Intrathecal" -> "mcinerney2020intrathecal" (ASCII letters and digits only). */
export function bibtexKeyBase(publication: Pick<ExportPublication, 'authors' | 'year' | 'title'>): string {
  const ascii = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const author = ascii(publication.authors[0]?.family ?? '') || 'anon';
  const word = (publication.title ?? '').split(/\s+/).map(ascii).find((w) => w.length > 3 && !['case', 'report', 'with', 'after', 'from'].includes(w)) ?? '';
  return `${author.slice(0, 30)}${publication.year ?? ''}${word.slice(0, 20)}`;
}

/** Makes keys unique within one export: a second "smith2020x" becomes "smith2020xb". */
export class BibtexKeys {
  private readonly used = new Set<string>();

  next(publication: Pick<ExportPublication, 'authors' | 'year' | 'title'>): string {
    const base = bibtexKeyBase(publication);
    let key = base;
    for (let n = 1; this.used.has(key); n++) key = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;
    this.used.add(key);
    return key;
  }
}

/**
 * BibTeX splits an author list at every " and " and a name at its commas (outside braces): a part holding either
 * ("Smith and Jones", "Doe, Jr") is braced, or the next tool read "Smith and Jones, Ann" as two authors.
 */
const BREAKS_NAME = /,|(?:^|\s)and(?:\s|$)/i;
const namePart = (text: string) => (BREAKS_NAME.test(text) ? `{${escapeLatex(text)}}` : escapeLatex(text));

/** An item of a ";"-separated list, braced when it holds a ";" itself: "alpha; beta" was read back as two keywords. */
const listItem = (text: string) => (text.includes(';') ? `{${escapeLatex(text)}}` : escapeLatex(text));

/**
 * A ";"-separated list; a single item holding a separator gets a closing ";" too, so that readers neither split it
 * nor take a braced item for a list wholly in braces (Web of Science's "{{a; b}}").
 */
function list(items: readonly string[], separators: RegExp): string | null {
  if (!items.length) return null;
  return items.map(listItem).join('; ') + (items.length === 1 && separators.test(items[0]) ? ';' : '');
}

function author(family: string, given: string | null): string {
  // A name without a given part is an organisation: braces keep "World Health Organization" one name.
  return given ? `${namePart(family)}, ${namePart(given)}` : `{${escapeLatex(family)}}`;
}

/**
 * One @article entry. Publication types go to `type`, keywords to `keywords` and MeSH headings to `mesh`
 * (the field JabRef's PubMed import fills), all ";"-separated; a heading in MEDLINE's notation with its
 * descriptor UI ("*Hematoma, Epidural, Spinal [D020758]"). A title is written as far as it is known;
 * `note` says when it is incomplete or not recorded.
 */
export function publicationToBibtex(publication: ExportPublication, key: string): string {
  const fields: [string, string | null][] = [
    ['title', publication.title && escapeLatex(publication.title)],
    ['author', publication.authors.length ? publication.authors.map((a) => author(a.family, a.given)).join(' and ') : null],
    ['journal', publication.journal && escapeLatex(publication.journal)],
    ['year', publication.year ? String(publication.year) : null],
    ['volume', publication.volume && escapeLatex(publication.volume)],
    ['number', publication.issue && escapeLatex(publication.issue)],
    ['pages', publication.pages && escapeLatex(publication.pages).replace(/-(?!\{)/g, '--')],
    ['doi', publication.doi && escapeLatex(publication.doi)],
    ['pmid', publication.pmid],
    ['pmcid', publication.pmcid],
    ['abstract', publication.abstract && escapeLatex(publication.abstract)],
    // A single keyword with a comma gets a closing ";" so that it is not split at the comma.
    ['keywords', list(publication.keywords, /[,;]/)],
    ['mesh', list(publication.meshHeadings.map(meshHeadingToText), /;/)],
    ['type', list(publication.publicationTypes, /;/)],
    ['language', publication.language && escapeLatex(publication.language)],
    ['url', publication.url && escapeLatex(publication.url)],
    ['note', escapeLatex(titleStatusNote(publication.titleStatus) ?? '') || null],
  ];
  const body = fields.filter(([, value]) => value).map(([name, value]) => `  ${name} = {${value}}`);
  if (publication.month) body.splice(4, 0, `  month = ${MONTHS[publication.month - 1]}`);
  return `@article{${key},\n${body.join(',\n')}\n}\n\n`;
}
