import type { CaseReport } from '../../case-reports/entities/case-report.entity';
import type { Publication } from '../../publications/publication.entity';
import { titleText } from '../../publications/title-status.enum';

/** A vocabulary term as exports name it. */
export interface ExportTerm {
  key: string;
  label: string;
  meshUi: string | null;
}

/** One case report with everything an export writes about it (terms resolved, links as indexes). */
export interface ExportCase {
  caseReport: Omit<CaseReport, 'publication' | 'procedures' | 'complications' | 'treatments' | 'comorbidities'>;
  publication: Publication;
  comorbidities: ExportTerm[];
  procedures: { term: ExportTerm; details: string | null; bloodVolumeMl: number | null; vertebralLevel: string | null; attemptNumber: number | null; imageGuidance: string | null; needleGauge: number | null }[];
  complications: { term: ExportTerm; procedureIndex: number | null; onsetHours: number | null; diagnosis: string | null; details: string | null; symptoms: ExportTerm[] }[];
  treatments: { term: ExportTerm; complicationIndex: number | null; details: string | null }[];
}

/** The bibliographic fields every format draws on. */
export type ExportPublication = Pick<
  Publication,
  'id' | 'title' | 'titleStatus' | 'abstract' | 'authors' | 'journal' | 'year' | 'month' | 'volume' | 'issue' | 'pages' | 'doi' | 'pmid' | 'pmcid' | 'publicationTypes' | 'meshHeadings' | 'keywords' | 'language' | 'url'
>;

/** "McInerney HJ, Smith J. Title. Journal. 2020;12(3):45-50. doi:10.1/x. PMID: 123." (Vancouver-like) */
export function citationOf(publication: ExportPublication): string {
  const authors = publication.authors.length > 6 ? [...publication.authors.slice(0, 6).map(nameOf), 'et al'] : publication.authors.map(nameOf);
  const parts: string[] = [];
  if (authors.length) parts.push(`${authors.join(', ')}.`);
  parts.push(`${titleText(publication).replace(/\.$/, '')}.`);
  let source = publication.journal ? `${publication.journal}.` : '';
  if (publication.year) {
    source += ` ${publication.year}`;
    if (publication.volume) source += `;${publication.volume}`;
    if (publication.issue) source += `(${publication.issue})`;
    if (publication.pages) source += `:${publication.pages}`;
    source += '.';
  }
  if (source.trim()) parts.push(source.trim());
  if (publication.doi) parts.push(`doi:${publication.doi}.`);
  if (publication.pmid) parts.push(`PMID: ${publication.pmid}.`);
  return parts.join(' ');
}

function nameOf(author: { family: string; given: string | null }): string {
  return author.given ? `${author.family} ${author.given.replace(/[^\p{Lu}]/gu, '') || author.given}` : author.family;
}

/** One line of text: exports keep values on their line. */
export function oneLine(value: string): string {
  // U+2028 / U+2029 too: other tools end a line there (JavaScript's `.`, Python's splitlines), and RIS is read line by line.
  return value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}
