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
