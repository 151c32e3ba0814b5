import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { decodeCursor } from '../common/pagination/connection';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { CaseComplication } from './entities/case-complication.entity';
import { CaseProcedure } from './entities/case-procedure.entity';
import { CaseReport } from './entities/case-report.entity';
import { CaseTreatment } from './entities/case-treatment.entity';

export type CaseReportRow = Omit<CaseReport, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'publication' | 'comorbidities' | 'procedures' | 'complications' | 'treatments' | 'curationStatus' | 'facts' | 'extractionRulesVersion'> &
  Partial<Pick<CaseReport, 'curationStatus' | 'facts' | 'extractionRulesVersion'>>;

/** Rows per INSERT ... SELECT FROM jsonb_to_recordset($1) (one parameter; bounds the JSON text per statement). */
const INSERT_CHUNK = 2000;

const CASE_REPORT_INSERT = `INSERT INTO case_report (id, publication_id, label, summary, age_years, age_group, sex, pregnancy_status, anticoagulation, outcome, outcome_details, time_to_resolution_days, follow_up_days, curation_status, facts, extraction_rules_version)
  SELECT id, publication_id, label, summary, age_years, age_group::age_group, sex::sex, pregnancy_status::pregnancy_status, anticoagulation::anticoagulation, outcome::outcome, outcome_details, time_to_resolution_days, follow_up_days,
    COALESCE(curation_status, 'CURATED')::curation_status, COALESCE(facts, '[]'::jsonb), extraction_rules_version
  FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, publication_id uuid, label text, summary text, age_years double precision, age_group text, sex text, pregnancy_status text, anticoagulation text, outcome text, outcome_details text,
    time_to_resolution_days double precision, follow_up_days double precision, curation_status text, facts jsonb, extraction_rules_version text)`;
const PROCEDURE_INSERT = `INSERT INTO case_procedure (id, case_report_id, position, term_id, details, blood_volume_ml, vertebral_level, attempt_number, image_guidance, needle_gauge)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_report_id uuid, position smallint, term_id uuid, details text, blood_volume_ml double precision, vertebral_level text, attempt_number smallint, image_guidance text, needle_gauge smallint)`;
const COMPLICATION_INSERT = `INSERT INTO case_complication (id, case_report_id, position, term_id, procedure_id, onset_hours, diagnosis, details)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_report_id uuid, position smallint, term_id uuid, procedure_id uuid, onset_hours double precision, diagnosis text, details text)`;
const TREATMENT_INSERT = `INSERT INTO case_treatment (id, case_report_id, position, term_id, complication_id, details)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_report_id uuid, position smallint, term_id uuid, complication_id uuid, details text)`;

async function insertRecordset(tx: Tx, sql: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.query(sql, [JSON.stringify(rows.slice(i, i + INSERT_CHUNK))]);
}

/** Rejected suggestions are kept (a re-run must not propose them again) but are not listed or counted. */
const LISTED = "c.curation_status <> 'REJECTED'";

/** One patient's linked facts, with terms already resolved to ids. */
export interface CaseFacts {
  comorbidityTermIds: string[];
  procedures: Omit<CaseProcedure, 'id' | 'caseReportId' | 'position' | 'caseReport' | 'term'>[];
  complications: (Omit<CaseComplication, 'id' | 'caseReportId' | 'position' | 'procedureId' | 'caseReport' | 'term' | 'procedure' | 'symptoms'> & { procedureIndex: number | null; symptomTermIds: string[] })[];
  treatments: (Omit<CaseTreatment, 'id' | 'caseReportId' | 'position' | 'complicationId' | 'caseReport' | 'term' | 'complication'> & { complicationIndex: number | null })[];
}

