/**
 * The load benchmark's clients, in a worker thread (off the server's event loop, as clients on
 * another machine would be). Two jobs: `load` (N clients in a closed loop: 70% searches, 30% writes,
 * each write tagged with a unique word so it can be found again) and `attack` (a query nested ~44
 * deep and one with 1,000 aliases, once a second each, which the server must refuse quickly).
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export type LoadKind = 'searchCaseReports' | 'searchPublications' | 'createCaseReport' | 'importPublications';
export type AttackKind = 'deepNesting' | 'aliases1000';

export interface LoadJob {
  job: 'load';
  url: string;
  apiKey: string;
  clients: number;
  seconds: number;
  publicationIds: string[];
  /** Prefix of this phase's write tokens (unique across phases). */
  phase: string;
}

export interface AttackJob {
  job: 'attack';
  url: string;
  seconds: number;
  everyMs: number;
}

/** A write the server acknowledged (answered without errors), and how to find it again. */
export interface AcknowledgedWrite {
  kind: 'createCaseReport' | 'importPublications';
  token: string;
  ids: string[];
}

export interface Sample {
  kind: string;
  ms: number;
  /** null: answered without errors; otherwise the first error's code (or HTTP_<status>, NETWORK). */
  code: string | null;
}

export interface JobResult {
  samples: Sample[];
  seconds: number;
  writes: AcknowledgedWrite[];
}

const CASE_SEARCH = `query S($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) {
  totalCases totalPublications
  hits { edges { node { score caseReport { id label outcome publication { title year } } } } }
  facets { facet values { value label caseCount publicationCount } stats { min max } } } }`;
const PUBLICATION_SEARCH = `query P($input: SearchPublicationsInput!) { searchPublications(input: $input) {
  totalPublications hits { edges { node { publication { id title year journal } } } }
  facets { facet values { value label publicationCount } } } }`;
const CREATE_CASE = 'mutation C($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }';
const IMPORT = 'mutation I($input: ImportPublicationsInput!) { importPublications(input: $input) { stored errorCount createdPublicationIds } }';

const TEXTS = [null, 'hematoma', '"blood patch" headache', 'intrathecal OR subdural', 'back pain -intracranial', 'postpartum headache', 'epidural'];
const CASE_FILTERS = [
  {},
  { pregnancyStatuses: ['POSTPARTUM', 'PREGNANT'], procedures: ['epidural-blood-patch'] },
  { complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'] },
  { outcomes: ['FULL_RECOVERY', 'PARTIAL_RECOVERY'], sex: ['FEMALE'] },
  { year: { min: 2000 }, outcomeKnown: true },
];
const CASE_FACETS = [[], [{ facet: 'OUTCOME' }, { facet: 'COMPLICATION' }, { facet: 'PROCEDURE' }], [{ facet: 'PREGNANCY_STATUS' }, { facet: 'TREATMENT' }, { facet: 'AGE', interval: 10 }]];
const PUBLICATION_FILTERS = [{}, { year: { min: 2000 } }, { caseStatuses: ['CURATED', 'SUGGESTED'] }, { reviews: ['load bench'] }];
const PUBLICATION_FACETS = [[], [{ facet: 'YEAR' }, { facet: 'CASE_STATUS' }], [{ facet: 'MESH_DESCRIPTOR', limit: 10 }, { facet: 'JOURNAL' }]];

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];

/**
 * The deep query: caseReports → publication → caseReports → … about `depth` fields deep. `variant` names
 * the root alias, so that each round sends a document the server has never seen (Apollo keeps the
 * validated documents it has: a repeated attack would only measure that cache).
 */
export function deepNestingQuery(depth = 44, variant = 0): string {
  let open = `{ v${variant}: caseReports(first: 1) { edges { node { `;
  let close = ' } } } }';
  for (let level = 3; level < depth; level += 2) {
    open += 'publication { caseReports { ';
    close = ' } }' + close;
  }
  return `${open}id${close}`;
}

/** 1,000 aliases of the cheapest field: 3 tokens each, under the token limit, so the alias limit is what refuses it; new names every variant. */
export function aliasesQuery(count = 1000, variant = 0): string {
  return `{ ${Array.from({ length: count }, (_, i) => `v${variant}_${i}: __typename`).join(' ')} }`;
}

