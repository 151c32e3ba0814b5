/**
 * The case table's columns: one row per patient, each cell one line of text a manuscript table can
 * hold ("NR" where the source does not report the value). Pure: cells are computed from an ExportCase.
 */
import { registerEnumType } from '@nestjs/graphql';
import { ExportCase } from '../../literature/export/export-case';
import { oneLine } from '../../literature/export/export-case';
import { titleText } from '../../publications/title-status.enum';
import { enumLabel, facetDefinition, FacetName } from '../../search/query/facet-registry';

export enum CaseTableColumn {
  CITATION = 'CITATION',
  CASE_LABEL = 'CASE_LABEL',
  AGE = 'AGE',
  SEX = 'SEX',
  PREGNANCY_STATUS = 'PREGNANCY_STATUS',
  ANTICOAGULATION = 'ANTICOAGULATION',
  PROCEDURES = 'PROCEDURES',
  ONSET = 'ONSET',
  SYMPTOMS = 'SYMPTOMS',
  DIAGNOSIS = 'DIAGNOSIS',
  COMPLICATIONS = 'COMPLICATIONS',
  TREATMENTS = 'TREATMENTS',
  OUTCOME = 'OUTCOME',
  TIME_TO_RESOLUTION = 'TIME_TO_RESOLUTION',
  FOLLOW_UP = 'FOLLOW_UP',
  CURATION_STATUS = 'CURATION_STATUS',
  REFERENCE = 'REFERENCE',
}

/** What is written where a source does not report a value. */
export const NOT_REPORTED = 'NR';

interface ColumnDefinition {
  header: string;
  description: string;
  /** Relative width in the Word table (its columns share the page's width in these proportions). */
  width: number;
  cell(item: ExportCase): string;
}

const label = (facet: FacetName, value: string) => enumLabel(facetDefinition(facet), value);
const orNr = (text: string) => (text.trim() ? text : NOT_REPORTED);
const number = (value: number) => String(Number(value.toFixed(2)));
const distinct = (values: string[]) => [...new Set(values)];

/** "Kalina 2004", "Kalina and Craigo 2004", "McInerney et al. 2020"; "n.d." without a year. */
export function authorYear(item: Pick<ExportCase, 'publication'>): string {
  const authors = item.publication.authors ?? [];
  const year = item.publication.year ?? 'n.d.';
  if (!authors.length) return `${oneLine(titleText(item.publication)).slice(0, 40)} ${year}`;
  const names = authors.length === 1 ? authors[0].family : authors.length === 2 ? `${authors[0].family} and ${authors[1].family}` : `${authors[0].family} et al.`;
  return `${names} ${year}`;
}

/** "Epidural blood patch #2 (20 ml, L3-L4)": each procedure in order, with attempt, volume and level when reported. */
export function procedureSequence(item: Pick<ExportCase, 'procedures'>): string {
  return orNr(
    item.procedures
      .map((procedure) => {
        const details = [procedure.bloodVolumeMl !== null ? `${number(procedure.bloodVolumeMl)} ml` : null, procedure.vertebralLevel].filter(Boolean);
        const attempt = procedure.attemptNumber !== null && procedure.attemptNumber > 1 ? ` #${procedure.attemptNumber}` : '';
        return `${procedure.term.label}${attempt}${details.length ? ` (${details.join(', ')})` : ''}`;
      })
      .join('; '),
  );
}

/** "Intrathecal hematoma: 216 h after Epidural blood patch": every complication with a reported onset. */
export function onsets(item: Pick<ExportCase, 'complications' | 'procedures'>): string {
  return orNr(
    item.complications
      .filter((complication) => complication.onsetHours !== null)
      .map((complication) => {
        const after = complication.procedureIndex !== null && complication.procedureIndex >= 0 ? item.procedures[complication.procedureIndex] : undefined;
        return `${complication.term.label}: ${number(complication.onsetHours as number)} h${after ? ` after ${after.term.label}` : ''}`;
      })
      .join('; '),
  );
}

const days = (value: number | null) => (value === null ? NOT_REPORTED : `${number(value)} d`);

