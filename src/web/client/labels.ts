/** Human labels for the enum values the API returns, and small formatting helpers. */

const ENUM_LABELS: Record<string, string> = {
  FEMALE: 'Female',
  MALE: 'Male',
  NEONATE: 'Neonate',
  INFANT: 'Infant',
  CHILD: 'Child',
  ADOLESCENT: 'Adolescent',
  ADULT: 'Adult',
  OLDER_ADULT: 'Older adult',
  PREGNANT: 'Pregnant',
  POSTPARTUM: 'Postpartum',
  NOT_PREGNANT: 'Not pregnant',
  NONE: 'None',
  ANTICOAGULANT: 'Anticoagulant',
  ANTIPLATELET: 'Antiplatelet',
  BOTH: 'Anticoagulant and antiplatelet',
  FULL_RECOVERY: 'Full recovery',
  PARTIAL_RECOVERY: 'Partial recovery',
  IMPROVED_UNSPECIFIED: 'Improved (unspecified)',
  RESIDUAL_DEFICIT: 'Residual deficit',
  DEATH: 'Death',
  UNKNOWN: 'Unknown',
};

/** "FULL_RECOVERY" -> "Full recovery"; values we do not know are made readable the same way. */
export function enumLabel(value: string): string {
  if (ENUM_LABELS[value]) return ENUM_LABELS[value];
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatAge(ageYears: number | null | undefined): string {
  if (ageYears === null || ageYears === undefined) return 'age not reported';
  if (ageYears < 1) {
    const months = Math.round(ageYears * 12);
    return months < 1 ? `${Math.round(ageYears * 365)} days` : `${months} months`;
  }
  return `${Number.isInteger(ageYears) ? ageYears : ageYears.toFixed(1)} years`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

export interface AuthorName {
  family: string;
  given?: string | null;
}

export function authorName(author: AuthorName): string {
  return author.given ? `${author.family} ${author.given}` : author.family;
}

/** "McInerney HJ, Lee M, Saunders T, et al." (all authors when `all`). */
export function authorList(authors: readonly AuthorName[], all = false): string {
  if (!authors.length) return 'Authors not listed';
  const shown = all || authors.length <= 4 ? authors : authors.slice(0, 3);
  const names = shown.map(authorName).join(', ');
  return shown.length < authors.length ? `${names}, et al.` : names;
}

/**
 * The unknown parts of a citation's source, said in words for the result lists ("journal and year not
 * recorded"), or null when both are known: a list never leaves a reader guessing whether a missing
 * year was left out or is unknown. (The copyable citation leaves unknown parts out, Vancouver style.)
 */
export function unknownSourceNote(publication: { journal: string | null; year: number | null }): string | null {
  const missing = [publication.journal?.trim() ? null : 'journal', publication.year ? null : 'year'].filter((part): part is string => part !== null);
  return missing.length ? `${missing.join(' and ')} not recorded` : null;
}