async function post(url: string, body: unknown, apiKey?: string): Promise<{ code: string | null; data: any }> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) }, body: JSON.stringify(body) });
    const text = await response.text();
    let parsed: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | null = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { code: `HTTP_${response.status}`, data: null };
    }
    if (parsed?.errors?.length) return { code: parsed.errors[0].extensions?.code ?? 'NO_CODE', data: parsed.data ?? null };
    return { code: response.ok ? null : `HTTP_${response.status}`, data: parsed?.data ?? null };
  } catch {
    return { code: 'NETWORK', data: null };
  }
}

async function runLoad(job: LoadJob): Promise<JobResult> {
  const samples: Sample[] = [];
  const writes: AcknowledgedWrite[] = [];
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (performance.now() < deadline) {
        const roll = Math.random();
        const kind: LoadKind = roll < 0.35 ? 'searchCaseReports' : roll < 0.7 ? 'searchPublications' : roll < 0.85 ? 'createCaseReport' : 'importPublications';
        // A word no text contains but this write's. With digits in it PostgreSQL's English configuration
        // does not stem it (a numword), so "lbwb12" and "lbwb12e" stay two words.
        const token = `lbw${job.phase}${sequence++}z`;
        const t = performance.now();
        let answer: { code: string | null; data: any };
        if (kind === 'searchCaseReports') {
          answer = await post(job.url, { query: CASE_SEARCH, variables: { input: { text: pick(TEXTS), filters: pick(CASE_FILTERS), facets: pick(CASE_FACETS), first: 20 } } });
        } else if (kind === 'searchPublications') {
          answer = await post(job.url, { query: PUBLICATION_SEARCH, variables: { input: { text: pick(TEXTS), filters: pick(PUBLICATION_FILTERS), facets: pick(PUBLICATION_FACETS), first: 20 } } });
        } else if (kind === 'createCaseReport') {
          const input = {
            publicationId: pick(job.publicationIds),
            label: `Load case ${token}`,
            summary: `Load test case ${token}: spinal subdural hematoma after an epidural blood patch, full recovery.`,
            ageYears: 20 + (sequence % 30),
            sex: 'FEMALE',
            pregnancyStatus: 'POSTPARTUM',
            outcome: 'FULL_RECOVERY',
            procedures: [{ term: 'epidural-blood-patch', bloodVolumeMl: 20 }],
            complications: [{ term: 'spinal-subdural-hematoma', procedureIndex: 0, onsetHours: 48 }],
          };
          answer = await post(job.url, { query: CREATE_CASE, variables: { input } }, job.apiKey);
          if (answer.code === null) writes.push({ kind, token, ids: [answer.data.createCaseReport.id] });
        } else {
          const text = `TY  - JOUR\nTI  - Load bench record ${token}: spinal hematoma after an epidural blood patch\nAB  - A 31-year-old postpartum woman developed a spinal subdural hematoma after an epidural blood patch (${token}). She recovered fully.\nPY  - 2024\nJO  - Journal of Load Tests\nDO  - 10.5555/loadbench.${token}\nER  - \n`;
          answer = await post(job.url, { query: IMPORT, variables: { input: { text, format: 'RIS', fileName: `${token}.ris`, review: 'load bench' } } }, job.apiKey);
          if (answer.code === null && !answer.data.importPublications.stored) answer = { code: 'NOT_STORED', data: answer.data };
          if (answer.code === null) writes.push({ kind, token, ids: answer.data.importPublications.createdPublicationIds });
        }
        samples.push({ kind, ms: performance.now() - t, code: answer.code });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000, writes };
}

async function runAttack(job: AttackJob): Promise<JobResult> {
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  let variant = 0;
  while (performance.now() < deadline) {
    const round = performance.now();
    variant += 1;
    const queries: [AttackKind, string][] = [
      ['deepNesting', deepNestingQuery(44, variant)],
      ['aliases1000', aliasesQuery(1000, variant)],
    ];
    await Promise.all(
      queries.map(async ([kind, query]) => {
        const t = performance.now();
        const answer = await post(job.url, { query });
        samples.push({ kind, ms: performance.now() - t, code: answer.code });
      }),
    );
    // Once a second: the rest of the second is idle (the server's refusal is what is measured).
    const wait = job.everyMs - (performance.now() - round);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return { samples, seconds: (performance.now() - started) / 1000, writes: [] };
}

parentPort?.on('message', (job: LoadJob | AttackJob) => {
  (job.job === 'load' ? runLoad(job) : runAttack(job)).then(
    (result) => parentPort?.postMessage(result),
    (error: Error) => parentPort?.postMessage({ error: error.message }),
  );
});
