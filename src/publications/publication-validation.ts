import { z } from 'zod';
import { normaliseDoi, normalisePmcid, normalisePmid } from './identifiers';
import { CreatePublicationInput } from './inputs/publication.input';
import { Publication } from './publication.entity';
import { TitleStatus } from './title-status.enum';
import { parseOrThrow } from '../common/validation';
import { BadUserInputError } from '../common/errors/domain-error';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);
/** `max` is the column's length: a longer value is refused here, before it reaches PostgreSQL. */
const identifier = (normalise: (raw: string) => string | null, what: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined || raw.trim() === '') return null;
      const normalised = normalise(raw);
      if (!normalised) ctx.addIssue({ code: 'custom', message: `"${raw.slice(0, 80)}" is not ${what}` });
      else if (normalised.length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters (got ${normalised.length})` });
      return normalised;
    });

const maxYear = () => new Date().getUTCFullYear() + 1;

const publicationShape = {
  title: z.string().trim().min(1, 'must not be empty').max(2000).nullish().transform((v) => v ?? null),
  titleStatus: z.enum(TitleStatus).nullish().transform((v) => v ?? null),
  abstract: optionalText(100_000),
  authors: z
    .array(z.object({ family: z.string().trim().min(1, 'must not be empty').max(300), given: optionalText(300) }))
    .max(5000)
    .nullish()
    .transform((value) => value ?? []),
  journal: optionalText(500),
  year: z.number().int().min(1800, 'must be 1800 or later').refine((year) => year <= maxYear(), 'must not be in the future').nullish().transform((v) => v ?? null),
  month: z.number().int().min(1, 'must be 1-12').max(12, 'must be 1-12').nullish().transform((v) => v ?? null),
  volume: optionalText(64),
  issue: optionalText(64),
  pages: optionalText(64),
  doi: identifier(normaliseDoi, 'a DOI (expected 10.NNNN/...)', 255),
  pmid: identifier(normalisePmid, 'a PubMed id (digits)', 16),
  pmcid: identifier(normalisePmcid, 'a PMC id (PMC followed by digits)', 16),
  publicationTypes: z.array(z.string().trim().min(1).max(200)).max(100).nullish().transform((v) => v ?? []),
  meshHeadings: z
    .array(z.object({ descriptorUi: z.string().regex(/^D\d{6,9}$/, 'must be a MeSH descriptor UI like D017217').nullish().transform((v) => v ?? null), label: z.string().trim().min(1).max(300), majorTopic: z.boolean().default(false) }))
    .max(500)
    .nullish()
    .transform((v) => v ?? []),
  keywords: z.array(z.string().trim().min(1).max(300)).max(500).nullish().transform((v) => v ?? []),
  language: optionalText(16),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullish().transform((v) => v ?? null),
};

const createSchema = z.object(publicationShape);
const updateSchema = z.object(publicationShape).partial();

export type PublicationFields = Omit<Publication, 'id' | 'createdAt' | 'updatedAt' | 'titleKey' | 'titleFold'>;

/** A title and its status agree: a title unless NOT_RECORDED, none if NOT_RECORDED. */
export function titleStatusProblem(title: string | null, titleStatus: TitleStatus): { path: string; message: string } | null {
  if (titleStatus === TitleStatus.NOT_RECORDED && title !== null) return { path: 'title', message: 'must be null when titleStatus is NOT_RECORDED' };
  if (titleStatus !== TitleStatus.NOT_RECORDED && title === null) return { path: 'title', message: 'is required (or set titleStatus NOT_RECORDED)' };
  return null;
}

function assertTitle(title: string | null, titleStatus: TitleStatus, path: string): void {
  const problem = titleStatusProblem(title, titleStatus);
  if (problem) throw BadUserInputError.field(`${path}.${problem.path}`, problem.message);
}

export function validateCreatePublication(input: CreatePublicationInput, path = 'input'): PublicationFields {
  const parsed = parseOrThrow(createSchema, input, path);
  const titleStatus = parsed.titleStatus ?? TitleStatus.COMPLETE;
  assertTitle(parsed.title, titleStatus, path);
  return { ...parsed, titleStatus };
}

/**
 * Only the keys present in the input are returned, so an update leaves the others alone. A title and
 * its status are checked against each other here when both are given, and against the stored record
 * by `checkUpdatedTitle` when only one is.
 */
export function validateUpdatePublication(input: Partial<CreatePublicationInput>, path = 'input'): Partial<PublicationFields> {
  const parsed = parseOrThrow(updateSchema, input, path) as Partial<PublicationFields>;
  if ('titleStatus' in input && (input.titleStatus === null || input.titleStatus === undefined)) {
    throw BadUserInputError.field(`${path}.titleStatus`, 'must not be null');
  }
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => key in input)) as Partial<PublicationFields>;
}

/** The stored record with an update applied must still have a title unless NOT_RECORDED. */
export function checkUpdatedTitle(existing: Pick<Publication, 'title' | 'titleStatus'>, fields: Partial<PublicationFields>, path = 'input'): void {
  assertTitle(fields.title !== undefined ? fields.title : existing.title, fields.titleStatus ?? existing.titleStatus, path);
}
