/**
 * Large literature-database exports made on the fly for bench/formats.bench.ts: a Scopus CSV export
 * (the header of test/fixtures/literature/csv-dialects/scopus.csv, every cell quoted, an abstract with
 * commas and doubled quotes, "Author full names" with Scopus ids) and a RIS export (as Zotero / EndNote
 * write it: AU, T1, JF, AB, KW, DO, AN …, CRLF line ends). About 2.5 KB per record in both, each record
 * with its own title, DOI, PMID and EID, so nothing dedupes. Streams: only the current ~64 KB piece
 * exists in memory.
 */

const WORDS = 'spinal epidural hematoma after lumbar puncture in a patient on anticoagulation treated with surgical decompression and recovery of neurological function over several weeks postdural headache blood patch obstetric'.split(' ');

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return words.join(' ');
}

const SURNAMES = ['Okafor', 'Lindqvist', 'van den Berg', 'Dos Santos', 'Nakamura', 'Müller', 'García-López', "O'Neill", 'Kowalski', 'Haddad'];
const GIVEN = ['Chidi N.', 'Anna M.', 'Pieter', 'Maria F.', 'Kenji', 'Jürgen', 'Lucía', 'Siobhan', 'Piotr', 'Rania'];

function authors(n: number): Array<{ surname: string; given: string; initials: string; id: number }> {
  return Array.from({ length: 5 }, (_, i) => {
    const k = (n + i * 3) % SURNAMES.length;
    const given = GIVEN[k];
    const initials = given.split(/[\s-]+/).map((part) => `${part[0]}.`).join('');
    return { surname: `${SURNAMES[k]}${(n + i) % 997}`, given, initials, id: 57190000000 + ((n * 5 + i) % 9999991) };
  });
}

interface GeneratedRecord {
  title: string;
  abstract: string;
  year: number;
  journal: string;
  abbreviation: string;
  volume: number;
  issue: number;
  startPage: number;
  doi: string;
  pmid: number;
  keywords: string[];
  indexKeywords: string[];
}

function record(n: number): GeneratedRecord {
  const startPage = n % 500;
  return {
    title: `Generated case ${n}: ${sentence(n, 12)}`,
    // ~1.4 KB, structured like Scopus abstracts (labels, a comma-rich text, a quoted phrase, the copyright line).
    abstract: `Background: ${sentence(n, 45)}, "${sentence(n + 3, 4)}", ${sentence(n + 4, 10)}. Case presentation: ${sentence(n + 1, 80)}. Conclusions: ${sentence(n + 2, 35)}. © ${2000 + (n % 25)} The Authors`,
    year: 2000 + (n % 25),
    journal: 'International Journal of Generated Case Reports',
    abbreviation: 'Int. J. Gen. Case Rep.',
    volume: n % 90,
    issue: n % 12,
    startPage,
    doi: `10.5555/generated.${n}`,
    pmid: 40000000 + n,
    keywords: ['epidural blood patch', `keyword ${n % 50}`, 'case report', 'post-dural puncture headache'],
    indexKeywords: ['Article', 'human', 'female', 'adult', 'case report', 'anticoagulation', 'spinal hematoma'],
  };
}

export const SCOPUS_HEADER = ['Authors', 'Author full names', 'Author(s) ID', 'Title', 'Year', 'Source title', 'Volume', 'Issue', 'Art. No.', 'Page start', 'Page end', 'Page count', 'Cited by', 'DOI', 'Link', 'Abstract', 'Author Keywords', 'Index Keywords', 'ISSN', 'PubMed ID', 'Language of Original Document', 'Abbreviated Source Title', 'Document Type', 'Publication Stage', 'Open Access', 'Source', 'EID'];

const quote = (cell: string | number): string => `"${String(cell).replace(/"/g, '""')}"`;

export function scopusCsvRow(n: number): string {
  const r = record(n);
  const people = authors(n);
  const eid = `2-s2.0-${85000000000 + n}`;
  return [
    people.map((a) => `${a.surname} ${a.initials}`).join('; '),
    people.map((a) => `${a.surname}, ${a.given} (${a.id})`).join('; '),
    people.map((a) => a.id).join(';'),
    r.title,
    r.year,
    r.journal,
    r.volume,
    r.issue,
    '',
    r.startPage,
    r.startPage + 7,
    8,
    n % 40,
    r.doi,
    `https://www.scopus.com/inward/record.uri?eid=${eid}&doi=${encodeURIComponent(r.doi)}&partnerID=40&md5=${(n * 2654435761 >>> 0).toString(16).padStart(8, '0')}`,
    r.abstract,
    r.keywords.join('; '),
    r.indexKeywords.join('; '),
    '22102612',
    r.pmid,
    'English',
    r.abbreviation,
    'Article',
    'Final',
    n % 3 === 0 ? 'All Open Access; Gold Open Access' : '',
    'Scopus',
    eid,
  ]
    .map(quote)
    .join(',');
}

export function risRecord(n: number): string {
  const r = record(n);
  const lines = ['TY  - JOUR'];
  for (const a of authors(n)) lines.push(`AU  - ${a.surname}, ${a.given}`);
  lines.push(
    `T1  - ${r.title}`,
    `JF  - ${r.journal}`,
    `JA  - ${r.abbreviation}`,
    `PY  - ${r.year}`,
    `DA  - ${r.year}/03/${String((n % 28) + 1).padStart(2, '0')}/`,
    `VL  - ${r.volume}`,
    `IS  - ${r.issue}`,
    `SP  - ${r.startPage}`,
    `EP  - ${r.startPage + 7}`,
    'SN  - 2210-2612',
    `DO  - ${r.doi}`,
    `AN  - ${r.pmid}`,
    `UR  - https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`,
    `AB  - ${r.abstract}`,
    ...r.keywords.map((keyword) => `KW  - ${keyword}`),
    ...r.indexKeywords.slice(1).map((keyword) => `KW  - ${keyword}`),
    'LA  - eng',
    'PB  - Elsevier',
    `N1  - PMID: ${r.pmid}`,
    'DB  - PubMed',
    'ER  - ',
    '',
    '',
  );
  return lines.join('\r\n');
}

export type ExportFormat = 'csv' | 'ris';

/** Yields an export of the given format in ~64 KB pieces until at least `bytes` have been produced; `records()` says how many records it held. */
export function generatedExport(format: ExportFormat, bytes: number): { source: AsyncGenerator<Buffer>; records(): number } {
  let count = 0;
  const make = format === 'csv' ? (n: number) => `${scopusCsvRow(n)}\r\n` : risRecord;
  async function* source(): AsyncGenerator<Buffer> {
    // Scopus writes a UTF-8 byte order mark before the header.
    let produced = 0;
    if (format === 'csv') {
      const header = `\ufeff${SCOPUS_HEADER.map(quote).join(',')}\r\n`;
      produced += Buffer.byteLength(header);
      yield Buffer.from(header, 'utf8');
    }
    while (produced < bytes) {
      const parts: string[] = [];
      let size = 0;
      while (size < 64 * 1024 && produced + size < bytes) {
        count += 1;
        const text = make(count);
        parts.push(text);
        size += text.length;
      }
      const piece = Buffer.from(parts.join(''), 'utf8');
      produced += piece.length;
      yield piece;
    }
  }
  return { source: source(), records: () => count };
}
