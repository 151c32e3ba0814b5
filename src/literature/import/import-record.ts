/**
 * Pure: one parsed record -> the fields of a publication, validated by the publications module's own
 * rules. Real exports are dirty, so a value that fails validation in an optional field (a URL with a
 * space, a year 2099, a 70-character volume) is dropped with a warning rather than losing the whole
 * record; a record without a usable title cannot become a publication and is an error.
 */
import { BadUserInputError } from '../../common/errors/domain-error';
import { titleKeyOf } from '../../publications/identifiers';
import { PublicationFields, validateCreatePublication } from '../../publications/publication-validation';
import type { CreatePublicationInput } from '../../publications/inputs/publication.input';
import type { ParsedPublication } from '../parsed-publication';
import { TitleStatus } from '../../publications/title-status.enum';

export interface RecordProblem {
  field: string | null;
  message: string;
}

export type MappedRecord =
  | { ok: true; fields: PublicationFields; titleKey: string | null; warnings: RecordProblem[] }
  | { ok: false; errors: RecordProblem[] };

/** Fields without which a record is not a publication. */
const REQUIRED: ReadonlySet<string> = new Set(['title']);

const EMPTY_VALUE: Partial<Record<keyof CreatePublicationInput, unknown>> = { authors: [], publicationTypes: [], meshHeadings: [], keywords: [] };

function inputOf(publication: ParsedPublication): CreatePublicationInput {
  return {
    // A record that says its title is not recorded (this project's exports) keeps it so; any other needs a title.
    title: publication.title ?? (publication.titleStatus === TitleStatus.NOT_RECORDED ? null : ''),
    titleStatus: publication.titleStatus ?? null,
    abstract: publication.abstract,
    authors: publication.authors.map((author) => ({ family: author.family, given: author.given })),
    journal: publication.journal,
    year: publication.year,
    month: publication.month,
    volume: publication.volume,
    issue: publication.issue,
    pages: publication.pages,
    doi: publication.doi,
    pmid: publication.pmid,
    pmcid: publication.pmcid,
    publicationTypes: publication.publicationTypes,
    meshHeadings: publication.meshHeadings.map((heading) => ({ descriptorUi: heading.descriptorUi, label: heading.label, majorTopic: heading.majorTopic })),
    keywords: publication.keywords,
    language: publication.language,
    url: publication.url,
  };
}

/** "record.year" / "record.authors.3.family" -> "year" / "authors". */
function topField(path: string): string {
  return path.split('.')[1] ?? path;
}

export function mapParsedPublication(publication: ParsedPublication): MappedRecord {
  const input = inputOf(publication) as unknown as Record<string, unknown>;
  const warnings: RecordProblem[] = [];
  // Two passes at most: the second runs without the optional values the first one refused.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fields = validateCreatePublication(input as unknown as CreatePublicationInput, 'record');
      return { ok: true, fields, titleKey: titleKeyOf(fields.title, fields.year, fields.authors, fields), warnings };
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      const problems = error.fieldErrors.map((fieldError) => ({ field: topField(fieldError.path), message: fieldError.message }));
      const fatal = problems.filter((problem) => REQUIRED.has(problem.field as string));
      if (fatal.length || attempt === 1) {
        return { ok: false, errors: (fatal.length ? fatal : problems).map((problem) => (problem.field === 'title' && !publication.title ? { field: 'title', message: 'the record has no title' } : problem)) };
      }
      for (const problem of problems) {
        const field = problem.field as string;
        const value = input[field];
        warnings.push({ field, message: `${problem.message}; the value ${JSON.stringify(value)?.slice(0, 120)} was left out` });
        input[field] = field in EMPTY_VALUE ? EMPTY_VALUE[field as keyof CreatePublicationInput] : null;
      }
    }
  }
  /* istanbul ignore next */
  throw new Error('unreachable');
}
