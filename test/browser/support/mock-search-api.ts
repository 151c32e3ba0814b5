/**
 * DEVELOPMENT ONLY, until `searchCaseReports` exists in the app: answers that one query inside the
 * browser (page.route) from the demo corpus read through the app's existing API; every other request
 * goes to the real app. The browser tests never use it when the app has the real search API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, graphql, GraphQLSchema } from 'graphql';
import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app';

const CONTRACT = `
input SearchCaseReportsInput { text: String, filters: SearchFiltersInput, facets: [FacetRequestInput!], sort: SearchSort = RELEVANCE, first: Int = 20, after: String }
input SearchFiltersInput { complications: [ID!], procedures: [ID!], treatments: [ID!], symptoms: [ID!], sex: [Sex!], ageGroups: [AgeGroup!], pregnancyStatuses: [PregnancyStatus!], anticoagulation: [Anticoagulation!], outcomes: [Outcome!], publicationTypes: [String!], year: RangeInput, age: RangeInput, bloodPatchVolumeMl: RangeInput, onsetHours: RangeInput, outcomeKnown: Boolean }
input RangeInput { min: Float, max: Float }
input FacetRequestInput { facet: FacetName!, includeZero: Boolean = false, limit: Int, interval: Float }
enum FacetName { COMPLICATION PROCEDURE TREATMENT SYMPTOM SEX AGE_GROUP PREGNANCY_STATUS ANTICOAGULATION OUTCOME PUBLICATION_TYPE YEAR AGE BLOOD_PATCH_VOLUME ONSET_HOURS }
enum SearchSort { RELEVANCE YEAR_DESC YEAR_ASC AGE_ASC AGE_DESC }
type CaseReportSearchResult { totalCases: Int!, totalPublications: Int!, hits: CaseReportHitConnection!, facets: [Facet!]! }
type CaseReportHitConnection { edges: [CaseReportHitEdge!]!, pageInfo: PageInfo! }
type CaseReportHitEdge { cursor: String!, node: CaseReportHit! }
type CaseReportHit { score: Float, caseReport: CaseReport!, highlights: [Highlight!]! }
type Highlight { field: String!, snippets: [String!]! }
type Facet { facet: FacetName!, values: [FacetValue!]!, stats: NumericFacetStats }
type FacetValue { value: String!, label: String!, termId: ID, caseCount: Int!, publicationCount: Int!, selected: Boolean!, children: [FacetValue!]! }
type NumericFacetStats { min: Float, max: Float, buckets: [HistogramBucket!]! }
type HistogramBucket { from: Float!, to: Float!, caseCount: Int! }
extend type Query { searchCaseReports(input: SearchCaseReportsInput!): CaseReportSearchResult! }
`;

interface Term {
  id: string;
  label: string;
  parentId: string | null;
}
type Case = Record<string, any>;

const CASE_FIELDS = `id label summary ageYears ageGroup sex pregnancyStatus anticoagulation outcome
  publication { id title abstract journal year authors { family given } caseReports { id } publicationTypes }
  procedures { term { id } } complications { term { id label } details } treatments { term { id label } }`;

const ENUMS: Record<string, { field: string; filter: string; values: string[] }> = {
  SEX: { field: 'sex', filter: 'sex', values: ['FEMALE', 'MALE', 'UNKNOWN'] },
  AGE_GROUP: { field: 'ageGroup', filter: 'ageGroups', values: ['NEONATE', 'INFANT', 'CHILD', 'ADOLESCENT', 'ADULT', 'OLDER_ADULT', 'UNKNOWN'] },
  PREGNANCY_STATUS: { field: 'pregnancyStatus', filter: 'pregnancyStatuses', values: ['PREGNANT', 'POSTPARTUM', 'NOT_PREGNANT', 'UNKNOWN'] },
  ANTICOAGULATION: { field: 'anticoagulation', filter: 'anticoagulation', values: ['NONE', 'ANTICOAGULANT', 'ANTIPLATELET', 'BOTH', 'UNKNOWN'] },
  OUTCOME: { field: 'outcome', filter: 'outcomes', values: ['FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH', 'UNKNOWN'] },
};
const TERMS: Record<string, { filter: string; ids: (c: Case) => string[] }> = {
  COMPLICATION: { filter: 'complications', ids: (c) => c.complications.map((x: Case) => x.term.id) },
  PROCEDURE: { filter: 'procedures', ids: (c) => c.procedures.map((x: Case) => x.term.id) },
  TREATMENT: { filter: 'treatments', ids: (c) => c.treatments.map((x: Case) => x.term.id) },
};
const RANGES: Record<string, { filter: string; value: (c: Case) => number | null }> = {
  YEAR: { filter: 'year', value: (c) => c.publication.year },
  AGE: { filter: 'age', value: (c) => c.ageYears },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

export class MockSearchApi {
  private constructor(
    private readonly schema: GraphQLSchema,
    private readonly cases: Case[],
    private readonly terms: Map<string, Term>,
  ) {}

  static async create(app: TestApp): Promise<MockSearchApi> {
    const sdl = readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8');
    const schema = buildSchema(`${sdl}\n${CONTRACT}`);
    const corpus = await app.graphql<{ caseReports: { edges: { node: Case }[] } }>(`{ caseReports(first: 100) { edges { node { ${CASE_FIELDS} } } } }`);
    const terms = new Map<string, Term>();
    for (const kind of ['COMPLICATION', 'PROCEDURE', 'TREATMENT']) {
      const result = await app.graphql<{ vocabularyTerms: Term[] }>(`{ vocabularyTerms(kind: ${kind}) { id label parentId } }`);
      for (const term of result.data!.vocabularyTerms) terms.set(term.id, term);
    }
    return new MockSearchApi(schema, corpus.data!.caseReports.edges.map((edge) => edge.node), terms);
  }

  private withAncestors(ids: string[]): string[] {
    const all = new Set<string>();
    for (let id of ids) {
      for (let guard = 0; id && guard < 10; guard++) {
        all.add(id);
        id = this.terms.get(id)?.parentId as string;
      }
    }
    return [...all];
  }

  private matches(c: Case, filters: Record<string, any>, except?: string): boolean {
    for (const [name, spec] of Object.entries(TERMS)) {
      const wanted = filters[spec.filter];
      if (name === except || !wanted?.length) continue;
      if (!this.withAncestors(spec.ids(c)).some((id) => wanted.includes(id))) return false;
    }
    for (const [name, spec] of Object.entries(ENUMS)) {
      const wanted = filters[spec.filter];
      if (name !== except && wanted?.length && !wanted.includes(c[spec.field])) return false;
    }
    for (const [name, spec] of Object.entries(RANGES)) {
      const range = filters[spec.filter];
      if (name === except || !range) continue;
      const value = spec.value(c);
      if (value === null || (range.min != null && value < range.min) || (range.max != null && value > range.max)) return false;
    }
    return true;
  }

  private textMatches(c: Case, words: string[]): boolean {
    const haystack = [c.publication.title, c.publication.abstract, c.summary, ...c.complications.map((x: Case) => `${x.term.label} ${x.details ?? ''}`)].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  }

  private highlight(text: string | null, words: string[]): string[] {
    if (!text || !words.length) return [];
    const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
    if (!pattern.test(text)) return [];
    return [escapeHtml(text.slice(0, 200)).replace(new RegExp(pattern.source, 'gi'), '<mark>$1</mark>')];
  }

  search(input: Record<string, any>): Record<string, unknown> {
    const words = String(input.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const filters = input.filters ?? {};
    const base = this.cases.filter((c) => this.textMatches(c, words));
    let hits = base.filter((c) => this.matches(c, filters));
    const sort = input.sort ?? 'RELEVANCE';
    const key = (c: Case) => (sort.startsWith('YEAR') ? c.publication.year : sort.startsWith('AGE') ? c.ageYears : 0) ?? Infinity;
    hits = [...hits].sort((a, b) => (sort.endsWith('DESC') ? key(b) - key(a) : key(a) - key(b)) || a.id.localeCompare(b.id));
    const offset = input.after ? Number(Buffer.from(input.after, 'base64').toString()) : 0;
    const first = input.first ?? 20;
    const page = hits.slice(offset, offset + first);
    const publications = (list: Case[]) => new Set(list.map((c) => c.publication.id)).size;
    const facets = (input.facets ?? []).map((request: { facet: string; interval?: number }) => {
      const scope = base.filter((c) => this.matches(c, filters, request.facet));
      if (RANGES[request.facet]) {
        const values = scope.map(RANGES[request.facet].value).filter((v): v is number => v !== null);
        const interval = request.interval ?? 10;
        const buckets = new Map<number, number>();
        for (const v of values) buckets.set(Math.floor(v / interval) * interval, (buckets.get(Math.floor(v / interval) * interval) ?? 0) + 1);
        const froms = [...buckets.keys()].sort((a, b) => a - b);
        const filled = froms.length ? Array.from({ length: (froms[froms.length - 1] - froms[0]) / interval + 1 }, (_, i) => froms[0] + i * interval) : [];
        return { facet: request.facet, values: [], stats: { min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null, buckets: filled.map((from) => ({ from, to: from + interval, caseCount: buckets.get(from) ?? 0 })) } };
      }
      if (ENUMS[request.facet]) {
        const spec = ENUMS[request.facet];
        const selected: string[] = filters[spec.filter] ?? [];
        const values = spec.values
          .map((value) => {
            const matching = scope.filter((c) => c[spec.field] === value);
            return { value, label: value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' '), termId: null, caseCount: matching.length, publicationCount: publications(matching), selected: selected.includes(value), children: [] };
          })
          .filter((value) => value.caseCount > 0 || value.selected);
        return { facet: request.facet, values, stats: null };
      }
      const spec = TERMS[request.facet];
      const selected: string[] = filters[spec.filter] ?? [];
      const counted = new Map<string, Case[]>();
      for (const c of scope) for (const id of this.withAncestors(spec.ids(c))) counted.set(id, [...(counted.get(id) ?? []), c]);
      for (const id of selected) if (!counted.has(id)) counted.set(id, []);
      const view = (id: string): any => ({ value: id, label: this.terms.get(id)?.label ?? id, termId: id, caseCount: counted.get(id)!.length, publicationCount: publications(counted.get(id)!), selected: selected.includes(id), children: [] });
      const nodes = new Map([...counted.keys()].map((id) => [id, view(id)]));
      const roots: any[] = [];
      for (const [id, node] of nodes) {
        const parent = request.facet === 'COMPLICATION' ? nodes.get(this.terms.get(id)?.parentId as string) : undefined;
        (parent ? parent.children : roots).push(node);
      }
      const order = (list: any[]) => list.sort((a, b) => b.caseCount - a.caseCount || a.label.localeCompare(b.label)).forEach((node) => order(node.children));
      order(roots);
      return { facet: request.facet, values: roots, stats: null };
    });
    return {
      totalCases: hits.length,
      totalPublications: publications(hits),
      hits: {
        edges: page.map((c, index) => ({
          cursor: Buffer.from(String(offset + index + 1)).toString('base64'),
          node: { score: null, caseReport: c, highlights: [{ field: 'summary', snippets: this.highlight(c.summary, words) }, { field: 'title', snippets: this.highlight(c.publication.title, words) }].filter((h) => h.snippets.length) },
        })),
        pageInfo: { hasNextPage: offset + first < hits.length, endCursor: page.length ? Buffer.from(String(offset + page.length)).toString('base64') : null },
      },
      facets,
    };
  }

  /** Answers searchCaseReports in the page; everything else reaches the app. */
  async install(page: Page): Promise<void> {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
      if (!body?.query?.includes('searchCaseReports')) return route.continue();
      const result = await graphql({ schema: this.schema, source: body.query, variableValues: body.variables, rootValue: { searchCaseReports: ({ input }: { input: Record<string, any> }) => this.search(input) } });
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(result) });
    });
  }
}
