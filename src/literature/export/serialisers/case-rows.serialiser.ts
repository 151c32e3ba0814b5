import { ExportCase, ExportTerm } from '../export-case';
import { PUBLICATION_CSV_COLUMNS, publicationCells, publicationToJson } from './publication-rows.serialiser';

/**
 * The CSV columns: the case and its facts first, then its publication. The publication columns
 * carry Rayyan's CSV header names (key, title, year, journal, authors, doi, pubmed_id, ...), so the
 * importer recognises an export and reads its publications back.
 */
export const CASE_CSV_COLUMNS = [
  'case_id',
  'case_label',
  'curation_status',
  'age_years',
  'age_group',
  'sex',
  'pregnancy_status',
  'anticoagulation',
  'comorbidities',
  'procedures',
  'complications',
  'symptoms',
  'treatments',
  'outcome',
  'outcome_details',
  'time_to_resolution_days',
  'follow_up_days',
  'summary',
  ...PUBLICATION_CSV_COLUMNS,
] as const;

const labels = (terms: ExportTerm[]) => [...new Set(terms.map((term) => term.label))].join('; ');
const num = (value: number | null) => (value === null ? '' : String(value));

/** One CSV row (cells in CASE_CSV_COLUMNS order). Lists are "; "-separated. */
export function caseToCsvRow(item: ExportCase): string[] {
  const { caseReport: c, publication: p } = item;
  const procedures = item.procedures.map((procedure) => (procedure.bloodVolumeMl !== null ? `${procedure.term.label} (${procedure.bloodVolumeMl} ml)` : procedure.term.label));
  const complications = item.complications.map((complication) => {
    const after = complication.procedureIndex !== null ? item.procedures[complication.procedureIndex]?.term.label : null;
    return after ? `${complication.term.label} after ${after}` : complication.term.label;
  });
  const treatments = item.treatments.map((treatment) => treatment.term.label);
  const row: Record<(typeof CASE_CSV_COLUMNS)[number], string> = {
    case_id: c.id,
    case_label: c.label,
    curation_status: c.curationStatus,
    age_years: num(c.ageYears),
    age_group: c.ageGroup,
    sex: c.sex,
    pregnancy_status: c.pregnancyStatus,
    anticoagulation: c.anticoagulation,
    comorbidities: labels(item.comorbidities),
    procedures: procedures.join('; '),
    complications: complications.join('; '),
    symptoms: labels(item.complications.flatMap((complication) => complication.symptoms)),
    treatments: treatments.length ? treatments.join('; ') : 'not reported',
    outcome: c.outcome,
    outcome_details: c.outcomeDetails ?? '',
    time_to_resolution_days: num(c.timeToResolutionDays),
    follow_up_days: num(c.followUpDays),
    summary: c.summary ?? '',
    ...publicationCells(p),
  };
  return CASE_CSV_COLUMNS.map((column) => row[column]);
}

/** One JSON Lines object: the case with its facts and its whole publication (MeSH included). */
export function caseToJson(item: ExportCase): Record<string, unknown> {
  const { caseReport: c, publication: p } = item;
  return {
    id: c.id,
    label: c.label,
    summary: c.summary,
    ageYears: c.ageYears,
    ageGroup: c.ageGroup,
    sex: c.sex,
    pregnancyStatus: c.pregnancyStatus,
    anticoagulation: c.anticoagulation,
    comorbidities: item.comorbidities,
    procedures: item.procedures,
    complications: item.complications,
    treatments: item.treatments,
    outcome: c.outcome,
    outcomeDetails: c.outcomeDetails,
    timeToResolutionDays: c.timeToResolutionDays,
    followUpDays: c.followUpDays,
    curationStatus: c.curationStatus,
    facts: c.facts,
    publication: publicationToJson(p),
  };
}
