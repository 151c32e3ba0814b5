/**
 * EndNote XML ("File > Export > XML", also what Zotero, Mendeley and EPPI Reviewer call EndNote XML):
 *
 *   <xml><records><record>
 *     <ref-type name="Journal Article">17</ref-type>
 *     <contributors><authors><author><style face="normal" font="default" size="100%">Okafor, C. N.</style></author>…</authors></contributors>
 *     <titles><title><style …>…</style></title><secondary-title>Journal</secondary-title><alt-title>J Abbr</alt-title></titles>
 *     <periodical><full-title>…</full-title><abbr-1>…</abbr-1></periodical>
 *     <pages>112-115</pages><volume>55</volume><number>2</number>
 *     <keywords><keyword>…</keyword></keywords><dates><year>2019</year><pub-dates><date>Feb</date></pub-dates></dates>
 *     <isbn>2210-2612</isbn><accession-num>30739876</accession-num><electronic-resource-num>10.1016/…</electronic-resource-num>
 *     <abstract>…</abstract><urls><related-urls><url>…</url></related-urls></urls><custom2>PMC6369207</custom2>
 *     <work-type>Case Reports</work-type><language>eng</language>
 *   </record></records></xml>
 *
 * Every value may be wrapped in <style> elements (one per formatting run); their text is joined.
 * Streamed with saxes (no DTDs or external entities; a DOCTYPE with an internal subset is refused).
 */
import { SaxesParser } from 'saxes';
import { describingXmlErrors } from './xml-errors';
import { MAX_XML_DEPTH, tooDeepMessage } from './xml-depth';
import { normaliseDoi, normalisePmcid, normalisePmid } from '../../publications/identifiers';
import { cleanText, extractIssns, normalisePages, parseAuthorName, parseDateParts, stripMarkup, uniqueStrings } from '../normalise';
import { emptyPublication, ImportFormatError } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedPublication, ParsedRecord, TextSource } from '../parsed-publication';
import { decodeText } from '../text-decoding';

/** The text of each field of one record, by its path under <record> ("titles/title"), in order. */
export type EndnoteFields = Map<string, string[]>;

const first = (fields: EndnoteFields, path: string): string | null => cleanText(fields.get(path)?.[0]);
const all = (fields: EndnoteFields, path: string): string[] => (fields.get(path) ?? []).map((value) => cleanText(value)).filter((value): value is string => !!value);