export const CASE_TABLE_COLUMNS: Record<CaseTableColumn, ColumnDefinition> = {
  CITATION: { header: 'Study', width: 4, description: 'First author and year: "Kalina 2004", "Kalina and Craigo 2004", "McInerney et al. 2020".', cell: authorYear },
  CASE_LABEL: { header: 'Case', width: 3, description: 'The case within its publication ("Case 2").', cell: (item) => oneLine(item.caseReport.label) },
  AGE: { header: 'Age (years)', width: 2, description: 'Age in years.', cell: (item) => (item.caseReport.ageYears === null ? NOT_REPORTED : number(item.caseReport.ageYears)) },
  SEX: { header: 'Sex', width: 2, description: 'Female, Male or Unknown.', cell: (item) => label(FacetName.SEX, item.caseReport.sex) },
  PREGNANCY_STATUS: { header: 'Obstetric status', width: 3, description: 'Pregnant, Postpartum, Not pregnant or Unknown.', cell: (item) => label(FacetName.PREGNANCY_STATUS, item.caseReport.pregnancyStatus) },
  ANTICOAGULATION: { header: 'Anticoagulation', width: 3, description: 'None, Anticoagulant, Antiplatelet, both, or Unknown.', cell: (item) => label(FacetName.ANTICOAGULATION, item.caseReport.anticoagulation) },
  PROCEDURES: { header: 'Procedures', width: 6, description: 'The procedures in order, each with attempt (#2 ...), blood volume (ml) and vertebral level when reported.', cell: procedureSequence },
  ONSET: { header: 'Onset', width: 5, description: 'Hours from the procedure to each complication whose onset is reported.', cell: onsets },
  SYMPTOMS: { header: 'Symptoms', width: 5, description: 'Symptoms of the complications.', cell: (item) => orNr(distinct(item.complications.flatMap((c) => c.symptoms.map((s) => s.label))).join('; ')) },
  DIAGNOSIS: { header: 'Diagnosis / imaging', width: 4, description: 'How each complication was diagnosed (e.g. MRI).', cell: (item) => orNr(distinct(item.complications.filter((c) => c.diagnosis).map((c) => oneLine(c.diagnosis as string))).join('; ')) },
  COMPLICATIONS: { header: 'Complications', width: 5, description: 'The complications, main one first.', cell: (item) => orNr(item.complications.map((c) => c.term.label).join('; ')) },
  TREATMENTS: { header: 'Treatment', width: 4, description: 'The treatments; NR when none is reported.', cell: (item) => orNr(item.treatments.map((t) => t.term.label).join('; ')) },
  OUTCOME: { header: 'Outcome', width: 3, description: 'Full recovery, Partial recovery, ..., Unknown.', cell: (item) => label(FacetName.OUTCOME, item.caseReport.outcome) },
  TIME_TO_RESOLUTION: { header: 'Time to resolution', width: 3, description: 'Days from the complication to its resolution.', cell: (item) => days(item.caseReport.timeToResolutionDays) },
  FOLLOW_UP: { header: 'Follow-up', width: 2, description: 'Length of follow-up in days.', cell: (item) => days(item.caseReport.followUpDays) },
  CURATION_STATUS: { header: 'Curation', width: 2, description: 'Curated, or Suggested (proposed by extraction, not yet confirmed).', cell: (item) => label(FacetName.CURATION_STATUS, item.caseReport.curationStatus) },
  REFERENCE: { header: 'Reference', width: 4, description: 'DOI, else PMID.', cell: (item) => (item.publication.doi ? `doi:${item.publication.doi}` : item.publication.pmid ? `PMID:${item.publication.pmid}` : NOT_REPORTED) },
};

/** The columns when the caller names none: the synthesis table of a case-report review. */
export const DEFAULT_CASE_TABLE_COLUMNS: readonly CaseTableColumn[] = [
  CaseTableColumn.CITATION,
  CaseTableColumn.AGE,
  CaseTableColumn.PREGNANCY_STATUS,
  CaseTableColumn.PROCEDURES,
  CaseTableColumn.ONSET,
  CaseTableColumn.SYMPTOMS,
  CaseTableColumn.DIAGNOSIS,
  CaseTableColumn.COMPLICATIONS,
  CaseTableColumn.TREATMENTS,
  CaseTableColumn.OUTCOME,
];

/** The cells of one case, in the caller's column order. */
export function caseTableRow(item: ExportCase, columns: readonly CaseTableColumn[]): string[] {
  return columns.map((column) => oneLine(CASE_TABLE_COLUMNS[column].cell(item)));
}

registerEnumType(CaseTableColumn, {
  name: 'CaseTableColumn',
  description: 'A column of the case table (see caseTableColumns for headers and descriptions).',
  valuesMap: Object.fromEntries(Object.entries(CASE_TABLE_COLUMNS).map(([name, column]) => [name, { description: column.description }])),
});
