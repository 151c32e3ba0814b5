import { Injectable } from '@nestjs/common';
import { CurationStatus } from '../../case-reports/curation.enums';
import { CaseReportsRepository } from '../../case-reports/case-reports.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import { PublicationsRepository } from '../../publications/publications.repository';
import { TermKind } from '../../vocabulary/term-kind.enum';
import { VocabularyRepository } from '../../vocabulary/vocabulary.repository';
import { finalScreening, ReviewerDecisionLike } from '../../review/screening/final-decision';
import { PublicationDocumentSource } from '../publications/publication-search-document';
import { PublicationScreeningDecision } from '../publications/publication-search-query';
import { DocumentTerm, SearchDocumentSource } from './search-document';

/**
 * Reads what the search documents are built from, through the repositories the case-report,
 * publication and vocabulary modules export. Two lookups those modules do not offer yet (cases that
 * use given terms; all case ids in pages) are plain read-only SQL here.
 */
@Injectable()
export class SearchSourceRepository {
  constructor(
    private readonly caseReports: CaseReportsRepository,
    private readonly publications: PublicationsRepository,
    private readonly vocabulary: VocabularyRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** Of these review names, those no import was given and no review was saved under (a publication search's filter). */
  async unknownReviews(names: readonly string[]): Promise<string[]> {
    if (!names.length) return [];
    const rows: { name: string }[] = await this.uow.reader.query(
      `SELECT n.name FROM unnest($1::text[]) AS n(name)
       WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.review = n.name) AND NOT EXISTS (SELECT 1 FROM review r WHERE r.name = n.name)`,
      [names],
    );
    return rows.map((row) => row.name);
  }

  /** Of these import batch ids (lower-case uuids), those of no import. */
  async unknownImportBatches(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.uow.reader.query('SELECT i.id FROM unnest($1::uuid[]) AS i(id) WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = i.id)', [ids]);
    return rows.map((row) => row.id);
  }

  async terms(): Promise<DocumentTerm[]> {
    const terms: DocumentTerm[] = [];
    for (const kind of Object.values(TermKind)) {
      for (const term of await this.vocabulary.findByKind(kind, {})) terms.push({ id: term.id, kind: term.kind, key: term.key, label: term.label, synonyms: term.synonyms, parentId: term.parentId, meshUi: term.meshUi });
    }
    return terms;
  }

  /** The rows of these cases; cases that no longer exist are simply absent. */
  async sources(caseIds: readonly string[]): Promise<SearchDocumentSource[]> {
    if (!caseIds.length) return [];
    // A rejected suggestion is not searchable: absent here, it is deleted from the index.
    const cases = (await this.caseReports.findByIds(caseIds)).filter((c) => c.curationStatus !== CurationStatus.REJECTED);
    if (!cases.length) return [];
    const ids = cases.map((c) => c.id);
    const [publications, procedures, complications, treatments, comorbidities] = [
      await this.publications.findByIds([...new Set(cases.map((c) => c.publicationId))]),
      await this.caseReports.proceduresOf(ids),
      await this.caseReports.complicationsOf(ids),
      await this.caseReports.treatmentsOf(ids),
      await this.caseReports.comorbidityTermIdsOf(ids),
    ];
    const symptoms = await this.caseReports.symptomTermIdsOf(complications.map((c) => c.id));
    const publicationById = new Map(publications.map((p) => [p.id, p]));
    const group = <T, K>(rows: T[], key: (row: T) => K) => {
      const map = new Map<K, T[]>();
      for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
      return map;
    };
    const proceduresOf = group(procedures, (p) => p.caseReportId);
    const complicationsOf = group(complications, (c) => c.caseReportId);
    const treatmentsOf = group(treatments, (t) => t.caseReportId);
    const comorbiditiesOf = group(comorbidities, (c) => c.caseReportId);
    const symptomsOf = group(symptoms, (s) => s.complicationId);
    const sources: SearchDocumentSource[] = [];
    for (const caseReport of cases) {
      const publication = publicationById.get(caseReport.publicationId);
      if (!publication) continue; // deleted together with its publication meanwhile
      sources.push({
        caseReport,
        publication,
        procedures: proceduresOf.get(caseReport.id) ?? [],
        complications: (complicationsOf.get(caseReport.id) ?? []).map((c) => ({ ...c, symptomTermIds: (symptomsOf.get(c.id) ?? []).map((s) => s.termId) })),
        treatments: treatmentsOf.get(caseReport.id) ?? [],
        comorbidityTermIds: (comorbiditiesOf.get(caseReport.id) ?? []).map((c) => c.termId),
      });
    }
    return sources;
  }

  async caseIdsOfPublications(publicationIds: readonly string[]): Promise<string[]> {
    return (await this.caseReports.findByPublicationIds(publicationIds)).map((c) => c.id);
  }

  /** Cases that use any of these terms, in any role. */
  async caseIdsUsingTerms(termIds: readonly string[]): Promise<string[]> {
    if (!termIds.length) return [];
    const rows: { id: string }[] = await this.uow.reader.query(
      `SELECT case_report_id AS id FROM case_procedure WHERE term_id = ANY($1::uuid[])
       UNION SELECT case_report_id FROM case_complication WHERE term_id = ANY($1::uuid[])
       UNION SELECT case_report_id FROM case_treatment WHERE term_id = ANY($1::uuid[])
       UNION SELECT c.case_report_id FROM case_complication_symptom s JOIN case_complication c ON c.id = s.complication_id WHERE s.term_id = ANY($1::uuid[])
       UNION SELECT case_report_id FROM case_report_comorbidity WHERE term_id = ANY($1::uuid[])`,
      [[...termIds]],
    );
    return rows.map((row) => row.id);
  }

  /** The rows publication documents are built from; publications that no longer exist are absent. */
  async publicationSources(publicationIds: readonly string[]): Promise<PublicationDocumentSource[]> {
    if (!publicationIds.length) return [];
    const publications = await this.publications.findByIds([...publicationIds]);
    if (!publications.length) return [];
    const ids = publications.map((p) => p.id);
    const batches: { publication_id: string; id: string; review: string | null }[] = await this.uow.reader.query(
      'SELECT u.publication_id, b.id, b.review FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(publication_id) WHERE u.publication_id = ANY($1::uuid[])',
      [ids],
    );
    const statuses: { publication_id: string; curation_status: 'SUGGESTED' | 'CURATED' | 'REJECTED' }[] = await this.uow.reader.query(
      'SELECT publication_id, curation_status FROM case_report WHERE publication_id = ANY($1::uuid[])',
      [ids],
    );
    const decisions: { publication_id: string; review: string; reviewer: string; decision: string; reason: string | null; decided_at: Date }[] = await this.uow.reader.query(
      'SELECT publication_id, review, reviewer, decision, reason, decided_at FROM screening_decision WHERE publication_id = ANY($1::uuid[])',
      [ids],
    );
    const resolutions: { publication_id: string; review: string; decision: string; reason: string | null }[] = await this.uow.reader.query(
      'SELECT publication_id, review, decision, reason FROM screening_resolution WHERE publication_id = ANY($1::uuid[])',
      [ids],
    );
    /** The final decision of each review that has a decision or a resolution for the publication (the rule of the review module). */
    const screeningsOf = (publicationId: string) => {
      const reviews = new Set([...decisions, ...resolutions].filter((row) => row.publication_id === publicationId).map((row) => row.review));
      return [...reviews].map((review) => {
        const own: ReviewerDecisionLike[] = decisions
          .filter((row) => row.publication_id === publicationId && row.review === review)
          .map((row) => ({ reviewer: row.reviewer, decision: row.decision, reason: row.reason, decidedAt: new Date(row.decided_at) }));
        const resolution = resolutions.find((row) => row.publication_id === publicationId && row.review === review) ?? null;
        return { review, decision: finalScreening(own, resolution).status as string as PublicationScreeningDecision };
      });
    };
    return publications.map((publication) => ({
      publication,
      screenings: screeningsOf(publication.id),
      batches: batches.filter((row) => row.publication_id === publication.id).map((row) => ({ id: row.id, review: row.review })),
      caseStatuses: statuses.filter((row) => row.publication_id === publication.id && row.curation_status !== 'REJECTED').map((row) => row.curation_status as 'SUGGESTED' | 'CURATED'),
    }));
  }

  /** "file name (review, date)" of these import batches, by id. */
  async importBatchLabels(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!valid.length) return new Map();
    const rows: { id: string; source: string; review: string | null; created_at: Date }[] = await this.uow.reader.query('SELECT id, source, review, created_at FROM import_batch WHERE id = ANY($1::uuid[])', [valid]);
    return new Map(rows.map((row) => [row.id, `${row.source} (${[row.review, new Date(row.created_at).toISOString().slice(0, 10)].filter(Boolean).join(', ')})`]));
  }

  /** Publications of these cases (those that still exist). */
  async publicationIdsOfCases(caseIds: readonly string[]): Promise<string[]> {
    if (!caseIds.length) return [];
    const rows: { publication_id: string }[] = await this.uow.reader.query('SELECT DISTINCT publication_id FROM case_report WHERE id = ANY($1::uuid[])', [[...caseIds]]);
    return rows.map((row) => row.publication_id);
  }

  /** Every publication id, in pages ordered by id (for a reindex). */
  async publicationIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = afterId
      ? await this.uow.reader.query('SELECT id FROM publication WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])
      : await this.uow.reader.query('SELECT id FROM publication ORDER BY id LIMIT $1', [limit]);
    return rows.map((row) => row.id);
  }

  /** Every case id, in pages ordered by id (for a reindex). */
  async caseIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = afterId
      ? await this.uow.reader.query('SELECT id FROM case_report WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])
      : await this.uow.reader.query('SELECT id FROM case_report ORDER BY id LIMIT $1', [limit]);
    return rows.map((row) => row.id);
  }
}