@Injectable()
export class CaseReportsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findByIds(ids: readonly string[], tx: Tx = this.uow.reader): Promise<CaseReport[]> {
    return ids.length ? tx.find(CaseReport, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  findByPublicationIds(publicationIds: readonly string[], tx: Tx = this.uow.reader): Promise<CaseReport[]> {
    return publicationIds.length ? tx.find(CaseReport, { where: { publicationId: In([...publicationIds]) }, order: { label: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  /**
   * The cases of these publications, locked until the transaction ends (FOR UPDATE, in id order) and read after
   * the locks are held: a curator's write to one of them (it locks the case too) commits before or after, never
   * between this read and what the caller does with it. Extraction decides from it which suggestions to replace.
   */
  async lockByPublicationIds(tx: Tx, publicationIds: readonly string[]): Promise<CaseReport[]> {
    if (!publicationIds.length) return [];
    await tx.query('SELECT count(*) FROM (SELECT c.id FROM case_report c WHERE c.publication_id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE) AS held', [[...publicationIds]]);
    return this.findByPublicationIds(publicationIds, tx);
  }

  async page(first: number, after: string | null | undefined): Promise<{ rows: CaseReport[]; hasNextPage: boolean; totalCount: number }> {
    const query = this.uow.reader.createQueryBuilder(CaseReport, 'c').where(LISTED).orderBy("date_trunc('milliseconds', c.created_at)", 'DESC').addOrderBy('c.id', 'DESC').limit(first + 1);
    if (after) query.andWhere("(date_trunc('milliseconds', c.created_at), c.id) < (:createdAt::timestamptz, :id)", decodeCursor(after));
    const [rows, totalCount] = await Promise.all([query.getMany(), this.uow.reader.createQueryBuilder(CaseReport, 'c').where(LISTED).getCount()]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  proceduresOf(caseIds: readonly string[], tx: Tx = this.uow.reader): Promise<CaseProcedure[]> {
    return tx.find(CaseProcedure, { where: { caseReportId: In([...caseIds]) }, order: { position: 'ASC' } });
  }

  complicationsOf(caseIds: readonly string[], tx: Tx = this.uow.reader): Promise<CaseComplication[]> {
    return tx.find(CaseComplication, { where: { caseReportId: In([...caseIds]) }, order: { position: 'ASC' } });
  }

  treatmentsOf(caseIds: readonly string[], tx: Tx = this.uow.reader): Promise<CaseTreatment[]> {
    return tx.find(CaseTreatment, { where: { caseReportId: In([...caseIds]) }, order: { position: 'ASC' } });
  }

  async comorbidityTermIdsOf(caseIds: readonly string[], tx: Tx = this.uow.reader): Promise<{ caseReportId: string; termId: string }[]> {
    if (!caseIds.length) return [];
    const rows: { case_report_id: string; term_id: string }[] = await tx.query('SELECT case_report_id, term_id FROM case_report_comorbidity WHERE case_report_id = ANY($1)', [[...caseIds]]);
    return rows.map((row) => ({ caseReportId: row.case_report_id, termId: row.term_id }));
  }

  async symptomTermIdsOf(complicationIds: readonly string[], tx: Tx = this.uow.reader): Promise<{ complicationId: string; termId: string }[]> {
    if (!complicationIds.length) return [];
    const rows: { complication_id: string; term_id: string }[] = await tx.query('SELECT complication_id, term_id FROM case_complication_symptom WHERE complication_id = ANY($1)', [[...complicationIds]]);
    return rows.map((row) => ({ complicationId: row.complication_id, termId: row.term_id }));
  }

  async insert(tx: Tx, row: CaseReportRow, facts: CaseFacts): Promise<CaseReport> {
    const saved = await tx.save(CaseReport, tx.create(CaseReport, row));
    await this.writeFacts(tx, saved.id, facts);
    return saved;
  }

  async update(tx: Tx, id: string, row: CaseReportRow, facts: CaseFacts): Promise<void> {
    await tx.update(CaseReport, { id }, row);
    // The linked facts reference each other by position, so they are replaced together.
    await tx.delete(CaseTreatment, { caseReportId: id });
    await tx.delete(CaseComplication, { caseReportId: id });
    await tx.delete(CaseProcedure, { caseReportId: id });
    await tx.query('DELETE FROM case_report_comorbidity WHERE case_report_id = $1', [id]);
    await this.writeFacts(tx, id, facts);
  }

  /**
   * Many cases with their facts in a handful of multi-row statements (imports propose thousands of
   * cases; one save per row would dominate the import). Ids are made here, so no row is read back.
   */
  async insertMany(tx: Tx, items: { row: CaseReportRow; facts: CaseFacts }[]): Promise<string[]> {
    if (!items.length) return [];
    const ids = items.map(() => randomUUID());
    const procedures: (CaseFacts['procedures'][number] & { id: string; caseReportId: string; position: number })[] = [];
    const complications: (Omit<CaseFacts['complications'][number], 'procedureIndex' | 'symptomTermIds'> & { id: string; caseReportId: string; position: number; procedureId: string | null })[] = [];
    const treatments: (Omit<CaseFacts['treatments'][number], 'complicationIndex'> & { id: string; caseReportId: string; position: number; complicationId: string | null })[] = [];
    const symptoms: [string, string][] = [];
    const comorbidities: [string, string][] = [];
    items.forEach(({ facts }, i) => {
      const caseReportId = ids[i];
      const procedureIds = facts.procedures.map((procedure, position) => {
        const id = randomUUID();
        procedures.push({ ...procedure, id, caseReportId, position });
        return id;
      });
      const complicationIds = facts.complications.map(({ procedureIndex, symptomTermIds, ...complication }, position) => {
        const id = randomUUID();
        complications.push({ ...complication, id, caseReportId, position, procedureId: procedureIndex === null ? null : procedureIds[procedureIndex] });
        for (const termId of new Set(symptomTermIds)) symptoms.push([id, termId]);
        return id;
      });
      facts.treatments.forEach(({ complicationIndex, ...treatment }, position) => treatments.push({ ...treatment, id: randomUUID(), caseReportId, position, complicationId: complicationIndex === null ? null : complicationIds[complicationIndex] }));
      for (const termId of new Set(facts.comorbidityTermIds)) comorbidities.push([caseReportId, termId]);
    });
    // One parameter per table and chunk: the rows as a JSON array, unpacked by jsonb_to_recordset.
    // (TypeORM's multi-row INSERT binds one parameter per column and row, and building and escaping
    // those thousands of parameters showed in the import's CPU profile.)
    const reports = items.map(({ row }, i) => ({
      id: ids[i],
      publication_id: row.publicationId,
      label: row.label,
      summary: row.summary ?? null,
      age_years: row.ageYears ?? null,
      age_group: row.ageGroup,
      sex: row.sex,
      pregnancy_status: row.pregnancyStatus,
      anticoagulation: row.anticoagulation,
      outcome: row.outcome,
      outcome_details: row.outcomeDetails ?? null,
      time_to_resolution_days: row.timeToResolutionDays ?? null,
      follow_up_days: row.followUpDays ?? null,
      curation_status: row.curationStatus ?? null,
      facts: row.facts ?? null,
      extraction_rules_version: row.extractionRulesVersion ?? null,
    }));
    await insertRecordset(tx, CASE_REPORT_INSERT, reports);
    await insertRecordset(
      tx,
      PROCEDURE_INSERT,
      procedures.map((p) => ({
        id: p.id,
        case_report_id: p.caseReportId,
        position: p.position,
        term_id: p.termId,
        details: p.details ?? null,
        blood_volume_ml: p.bloodVolumeMl ?? null,
        vertebral_level: p.vertebralLevel ?? null,
        attempt_number: p.attemptNumber ?? null,
        image_guidance: p.imageGuidance ?? null,
        needle_gauge: p.needleGauge ?? null,
      })),
    );
    await insertRecordset(
      tx,
      COMPLICATION_INSERT,
      complications.map((c) => ({ id: c.id, case_report_id: c.caseReportId, position: c.position, term_id: c.termId, procedure_id: c.procedureId ?? null, onset_hours: c.onsetHours ?? null, diagnosis: c.diagnosis ?? null, details: c.details ?? null })),
    );
    await insertRecordset(
      tx,
      TREATMENT_INSERT,
      treatments.map((t) => ({ id: t.id, case_report_id: t.caseReportId, position: t.position, term_id: t.termId, complication_id: t.complicationId ?? null, details: t.details ?? null })),
    );
    if (symptoms.length) await tx.query('INSERT INTO case_complication_symptom (complication_id, term_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [symptoms.map(([c]) => c), symptoms.map(([, t]) => t)]);
    if (comorbidities.length) await tx.query('INSERT INTO case_report_comorbidity (case_report_id, term_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [comorbidities.map(([c]) => c), comorbidities.map(([, t]) => t)]);
    return ids;
  }

  /** Locks the case's row until the transaction ends, so two writers of one case take turns; null when there is none. */
  /**
   * Locks the case for a change, its publication first (FOR KEY SHARE), then the case (FOR UPDATE): the order deletePublication,
   * mergePublications and extraction take them. Locked the other way round, a curator's write (whose second update of the
   * row re-checks its foreign key, taking the publication) and a delete or merge of the publication (which takes the
   * publication, then its cases) waited for each other, and PostgreSQL broke the deadlock by failing one (CONFLICT).
   * A case moved to another publication (a merge) between the two steps is locked again under its new publication.
   */
  async lockForWrite(tx: Tx, id: string): Promise<CaseReport | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [current]: { publication_id: string }[] = await tx.query('SELECT publication_id FROM case_report WHERE id = $1', [id]);
      if (!current) return null;
      await tx.query('SELECT 1 FROM publication WHERE id = $1 FOR KEY SHARE', [current.publication_id]);
      const rows: { publication_id: string }[] = await tx.query('SELECT publication_id FROM case_report WHERE id = $1 FOR UPDATE', [id]);
      if (!rows.length) return null;
      if (rows[0].publication_id === current.publication_id) break;
    }
    const [row] = await this.findByIds([id], tx);
    return row ?? null;
  }

  /** Every change makes one version. */
  async bumpVersion(tx: Tx, id: string): Promise<number> {
    const [row] = await tx.query('UPDATE case_report SET version = version + 1 WHERE id = $1 RETURNING version', [id]);
    return (Array.isArray(row) ? row[0] : row).version;
  }

  async deleteMany(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length) await tx.delete(CaseReport, { id: In([...ids]) });
  }

  async setCuration(tx: Tx, id: string, curationStatus: CaseReport['curationStatus'], facts: CaseReport['facts']): Promise<void> {
    await tx.update(CaseReport, { id }, { curationStatus, facts });
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(CaseReport, { id });
  }

  count(tx: Tx = this.uow.reader): Promise<number> {
    return tx.count(CaseReport);
  }

  private async writeFacts(tx: Tx, caseReportId: string, facts: CaseFacts): Promise<void> {
    for (const termId of new Set(facts.comorbidityTermIds)) {
      await tx.query('INSERT INTO case_report_comorbidity (case_report_id, term_id) VALUES ($1, $2)', [caseReportId, termId]);
    }
    const procedures = facts.procedures.length
      ? await tx.save(CaseProcedure, facts.procedures.map((procedure, position) => tx.create(CaseProcedure, { ...procedure, caseReportId, position })))
      : [];
    const complications: CaseComplication[] = [];
    for (const [position, { procedureIndex, symptomTermIds, ...complication }] of facts.complications.entries()) {
      const saved = await tx.save(CaseComplication, tx.create(CaseComplication, { ...complication, caseReportId, position, procedureId: procedureIndex === null ? null : procedures[procedureIndex].id }));
      complications.push(saved);
      for (const termId of new Set(symptomTermIds)) {
        await tx.query('INSERT INTO case_complication_symptom (complication_id, term_id) VALUES ($1, $2)', [saved.id, termId]);
      }
    }
    if (facts.treatments.length) {
      await tx.save(
        CaseTreatment,
        facts.treatments.map(({ complicationIndex, ...treatment }, position) =>
          tx.create(CaseTreatment, { ...treatment, caseReportId, position, complicationId: complicationIndex === null ? null : complications[complicationIndex].id }),
        ),
      );
    }
  }
}
