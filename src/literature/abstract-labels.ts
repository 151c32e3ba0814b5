/**
 * Labels databases write into the abstract text itself: EBSCOhost's "[ABSTRACT FROM AUTHOR]" /
 * "[ABSTRACT FROM PUBLISHER]" (its CSV then adds its copyright notice, "Copyright of PLoS ONE is the property of …")
 * and ProQuest's "[Author Abstract]" after it (ProQuest then adds the author
 * keywords: "[Author Abstract] KEY WORDS: PTSD; children"), APA's "(PsycINFO Database Record (c) 2019 APA, all rights
 * reserved)" after every PsycInfo abstract, SciELO's heading before it ("ABSTRACT The
 * Atlantic Forest …"). They say who wrote the abstract, not what it says: the abstract is stored without them,
 * and ProQuest's keywords join the record's keywords.
 */
import type { ParsedRecord } from './parsed-publication';

/** The provenance label at the end, and ProQuest's keyword list after its label. */
// Each starts with its literal bracket, not with whitespace: a pattern opening with \s* is tried at every position of
// a run of spaces and rescans the run each time (a hostile abstract of 160,000 spaces took 30-40 s); the space
// before the label goes with the trimEnd after.
const TRAILING_LABEL = /\[(?:ABSTRACT FROM (?:AUTHOR|PUBLISHER)|Author Abstract)\](?:\s*KEY ?WORDS:\s*(.*)|\s*Copyright of .*)?\s*$/s;
/** APA's line at the end of every PsycInfo abstract. */
const APA_COPYRIGHT = /\(PsycI(?:NFO|nfo) Database Record \(c\) \d{4} APA, all rights reserved\)\.?\s*$/;
/**
 * A heading "ABSTRACT" / "Abstract" (with or without ":" / ".") before the first sentence, which starts in capitals;
 * or glued to its first word ("AbstractYouth with …", Zotero's RIS of PsycInfo records on Ovid).
 */
const LEADING_HEADING = /^\s*(?:(?:ABSTRACT|Abstract)(?:\s*[:.])?\s+(?=\p{Lu})|Abstract(?=\p{Lu}\p{Ll}))/u;

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
  text = text.trimEnd().replace(APA_COPYRIGHT, '').trimEnd().replace(LEADING_HEADING, '');
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
