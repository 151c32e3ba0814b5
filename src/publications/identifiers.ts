/**
 * Normalisation of bibliographic identifiers and of the duplicate key: the one implementation, used
 * by the API's validation, the publication repository (title key) and every literature importer
 * (src/literature/normalise.ts re-exports these), so the same article written in two styles is
 * recognised as one.
 */

/** A DOI somewhere in a text; the registrant code is 4-9 digits, the suffix runs to white space or a quote. */
const DOI_IN_TEXT = /(?<![0-9A-Za-z])10\.\d{4,9}\/[^\s"]+/;
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

/** "10.1002%2Fccr3" -> "10.1002/ccr3"; text with a stray "%" is returned unchanged. */
export function decodePercentEscapes(text: string): string {
  if (!/%[0-9a-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%" is not worth losing the DOI over
  }
}

/** Drops what exports glue after a DOI: "[doi]", trailing punctuation, unbalanced closing brackets. */
function trimDoiTail(doi: string): string {
  let out = doi.replace(/\[doi\]$/i, '');
  for (;;) {
    const last = out.charAt(out.length - 1);
    if ('.,;:\'"'.includes(last)) {
      out = out.slice(0, -1);
    } else if (last === ')' || last === ']' || last === '}' || last === '>') {
      const open = { ')': '(', ']': '[', '}': '{', '>': '<' }[last];
      const opens = out.split(open).length - 1;
      const closes = out.split(last).length - 1;
      if (closes > opens) out = out.slice(0, -1);
      else break;
    } else {
      break;
    }
  }
  return out;
}

/**
 * Finds a DOI in a field value and normalises it: "https://doi.org/10.1/ABC", "doi:10.1/abc",
 * "10.1/abc [doi]", "10.1/abc. Epub 2020 Jan 3" and "10.1%2Fabc" all become "10.1/abc".
 * Returns null when the value holds no DOI.
 */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = DOI_IN_TEXT.exec(decodePercentEscapes(raw.trim()));
  if (!match) return null;
  const doi = trimDoiTail(match[0]);
  return DOI_SHAPE.test(doi) ? doi.toLowerCase() : null;
}

/** "PMID: 00123", " 123 ", "123 [pubmed]" -> "123"; null for anything that is not a positive number. */
export function normalisePmid(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const match = /^\s*(?:PMID\s*:?\s*)?0*(\d{1,9})\s*(?:\[[a-z]+\])?\s*$/i.exec(String(raw));
  if (!match) return null;
  const value = Number(match[1]);
  return value > 0 ? String(value) : null;
}

/** "PMC1234567", "pmc 1234567", "1234567", "PMCID: PMC1234567" -> "PMC1234567". */
export function normalisePmcid(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const match = /^\s*(?:PMCID\s*:?\s*)?(?:PMC\s*)?0*(\d{1,9})\s*(?:\[[a-z]+\])?\s*$/i.exec(String(raw));
  if (!match) return null;
  const value = Number(match[1]);
  return value > 0 ? `PMC${value}` : null;
}

/** Lower case, accents removed, punctuation and spacing collapsed: for comparing titles across exports. */
export function normaliseTitleKey(title: string | null | undefined): string | null {
  if (!title) return null;
  const key = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.length > 0 ? key : null;
}

/** Where a record was published, for the duplicate key of records without a first author or a year. */
export interface TitleKeyVenue {
  journal?: string | null;
  volume?: string | null;
  pages?: string | null;
}

/** Titles shorter than this, without a venue, are too generic ("Correction", "Case report") to key on alone. */
const MIN_BARE_TITLE_KEY_LENGTH = 40;

/**
 * The duplicate key for records that lack DOI and PMID: the title folded as normaliseTitleKey does
 * (letters of any script and digits, without spaces; inline HTML tags removed first), the year, and
 * the first author's family name folded the same way.
 *
 * A record without authors or without a year (a Scopus "[No author name available]" record, an
 * export that lost its dates) is keyed on the title, the year if any, and "~" with its venue: volume
 * and first page when it has them, else the folded journal; without any venue only a long title
 * (at least 40 letters and digits) is keyed on. Null when there is no title, or nothing to key on.
 */
export function titleKeyOf(
  title: string | null | undefined,
  year: number | null | undefined,
  authors: readonly { family: string }[] | null | undefined,
  venue?: TitleKeyVenue | null,
): string | null {
  const fold = (text: string | null | undefined) => normaliseTitleKey(text)?.replace(/ /g, '') ?? '';
  const foldedTitle = fold(title?.replace(/<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g, ''));
  const firstAuthor = authors?.length ? fold(authors[0].family) : '';
  if (!foldedTitle) return null;
  if (year && firstAuthor) return `${foldedTitle}|${year}|${firstAuthor}`;
  if (!venue) return null;
  const firstPage = venue.pages ? fold(venue.pages.split(/[-\u2010-\u2015]/)[0]) : '';
  const volume = fold(venue.volume);
  let where = volume || firstPage ? `v${volume}p${firstPage}` : fold(venue.journal);
  if (!where && foldedTitle.length < MIN_BARE_TITLE_KEY_LENGTH) return null;
  if (!where) where = '';
  return `${foldedTitle}|${year ?? ''}|~${where}`;
}
