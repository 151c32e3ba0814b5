/**
 * Normalisation of bibliographic identifiers, shared by the API and the importers so that the same
 * article written in two styles is recognised as one.
 */

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*|https?:\/\/[^/]*\/doi\/(?:abs\/|full\/|pdf\/)?)/i;
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

/** `https://doi.org/10.1155/X` and `doi:10.1155/x` become `10.1155/x`; null when it is not a DOI. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let doi = raw.trim().replace(DOI_PREFIX, '');
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // keep the text as it was; a stray % is not worth failing a record for
  }
  // Exports glue text after the DOI ("10.1/abc [doi]", "10.1/abc. Epub 2020"): keep the first token.
  doi = doi.split(/\s+/)[0].replace(/[.,;]+$/, '').toLowerCase();
  return DOI_SHAPE.test(doi) ? doi : null;
}

export function normalisePmid(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const match = /^\s*(?:pmid:?\s*)?(\d{1,9})\s*$/i.exec(String(raw));
  return match ? String(Number(match[1])) : null;
}

export function normalisePmcid(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /^\s*(?:pmc)?(\d{1,9})\s*$/i.exec(raw.trim());
  return match ? `PMC${match[1]}` : null;
}

/**
 * The duplicate key for records that lack DOI and PMID: title folded to letters and digits, the
 * year, and the first author's family name. Null when any part is missing (too weak to match on).
 */
export function titleKeyOf(title: string | null | undefined, year: number | null | undefined, authors: readonly { family: string }[] | null | undefined): string | null {
  const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const foldedTitle = title ? fold(title) : '';
  const firstAuthor = authors?.length ? fold(authors[0].family) : '';
  if (!foldedTitle || !year || !firstAuthor) return null;
  return `${foldedTitle}|${year}|${firstAuthor}`;
}
