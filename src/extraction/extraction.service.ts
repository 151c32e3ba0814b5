import { Inject, Injectable, Logger } from '@nestjs/common';
import { ValidCaseReport, validateCreateCaseReport } from '../case-reports/case-report-validation';
import { CaseReportsRepository } from '../case-reports/case-reports.repository';
import { CaseReportsService } from '../case-reports/case-reports.service';
import { BadUserInputError, FieldError } from '../common/errors/domain-error';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { Publication } from '../publications/publication.entity';
import { PublicationsRepository } from '../publications/publications.repository';
import { OutboxRepository } from '../search/indexing/outbox.repository';
import { isMeshSeededTerm } from '../vocabulary/seed/mesh-seeded-terms';
import { TermKind } from '../vocabulary/term-kind.enum';
import { CASE_EXTRACTOR, CaseExtractor } from './case-extractor';
import { planExtraction } from './extraction-plan';
import { ExtractionSourceRepository } from './extraction-source.repository';
import { ExtractionThreads } from './extraction-threads';
import { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';
import { ExtractCasesInput } from './inputs/extract-cases.input';
import { ExtractionRun } from './models/extraction-run.model';
import { CaseProposal, caseProposalOf } from './proposal-to-case';
import { assertRecordIds } from '../common/record-id';

/** Publications read per transaction of an on-demand run. */
const RUN_CHUNK = 200;
const MAX_PUBLICATIONS_PER_CALL = 1000;

interface Prepared {
  version: string;
  /** Kept for the worker threads: a worker that has not built this version's matcher asks for them. */
  entries: VocabularyEntry[];
  /** The rules on the main thread, built the first time they are needed there. */
  extract: ((input: ExtractionInput) => ExtractionResult) | null;
  termIdOf: (kind: TermKind, key: string) => string | undefined;
}

type ExtractedPublication = Pick<Publication, 'id' | 'title' | 'abstract' | 'meshHeadings' | 'publicationTypes' | 'keywords' | 'language'>;

/**
 * Publications whose rules are running (on a worker thread, or already done on the main thread):
 * ExtractionService.startExtraction makes one, writeExtraction stores what the rules proposed.
 */
export interface PendingExtraction {
  readonly publicationIds: string[];
  readonly prepared: Prepared | null;
  /** Rejects when the rules (or their worker) fail; the rejection is marked handled, writeExtraction rethrows it. */
  readonly results: Promise<ExtractionResult[]>;
}

export function extractionInputOf(publication: Pick<Publication, 'title' | 'abstract' | 'meshHeadings' | 'publicationTypes' | 'keywords' | 'language'>): ExtractionInput {
  return {
    title: publication.title ?? '',
    abstract: publication.abstract,
    meshHeadings: publication.meshHeadings.map((heading) => ({ descriptorUi: heading.descriptorUi ?? null, label: heading.label, majorTopic: heading.majorTopic })),
    publicationTypes: publication.publicationTypes,
    keywords: publication.keywords,
    language: publication.language,
  };
}

const emptyRun = (rulesVersion: string): ExtractionRun => ({ rulesVersion, publications: 0, proposedCases: 0, replacedCases: 0, skippedCurated: 0, withoutPatients: 0, droppedFacts: 0 });

/**
 * Stores what the extraction rules propose as SUGGESTED case reports, through the case-reports
 * service, under the status rules of extraction-plan.ts (curated work is never overwritten). Used by
 * imports (inside the import's transaction) and on demand (`extractCases`).
 */
@Injectable()
export class ExtractionService {
  private readonly logger = new Logger(ExtractionService.name);
  private prepared: Prepared | null = null;

  constructor(
    @Inject(CASE_EXTRACTOR) private readonly extractor: CaseExtractor,
    private readonly uow: UnitOfWork,
    private readonly source: ExtractionSourceRepository,
    private readonly publications: PublicationsRepository,
    private readonly caseReports: CaseReportsRepository,
    private readonly cases: CaseReportsService,
    private readonly outbox: OutboxRepository,
    private readonly threads: ExtractionThreads,
  ) {}

  get rulesVersion(): string {
    return this.extractor.rulesVersion;
  }

  /** On demand: the given publications, or every publication of a review; each chunk in its own transaction. */
  async run(input: ExtractCasesInput): Promise<ExtractionRun> {
    const given = input.publicationIds ?? null;
    const review = input.review?.trim() || null;
    if ((given === null) === (review === null)) throw BadUserInputError.field('input', 'give either publicationIds or review');
    // An empty list named nothing: it answered a run of 0 publications, as if they had all been read.
    if (given && !given.length && review === null) throw BadUserInputError.field('input.publicationIds', 'is empty: name at least one publication, or give review instead');
    if (given && given.length > MAX_PUBLICATIONS_PER_CALL) throw BadUserInputError.field('input.publicationIds', `at most ${MAX_PUBLICATIONS_PER_CALL} per call; use review for a whole review`);
    if (given) assertRecordIds(given.map((id, index) => [id, `input.publicationIds.${index}`]), 'publication id');
    let ids = given ? [...new Set(given)] : await this.source.publicationIdsOfReview(review as string);
    if (given) {
      const found = new Set((await this.publications.findByIds(ids)).map((p) => p.id));
      const errors: FieldError[] = given.map((id, index) => ({ id, index })).filter(({ id }) => !found.has(id)).map(({ id, index }) => ({ path: `input.publicationIds.${index}`, message: `no publication with id ${id}` }));
      if (errors.length) throw new BadUserInputError(errors);
    } else if (!ids.length) {
      throw BadUserInputError.field('input.review', `no imported publication belongs to a review named "${review}"`);
    }
    const run = emptyRun(this.rulesVersion);
    for (let i = 0; i < ids.length; i += RUN_CHUNK) {
      const chunk = ids.slice(i, i + RUN_CHUNK);
      // Held while their cases are proposed: one deleted meanwhile is left out, not a foreign-key failure (INTERNAL_SERVER_ERROR) at the insert.
      await this.uow.run(async (tx) => add(run, await this.extractInTransaction(tx, await this.publications.findAndHold(chunk, tx))));
    }
    ids = [];
    this.logger.log(`extraction (${run.rulesVersion}): ${run.publications} publications, ${run.proposedCases} cases proposed, ${run.replacedCases} replaced, ${run.skippedCurated} left to their curators`);
    return run;
  }

  /** How many chunks an import may have in the rules at once (one per worker thread; one without threads). */
  get parallelChunks(): number {
    return this.threads.parallelChunks;
  }

  /** Proposes cases for these publications inside the caller's transaction (imports). */
  async extractInTransaction(tx: Tx, publications: ExtractedPublication[]): Promise<ExtractionRun> {
    return this.writeExtraction(tx, await this.startExtraction(tx, publications));
  }

  /**
   * Starts the rules on these publications (their text is read now: later changes to the objects do
   * not count) and returns without waiting for them when they run on a worker thread. The caller
   * must pass the result to writeExtraction in the same transaction.
   */
  async startExtraction(tx: Tx, publications: ExtractedPublication[]): Promise<PendingExtraction> {
    const publicationIds = publications.map((p) => p.id);
    if (!publications.length) return { publicationIds, prepared: null, results: Promise.resolve([]) };
    // Runs on the same publication take turns: the suggestions writeExtraction replaces are read after this.
    await this.source.holdForExtraction(tx, publicationIds);
    const prepared = await this.prepare(tx);
    const inputs = publications.map(extractionInputOf);
    let results: Promise<ExtractionResult[]>;
    if (this.threads.enabled) {
      results = this.threads.extract(prepared.version, prepared.entries, inputs);
    } else {
      prepared.extract ??= this.extractor.forVocabulary(prepared.entries);
      results = Promise.resolve(inputs.map(prepared.extract));
    }
    // A caller that fails before it writes this chunk must not leave an unhandled rejection behind.
    results.catch(() => undefined);
    return { publicationIds, prepared, results };
  }

  /** Waits for the rules and stores their proposals (status rules of extraction-plan.ts). */
  async writeExtraction(tx: Tx, pending: PendingExtraction): Promise<ExtractionRun> {
    const run = emptyRun(this.rulesVersion);
    const results = await pending.results;
    const { prepared, publicationIds } = pending;
    if (!prepared || !publicationIds.length) return run;
    // Locked, then read: a curator confirming or reviewing one of these cases meanwhile either commits first (and the
    // plan sees the case as touched) or waits for this chunk (and finds a replaced suggestion gone: NOT_FOUND). Read
    // unlocked, the plan deleted a case confirmed after the read, and the curator's acknowledged work was lost.
    const existing = await this.caseReports.lockByPublicationIds(tx, publicationIds);
    const touchedPublications: string[] = [];
    const replaced: string[] = [];
    const proposals: Parameters<CaseReportsService['insertSuggestedMany']>[1] = [];
    publicationIds.forEach((publicationId, index) => {
      run.publications += 1;
      const result = results[index];
      if (!result.patients.length) run.withoutPatients += 1;
      const mine = existing.filter((c) => c.publicationId === publicationId);
      const plan = planExtraction(mine, result.patients.map((patient) => patient.label));
      if (plan.skippedBecause) {
        run.skippedCurated += 1;
        return;
      }
      replaced.push(...plan.replace);
      run.replacedCases += plan.replace.length;
      const wanted = new Set(plan.add.map((label) => label.trim().toLowerCase()));
      for (const patient of result.patients) {
        if (!wanted.delete(patient.label.trim().toLowerCase())) continue;
        const { valid, proposal, dropped } = this.validProposal(caseProposalOf(patient, publicationId));
        run.droppedFacts += dropped;
        if (!valid) continue;
        proposals.push({ valid, suggestion: { facts: proposal.facts, extractionRulesVersion: result.rulesVersion || this.rulesVersion, termIdOf: prepared.termIdOf } });
        run.proposedCases += 1;
      }
      if (plan.replace.length || plan.add.length) touchedPublications.push(publicationId);
    });
    if (replaced.length) await this.cases.deleteSuggested(tx, replaced);
    await this.cases.insertSuggestedMany(tx, proposals);
    if (touchedPublications.length) await this.outbox.record(tx, 'publication', touchedPublications);
    return run;
  }

  /**
   * The case rules (validation) have the last word: a proposed fact they refuse (a pregnant male, an
   * out-of-range number) is dropped and the rest kept, rather than losing the patient.
   */
  private validProposal(proposal: CaseProposal): { valid: ValidCaseReport | null; proposal: CaseProposal; dropped: number } {
    let current = proposal;
    let dropped = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return { valid: validateCreateCaseReport(current.input, 'proposal'), proposal: current, dropped };
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        const paths = error.fieldErrors.map((fieldError) => fieldError.path.replace(/^proposal\.?/, ''));
        const input = structuredClone(current.input) as unknown as Record<string, unknown>;
        for (const path of paths) {
          const [head, index, field] = path.split('.');
          if (!head) continue;
          if (index === undefined) input[head] = ['sex', 'pregnancyStatus', 'anticoagulation', 'outcome'].includes(head) ? 'UNKNOWN' : null;
          else if (field !== undefined && Array.isArray(input[head])) (input[head] as Record<string, unknown>[])[Number(index)][field] = null;
        }
        dropped += paths.length;
        current = { input: input as never, facts: current.facts.filter((fact) => !paths.some((path) => fact.path === path || fact.path.startsWith(`${path}.`))) };
      }
    }
    return { valid: null, proposal: current, dropped };
  }

  /** The rules prepared for the current vocabulary (rebuilt when a term changes). */
  private async prepare(tx: Tx): Promise<Prepared> {
    const version = await this.source.vocabularyVersion(tx);
    if (this.prepared?.version === version) return this.prepared;
    const rows = await this.source.allTerms(tx);
    // Curated terms first, and marked: they win over a MeSH-seeded term naming the same descriptor.
    const entries: VocabularyEntry[] = rows
      .map((row) => ({ key: row.key, kind: row.kind as TermKind, label: row.label, synonyms: row.synonyms, meshUi: row.mesh_ui, parentKey: row.parent_key, source: isMeshSeededTerm(row.kind, row.key) ? ('mesh' as const) : ('curated' as const) }))
      .sort((a, b) => Number(a.source === 'mesh') - Number(b.source === 'mesh'));
    const ids = new Map(rows.map((row) => [`${row.kind}:${row.key}`, row.id]));
    this.prepared = { version, entries, extract: null, termIdOf: (kind, key) => ids.get(`${kind}:${key}`) };
    return this.prepared;
  }
}

function add(total: ExtractionRun, part: ExtractionRun): void {
  for (const key of ['publications', 'proposedCases', 'replacedCases', 'skippedCurated', 'withoutPatients', 'droppedFacts'] as const) total[key] += part[key];
}
