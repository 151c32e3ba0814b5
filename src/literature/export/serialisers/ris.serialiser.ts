import { titleStatusNote } from '../../../publications/title-status.enum';
import { meshHeadingToText, RIS_MESH_PREFIX } from '../../formats/mesh-text';
import { ExportPublication, oneLine } from '../export-case';

const line = (tag: string, value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '' : `${tag}  - ${oneLine(String(value))}\r\n`);

/**
 * One RIS record (EndNote/Zotero dialect: T2 journal, AN the PMID, C2 the PMCID, M3 publication
 * types). Pages are split into SP/EP. MeSH headings have no RIS tag: they are KW lines prefixed
 * "MeSH: ", in MEDLINE's notation with the descriptor UI ("KW  - MeSH: *Hematoma, Epidural, Spinal
 * [D020758]"), which reference managers show as keywords and the importer reads back as MeSH. A title
 * that is incomplete or not recorded is written as far as it is known, and N1 says so.
 */
export function publicationToRis(publication: ExportPublication): string {
  const [startPage, ...rest] = (publication.pages ?? '').split('-');
  let out = line('TY', 'JOUR'); // (RIS "CASE" is a court case, not a case report)
  out += line('TI', publication.title); // the known title only: a missing part is said in N1
  for (const author of publication.authors) out += line('AU', author.given ? `${author.family}, ${author.given}` : author.family);
  out += line('PY', publication.year);
  if (publication.year && publication.month) out += line('DA', `${publication.year}/${String(publication.month).padStart(2, '0')}//`);
  out += line('T2', publication.journal);
  out += line('VL', publication.volume);
  out += line('IS', publication.issue);
  out += line('SP', startPage);
  out += line('EP', rest.join('-'));
  out += line('AB', publication.abstract);
  out += line('DO', publication.doi);
  out += line('AN', publication.pmid);
  out += line('C2', publication.pmcid);
  for (const type of publication.publicationTypes) out += line('M3', type);
  for (const keyword of publication.keywords) out += line('KW', keyword);
  for (const heading of publication.meshHeadings) out += line('KW', RIS_MESH_PREFIX + meshHeadingToText(heading));
  out += line('LA', publication.language);
  out += line('UR', publication.url);
  out += line('N1', titleStatusNote(publication.titleStatus));
  out += line('ID', publication.id);
  return `${out}ER  - \r\n\r\n`;
}
