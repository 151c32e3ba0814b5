/**
 * Labels databases write into the abstract text itself: EBSCOhost's "[ABSTRACT FROM AUTHOR]" /
 * "[ABSTRACT FROM PUBLISHER]" (its CSV then adds its copyright notice, "Copyright of PLoS ONE is the property of …")
 * and ProQuest's "[Author Abstract]" after it (ProQuest then adds the author
 * keywords: "[Author Abstract] KEY WORDS: PTSD; children"), SciELO's heading before it ("ABSTRACT The
 * Atlantic Forest …"). They say who wrote the abstract, not what it says: the abstract is stored without them,
 * and ProQuest's keywords join the record's keywords.
 */
import type { ParsedRecord } from './parsed-publication';

/** The provenance label at the end, and ProQuest's keyword list after its label. */
const TRAILING_LABEL = /\s*\[(?:ABSTRACT FROM (?:AUTHOR|PUBLISHER)|Author Abstract)\](?:\s*KEY ?WORDS:\s*(.*)|\s*Copyright of .*)?\s*$/s;
/** A heading "ABSTRACT" / "Abstract" (with or without ":" / ".") before the first sentence, which starts in capitals. */
const LEADING_HEADING = /^\s*(?:ABSTRACT|Abstract)(?:\s*[:.])?\s+(?=\p{Lu})/u;

export interface AbstractWithoutLabels {
  abstract: string | null;
  /** Keywords that followed the label (ProQuest), in order. */
  keywords: string[];
}

export function abstractWithoutLabels(abstract: string): AbstractWithoutLabels {
  let keywords: string[] = [];
  let text = abstract.replace(TRAILING_LABEL, (_whole, list: string | undefined) => {
    keywords = (list ?? '')
      .split(';')
      .map((keyword) => keyword.trim().replace(/\.$/, ''))
      .filter((keyword) => keyword.length > 0);
    return '';
  });
  text = text.replace(LEADING_HEADING, '');
  return { abstract: text.trim() || null, keywords };
}

/** The record with its abstract's labels removed; the record itself when there are none (nearly every record). */
export function withoutAbstractLabels(record: ParsedRecord): ParsedRecord {
  const abstract = record.publication.abstract;
  if (abstract === null) return record;
  const tidy = abstractWithoutLabels(abstract);
  if (tidy.abstract === abstract) return record;
  const known = new Set(record.publication.keywords.map((keyword) => keyword.toLowerCase()));
  const added = tidy.keywords.filter((keyword) => !known.has(keyword.toLowerCase()));
  return { ...record, publication: { ...record.publication, abstract: tidy.abstract, keywords: [...record.publication.keywords, ...added] } };
}
