import { Injectable } from '@nestjs/common';
import { DataSource, EntityTarget } from 'typeorm';
import { jsonRowMapper } from '../database/json-row';
import { preparedQuery } from '../database/prepared-query';
import { Publication } from '../publications/publication.entity';
import { VocabularyTerm } from '../vocabulary/vocabulary-term.entity';
import { CaseComplication } from './entities/case-complication.entity';
import { CaseProcedure } from './entities/case-procedure.entity';
import { CaseReport } from './entities/case-report.entity';
import { CaseTreatment } from './entities/case-treatment.entity';

/** Linked facts of a case that a page can carry, by their table. */
const FACT_TABLES = { procedures: 'case_procedure', complications: 'case_complication', treatments: 'case_treatment' } as const;
export type FactKind = keyof typeof FACT_TABLES;

/** What a page of cases needs besides the case rows: their publications, some linked facts, and the terms of those facts. */
export interface CasePageParts {
  publication?: boolean;
  facts?: Partial<Record<FactKind, boolean>>;
  /** The terms of the facts read (ignored when no fact is read). */
  factTerms?: boolean;
}

export interface CasePage {
  cases: CaseReport[];
  publications: Publication[] | null;
  /** Each read kind's facts by case id, in position order (every case of the page has an entry); absent when not read. */
  facts: Partial<Record<FactKind, Map<string, (CaseProcedure | CaseComplication | CaseTreatment)[]>>>;
  terms: VocabularyTerm[] | null;
}

/**
 * A page of cases with what the page shows of them, read in ONE statement (a search page through
 * GraphQL used to cost a query per relation, each through TypeORM's hydration). Rows come back as
 * to_jsonb, tagged by table, and are mapped like TypeORM would load them (json-row.ts).
 */
@Injectable()
export class CasePageReader {
  private readonly mappers: Record<'case' | 'publication' | FactKind | 'term', (json: Record<string, unknown>) => unknown>;

  constructor(private readonly dataSource: DataSource) {
    const mapper = (target: EntityTarget<unknown>) => jsonRowMapper(dataSource.getMetadata(target));
    this.mappers = { case: mapper(CaseReport), publication: mapper(Publication), procedures: mapper(CaseProcedure), complications: mapper(CaseComplication), treatments: mapper(CaseTreatment), term: mapper(VocabularyTerm) };
  }

  async read(ids: readonly string[], parts: CasePageParts = {}): Promise<CasePage> {
    const kinds = (Object.keys(FACT_TABLES) as FactKind[]).filter((kind) => parts.facts?.[kind]);
    const page: CasePage = { cases: [], publications: parts.publication ? [] : null, facts: {}, terms: kinds.length && parts.factTerms ? [] : null };
    for (const kind of kinds) page.facts[kind] = new Map(ids.map((id) => [id, []]));
    if (!ids.length) return page;
    // Every part looks rows up by key (= ANY of an array): joined to the CTE instead, the planner
    // guessed its size and scanned whole tables.
    const facts = kinds.map((kind) => `SELECT '${kind}' AS k, to_jsonb(f) AS j FROM ${FACT_TABLES[kind]} f WHERE f.case_report_id = ANY($1::uuid[])`);
    const sql = `WITH c AS (SELECT * FROM case_report WHERE id = ANY($1::uuid[]))${kinds.length ? `, f AS (${facts.join(' UNION ALL ')})` : ''} ${[
      `SELECT 'case' AS k, to_jsonb(c) AS j FROM c`,
      ...(parts.publication ? [`SELECT 'publication', to_jsonb(p) FROM publication p WHERE p.id = ANY(ARRAY(SELECT publication_id FROM c))`] : []),
      ...(kinds.length ? ['SELECT k, j FROM f'] : []),
      ...(page.terms ? [`SELECT 'term', to_jsonb(t) FROM vocabulary_term t WHERE t.id = ANY(ARRAY(SELECT (j->>'term_id')::uuid FROM f))`] : []),
    ].join(' UNION ALL ')}`;
    // One of at most 16 texts (publication yes/no x the fact kinds x terms): prepared once.
    const rows = await preparedQuery<{ k: keyof CasePageReader['mappers']; j: Record<string, unknown> }>(this.dataSource, sql, [ids]);
    for (const { k, j } of rows) {
      const entity = this.mappers[k](j);
      if (k === 'case') page.cases.push(entity as CaseReport);
      else if (k === 'publication') page.publications?.push(entity as Publication);
      else if (k === 'term') page.terms?.push(entity as VocabularyTerm);
      else page.facts[k]?.get((entity as CaseProcedure).caseReportId)?.push(entity as CaseProcedure);
    }
    for (const byCase of Object.values(page.facts)) for (const list of byCase.values()) list.sort((a, b) => a.position - b.position);
    return page;
  }
}
