import { FacetField, FacetName } from '../../query/facet-registry';
import { TextAtom, TextQuery } from '../../query/text-query';

/** The text search configuration: English stemming and stop words (medical English is English). */
export const TS_CONFIG = 'english';

/** The in-memory column of complication -> procedure links (pairs of codes, see SearchCaseDocument.complicationProcedureCodes). */
export const LINK_PAIRS = 'complicationProcedurePairs';

/** Column of each document field in search_case_document; coded fields hold SearchFacetCode codes. */
export const COLUMN_OF: Record<FacetField | 'hasKnownOutcome' | 'citationComplete' | typeof LINK_PAIRS, string> = {
  complicationIds: 'complication_codes',
  procedureIds: 'procedure_codes',
  treatmentIds: 'treatment_codes',
  symptomIds: 'symptom_codes',
  sex: 'sex_code',
  ageGroup: 'age_group_code',
  pregnancyStatus: 'pregnancy_status_code',
  anticoagulation: 'anticoagulation_code',
  outcome: 'outcome_code',
  curationStatus: 'curation_status_code',
  publicationTypes: 'publication_type_codes',
  year: 'year',
  ageYears: 'age_years',
  bloodPatchVolumesMl: 'blood_patch_volumes_ml',
  onsetHours: 'onset_hours',
  hasKnownOutcome: 'has_known_outcome',
  citationComplete: 'citation_complete',
  complicationProcedurePairs: 'complication_procedure_codes',
};

/** Fields whose values are stored as codes (everything but numbers and the booleans). */
export const CODED_FIELDS = new Set<FacetField>(['complicationIds', 'procedureIds', 'treatmentIds', 'symptomIds', 'sex', 'ageGroup', 'pregnancyStatus', 'anticoagulation', 'outcome', 'curationStatus', 'publicationTypes']);

/** The key under which a facet value gets its code. */
export const codeKey = (field: FacetField, value: string) => `${field}:${value}`;

/** Maps filter values to codes; a value without a code matches nothing (-1). */
export type Encode = (field: FacetField, value: string) => number;

/** Collects positional parameters ($1, $2, ...); values never enter the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * A prefix atom as to_tsquery text: its words (split where PostgreSQL's parser splits them, so only
 * letters and digits reach to_tsquery and no operator can be smuggled in) as a phrase, the last one
 * with `:*`. to_tsquery still analyses each word (stemming, stop words: `blood in pat` gives
 * `'blood' <2> 'pat':*`). Null when nothing searchable is left.
 */
export function prefixTsqueryText(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ':*' : ''}`).join(' <-> ');
}

/** A tsquery for one atom: the phrase as typed OR any spelling variant (a prefix atom: the phrase with its last word a prefix). */
function atomSql(atom: TextAtom, params: SqlParams): string {
  const parts = atom.variants.map((variant) => {
    const prefix = atom.prefix ? prefixTsqueryText(variant) : null;
    return prefix !== null ? `to_tsquery('${TS_CONFIG}', ${params.add(prefix)})` : `phraseto_tsquery('${TS_CONFIG}', ${params.add(variant)})`;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

/** The tsquery of the whole text: OR of clauses, each ANDing its atoms and NOTing its exclusions. */
export function tsquerySql(text: TextQuery, params: SqlParams): string {
  const clauses = text.anyOf.map((clause) => {
    const parts = [...clause.include.map((atom) => atomSql(atom, params)), ...clause.exclude.map((atom) => `(!! ${atomSql(atom, params)})`)];
    return parts.length === 1 ? parts[0] : `(${parts.join(' && ')})`;
  });
  return clauses.length === 1 ? clauses[0] : `(${clauses.join(' || ')})`;
}

/** Counts as FacetColumns.count gives them (the rows the SQL counting statement returned before counting moved to memory). */
export interface CountRow {
  kind: 'total' | 'bucket' | 'stats' | 'histogram' | 'present';
  facet: FacetName | null;
  /** A code for coded facets. */
  value: string | number | null;
  cases: string | number;
  publications: string | number;
  n1: number | null;
  n2: number | null;
}