/** Pure: one record's fields -> a publication. */
export function endnoteFieldsToPublication(fields: EndnoteFields, notes: RecordNotes = new RecordNotes()): ParsedPublication {
  const publication = emptyPublication();
  publication.title = stripMarkup(first(fields, 'titles/title'));
  publication.abstract = stripMarkup(first(fields, 'abstract'));
  publication.authors = all(fields, 'contributors/authors/author')
    .map((name) => parseAuthorName(name))
    .filter((author): author is NonNullable<typeof author> => !!author);
  publication.journal = first(fields, 'periodical/full-title') ?? first(fields, 'titles/secondary-title');
  publication.journalAbbreviation = first(fields, 'periodical/abbr-1') ?? first(fields, 'titles/alt-title');
  const year = notes.date({ field: 'dates/year' }, first(fields, 'dates/year'));
  const date = parseDateParts(`${year.year ?? ''} ${first(fields, 'dates/pub-dates/date') ?? ''}`);
  publication.year = year.year;
  publication.month = date.month;
  publication.volume = first(fields, 'volume');
  publication.issue = first(fields, 'number');
  publication.pages = normalisePages(first(fields, 'pages'));
  const urls = [...all(fields, 'urls/related-urls/url'), ...all(fields, 'urls/web-urls/url')];
  publication.doi = notes.doi({ field: 'electronic-resource-num' }, first(fields, 'electronic-resource-num')) ?? urls.map((url) => normaliseDoi(url)).find(Boolean) ?? null;
  const accession = first(fields, 'accession-num');
  // PubMed's accession number is the PMID; other databases' (Embase "L2000500003", WoS "WOS:…") are not.
  const provider = first(fields, 'remote-database-provider') ?? first(fields, 'remote-database-name') ?? '';
  publication.pmid = accession && (/^\d{1,9}$/.test(accession) || /nlm|pubmed|medline/i.test(provider)) ? normalisePmid(accession) : null;
  publication.pmcid = [first(fields, 'custom2'), first(fields, 'custom1')].map((value) => (value && /PMC\s*\d/i.test(value) ? normalisePmcid(value) : null)).find(Boolean) ?? null;
  publication.issns = uniqueStrings(extractIssns(first(fields, 'isbn')));
  const refType = first(fields, '@ref-type');
  publication.publicationTypes = uniqueStrings([refType, ...all(fields, 'work-type').flatMap((value) => value.split(/\s*;\s*/))]);
  publication.keywords = uniqueStrings(all(fields, 'keywords/keyword').flatMap((value) => value.split(/\s*[;\n]\s*/)));
  publication.language = first(fields, 'language');
  publication.url = urls.find((url) => /^https?:\/\//i.test(url) && !/doi\.org\//i.test(url)) ?? urls[0] ?? null;
  return publication;
}

/** Yields the records of an EndNote XML file one by one. */
export async function* parseEndnoteXml(source: TextSource): AsyncGenerator<ParsedRecord> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const describe = describingXmlErrors(parser);
  const ready: ParsedRecord[] = [];
  let recordNumber = 0;
  let recordLine: number | null = null;
  let tagStartLine = 1;
  let depth = 0;
  /** Element names under the open <record> (style runs and inline markup excluded). */
  const path: string[] = [];
  let fields: EndnoteFields | null = null;
  let textParts: string[] = [];

  const fail = (message: string, field: string | null = null): ImportFormatError => {
    const record = fields ? recordNumber : null;
    const where = [record !== null ? `record ${record}` : null, `line ${parser.line}`].filter(Boolean).join(', ');
    return new ImportFormatError(`EndNote XML ${where}: ${message}`, record, parser.line, field ?? (path.length ? path.join('/') : null));
  };
  const INLINE = new Set(['style', 'i', 'b', 'u', 'sup', 'sub', 'em', 'strong']);

  parser.on('doctype', (doctype) => {
    if (/\[|<!ENTITY/i.test(doctype)) throw fail('the DOCTYPE declares an internal subset (ENTITY declarations); such files are refused to rule out entity expansion', 'DOCTYPE');
  });
  parser.on('error', (error) => {
    throw fail(`malformed XML: ${describe(error)}`);
  });
  parser.on('opentagstart', () => {
    tagStartLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > MAX_XML_DEPTH) throw fail(tooDeepMessage(tag.name), tag.name);
    if (depth === 1 && tag.name !== 'xml' && tag.name !== 'records') throw fail(`the root element is <${tag.name}>, expected <xml> or <records> (this is not an EndNote XML file)`, tag.name);
    if (!fields) {
      if (tag.name === 'record') {
        recordNumber += 1;
        recordLine = tagStartLine;
        fields = new Map();
      }
      return;
    }
    if (INLINE.has(tag.name)) return;
    if (tag.name === 'ref-type' && typeof tag.attributes.name === 'string') fields.set('@ref-type', [tag.attributes.name]);
    path.push(tag.name);
    textParts = [];
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    if (!fields) return;
    if (tag.name === 'record' && path.length === 0) {
      const notes = new RecordNotes();
      const publication = endnoteFieldsToPublication(fields, notes);
      ready.push({ recordNumber, line: recordLine, publication, notes: notes.finish(publication) });
      fields = null;
      return;
    }
    if (INLINE.has(tag.name)) return;
    const key = path.join('/');
    const value = textParts.join('');
    if (value.trim()) fields.set(key, [...(fields.get(key) ?? []), value]);
    textParts = [];
    path.pop();
  });
  const onText = (value: string): void => {
    if (fields && path.length) textParts.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const feed = function* (write: () => void): Generator<ParsedRecord> {
    let failure: unknown = null;
    try {
      write();
    } catch (error) {
      failure = error instanceof ImportFormatError ? error : fail(`malformed XML: ${(error as Error).message}`);
    }
    while (ready.length > 0) yield ready.shift() as ParsedRecord;
    if (failure) throw failure;
  };

  for await (const chunk of decodeText(source)) yield* feed(() => parser.write(chunk));
  yield* feed(() => parser.close());
}
