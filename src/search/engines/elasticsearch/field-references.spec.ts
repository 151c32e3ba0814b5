/**
 * Every field path the request builders reference (queries, post_filter, aggregations, sort, highlight,
 * _source), for a wide set of inputs, exists in the index mapping with a type that supports that use.
 * A real cluster answers a missing field silently wrong (a `terms` filter on an unmapped field matches
 * nothing, an aggregation on it has no buckets) or fails (sort without unmapped_type, a phrase on a
 * keyword, a histogram on a keyword, a nested query on a non-nested path): no cluster is needed to see it.
 * The walker knows exactly the DSL the builders emit; anything new fails here until it is taught.
 */
import type { estypes } from '@elastic/elasticsearch';
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../../case-reports/case-report.enums';
import { CurationStatus } from '../../../case-reports/curation.enums';
import { CrossTabCountsRequest } from '../../query/cross-tab-counts';
import { FACETS } from '../../query/facet-registry';
import { SearchFilters, SearchQuery, SearchSort } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import {
  PUBLICATION_FACETS,
  PublicationCaseStatus,
  PublicationFacetName,
  PublicationScreeningDecision,
  PublicationSearchFilters,
  PublicationSearchQuery,
  PublicationSearchSort,
} from '../../publications/publication-search-query';
import { buildCrossTabRequest } from './cross-tab-request';
import { deleteByPublicationsQuery } from './elasticsearch.engine';
import { INDEX_MAPPINGS } from './index-mapping';
import { PUBLICATION_INDEX_MAPPINGS } from './publication-index-mapping';
import { buildPublicationSearchRequest } from './publication-query-builder';
import { buildSearchRequest } from './query-builder';

type Json = Record<string, any>;
type Use = 'exact' | 'range' | 'exists' | 'text' | 'aggregate' | 'numeric' | 'sort' | 'highlight' | 'source';

interface Reference {
  field: string;
  use: Use;
  /** The nested path the reference is evaluated in (null: the root document). */
  scope: string | null;
  where: string;
}

const NUMERIC = ['integer', 'long', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float'];
const SUITABLE: Record<Use, (property: Json) => boolean> = {
  exact: (p) => ['keyword', 'boolean', 'date', ...NUMERIC].includes(p.type),
  range: (p) => ['date', ...NUMERIC].includes(p.type),
  exists: (p) => p.type !== 'nested',
  text: (p) => p.type === 'text',
  aggregate: (p) => ['keyword', 'boolean', 'date', ...NUMERIC].includes(p.type) && p.doc_values !== false,
  numeric: (p) => NUMERIC.includes(p.type) && p.doc_values !== false,
  sort: (p) => ['keyword', 'boolean', 'date', ...NUMERIC].includes(p.type) && p.doc_values !== false,
  highlight: (p) => p.type === 'text',
  source: (p) => p.type !== 'nested',
};

/** field path -> its mapping (nested objects' children as `path.child`), and the nested paths. */
function flatten(mappings: estypes.MappingTypeMapping): { fields: Map<string, Json>; nested: Set<string>; copyTargets: Set<string> } {
  const fields = new Map<string, Json>();
  const nested = new Set<string>();
  const copyTargets = new Set<string>();
  const walk = (properties: Record<string, Json>, prefix: string) => {
    for (const [name, property] of Object.entries(properties)) {
      const path = `${prefix}${name}`;
      fields.set(path, property);
      if (property.type === 'nested') nested.add(path);
      for (const target of [property.copy_to ?? []].flat()) copyTargets.add(target);
      if (property.properties) walk(property.properties, `${path}.`);
    }
  };
  walk(mappings.properties as Record<string, Json>, '');
  return { fields, nested, copyTargets };
}

const single = (body: Json, where: string): [string, unknown] => {
  const entries = Object.entries(body).filter(([key]) => !['boost', '_name'].includes(key));
  if (entries.length !== 1) throw new Error(`${where}: expected one field, got ${JSON.stringify(body)}`);
  return entries[0] as [string, unknown];
};

/** Every field a query references, with its use. Throws on a query kind the builders are not known to emit. */
function queryReferences(query: Json, scope: string | null, where: string, out: Reference[]): void {
  const [[kind, body]] = Object.entries(query);
  const at = `${where}.${kind}`;
  switch (kind) {
    case 'match_all':
    case 'match_none':
      return;
    case 'bool':
      for (const occur of ['must', 'filter', 'should', 'must_not']) for (const [i, child] of ((body[occur] ?? []) as Json[]).entries()) queryReferences(child, scope, `${at}.${occur}[${i}]`, out);
      return;
    case 'terms':
    case 'term':
      out.push({ field: single(body, at)[0], use: 'exact', scope, where: at });
      return;
    case 'range':
      out.push({ field: single(body, at)[0], use: 'range', scope, where: at });
      return;
    case 'exists':
      out.push({ field: body.field, use: 'exists', scope, where: at });
      return;
    case 'match':
    case 'match_phrase':
    case 'match_phrase_prefix':
      out.push({ field: single(body, at)[0], use: 'text', scope, where: at });
      return;
    case 'nested':
      out.push({ field: body.path, use: 'exists', scope: `nested-path:${scope ?? ''}`, where: at });
      queryReferences(body.query, body.path, `${at}.query`, out);
      return;
    default:
      throw new Error(`${at}: a query kind this walker does not know (teach it, with the uses it makes of fields)`);
  }
}

function aggregationReferences(aggs: Record<string, Json> | undefined, scope: string | null, where: string, out: Reference[]): void {
  for (const [name, container] of Object.entries(aggs ?? {})) {
    const { aggs: sub, aggregations: sub2, ...rest } = container;
    const [[kind, body]] = Object.entries(rest) as [string, Json][];
    const at = `${where}.${name}.${kind}`;
    let inner = scope;
    switch (kind) {
      case 'filter':
        queryReferences(body, scope, at, out);
        break;
      case 'global':
      case 'reverse_nested':
        if (body.path) throw new Error(`${at}: reverse_nested to a path is not expected`);
        inner = null;
        break;
      case 'nested':
        out.push({ field: body.path, use: 'exists', scope: `nested-path:${scope ?? ''}`, where: at });
        inner = body.path;
        break;
      case 'terms':
      case 'cardinality':
        out.push({ field: body.field, use: 'aggregate', scope, where: at });
        break;
      case 'histogram':
      case 'min':
      case 'max':
        out.push({ field: body.field, use: 'numeric', scope, where: at });
        break;
      case 'composite':
        for (const source of body.sources as Json[]) {
          const [[sourceName, spec]] = Object.entries(source) as [string, Json][];
          const [[sourceKind, sourceBody]] = Object.entries(spec) as [string, Json][];
          if (sourceKind !== 'terms') throw new Error(`${at}.${sourceName}: a composite source kind this walker does not know`);
          out.push({ field: sourceBody.field, use: 'aggregate', scope, where: `${at}.${sourceName}` });
        }
        break;
      default:
        throw new Error(`${at}: an aggregation kind this walker does not know`);
    }
    aggregationReferences(sub ?? sub2, inner, at, out);
  }
}

/** Every field a search request references. */
function requestReferences(request: Json): Reference[] {
  const out: Reference[] = [];
  const known = new Set(['query', 'post_filter', 'aggs', 'size', 'track_total_hits', 'allow_partial_search_results', '_source', 'sort', 'search_after', 'track_scores', 'highlight']);
  for (const key of Object.keys(request)) if (!known.has(key)) throw new Error(`request key ${key}: this walker does not know it`);
  if (request.query) queryReferences(request.query, null, 'query', out);
  if (request.post_filter) queryReferences(request.post_filter, null, 'post_filter', out);
  aggregationReferences(request.aggs, null, 'aggs', out);
  for (const [i, entry] of ((request.sort ?? []) as Json[]).entries()) {
    const [field] = single(entry, `sort[${i}]`);
    if (field !== '_score') out.push({ field, use: 'sort', scope: null, where: `sort[${i}]` });
  }
  for (const field of Object.keys(request.highlight?.fields ?? {})) out.push({ field, use: 'highlight', scope: null, where: 'highlight' });
  const source = request._source;
  if (source && typeof source === 'object') for (const field of [source.includes ?? []].flat() as string[]) out.push({ field, use: 'source', scope: null, where: '_source' });
  return out;
}

/** The references that are not mapped, or mapped with a type that does not support their use, or used out of their nested scope. */
function problems(references: Reference[], mappings: estypes.MappingTypeMapping): string[] {
  const { fields, nested, copyTargets } = flatten(mappings);
  const found: string[] = [];
  for (const reference of references) {
    const property = fields.get(reference.field);
    const label = `${reference.where}: ${reference.field} (${reference.use})`;
    if (!property) {
      found.push(`${label} is not in the mapping`);
      continue;
    }
    if (reference.scope?.startsWith('nested-path:')) {
      if (!nested.has(reference.field)) found.push(`${label} is not a nested path`);
      continue;
    }
    if (!SUITABLE[reference.use](property)) found.push(`${label} is mapped as ${String(property.type)}`);
    if (property.index === false && ['exact', 'range', 'exists', 'text'].includes(reference.use)) found.push(`${label} is not indexed (index: false)`);
    if (reference.use === 'source' && copyTargets.has(reference.field)) found.push(`${label} is only filled by copy_to: it is never in _source`);
    // Inside a nested scope only that path's fields exist; at the root, no nested field may be read.
    const owner = [...nested].find((path) => reference.field.startsWith(`${path}.`)) ?? null;
    if (owner !== reference.scope) found.push(`${label} is read in scope ${reference.scope ?? 'root'} but belongs to ${owner ?? 'root'}`);
  }
  return [...new Set(found)];
}

const T = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TEXTS: [string, boolean][] = [
  ['hematoma', false],
  ['"epidural blood patch" -steroid OR hygroma', false],
  ['hemat* -intracran*', false],
  ['spinal subd', true],
  ['the OR a', false],
  ["Horner's", true],
];
const CASE_FILTERS: SearchFilters[] = [
  {},
  {
    complications: [T(1)],
    procedures: [T(2)],
    treatments: ['UNKNOWN', T(3)],
    symptoms: [T(4)],
    sex: [Sex.FEMALE],
    ageGroups: [AgeGroup.ADULT],
    pregnancyStatuses: [PregnancyStatus.POSTPARTUM],
    anticoagulation: [Anticoagulation.NONE],
    outcomes: [Outcome.DEATH],
    curationStatuses: [CurationStatus.CURATED],
    publicationTypes: ['Case Reports'],
    year: { min: 2000, max: 3e9 },
    age: { min: 18 },
    bloodPatchVolumeMl: { max: 20 },
    onsetHours: { min: 0.5, max: 48 },
    outcomeKnown: true,
  },
  { complications: [T(1)], procedures: [T(2)], complicationsFollowProcedures: true, year: { min: 3e9 } },
  { complications: [T(1)], complicationsFollowProcedures: true },
  { procedures: [T(2)], complicationsFollowProcedures: true, outcomeKnown: false },
];

describe('field references of the Elasticsearch request builders', () => {
  it('knows the references of a request (the walker itself)', () => {
    const references = requestReferences({
      query: { bool: { must: [{ match_phrase: { title: { query: 'x' } } }], filter: [{ nested: { path: 'complications', query: { terms: { 'complications.termPath': ['a'] } } } }] } },
      aggs: { a: { nested: { path: 'complications' }, aggs: { b: { terms: { field: 'complications.termPath' }, aggs: { c: { reverse_nested: {}, aggs: { d: { cardinality: { field: 'publicationId' } } } } } } } } },
      sort: [{ _score: { order: 'desc' } }, { year: { order: 'asc' } }],
      _source: { includes: ['caseReportId'] },
    });
    expect(references.map((r) => [r.field, r.use, r.scope])).toEqual([
      ['title', 'text', null],
      ['complications', 'exists', 'nested-path:'],
      ['complications.termPath', 'exact', 'complications'],
      ['complications', 'exists', 'nested-path:'],
      ['complications.termPath', 'aggregate', 'complications'],
      ['publicationId', 'aggregate', null],
      ['year', 'sort', null],
      ['caseReportId', 'source', null],
    ]);
    // And it tells the mistakes a cluster would punish.
    expect(problems(requestReferences({ query: { bool: { filter: [{ terms: { complicationIds: ['a'] } }, { match_phrase: { journal: { query: 'x' } } }, { terms: { 'complications.termPath': ['a'] } }, { terms: { nope: ['a'] } }] } }, aggs: { h: { histogram: { field: 'sex', interval: 1 } } }, sort: [{ title: { order: 'asc' } }], _source: { includes: ['otherText'] } }), INDEX_MAPPINGS)).toEqual([
      'query.bool.filter[1].match_phrase: journal (text) is mapped as keyword',
      'query.bool.filter[2].terms: complications.termPath (exact) is read in scope root but belongs to complications',
      'query.bool.filter[3].terms: nope (exact) is not in the mapping',
      'aggs.h.histogram: sex (numeric) is mapped as keyword',
      'sort[0]: title (sort) is mapped as text',
      '_source: otherText (source) is only filled by copy_to: it is never in _source',
    ]);
    expect(() => requestReferences({ query: { query_string: { query: 'x' } } })).toThrow(/does not know/);
  });

  it('case search: every field of every query, filter, facet, sort, cursor and highlight is mapped and suitable', () => {
    const references: Reference[] = [];
    for (const [text, typing] of [[null, false] as [string | null, boolean], ...TEXTS]) {
      for (const filters of CASE_FILTERS) {
        for (const includeZero of [false, true]) {
          for (const sort of Object.values(SearchSort)) {
            for (const after of [null, { sort, values: [2019, 1], caseReportId: T(9) }]) {
              const query: SearchQuery = {
                text: parseTextQuery(text, { prefixLastWord: typing }),
                filters,
                facets: FACETS.map((facet) => ({ facet: facet.name, includeZero, ...(facet.kind === 'numeric-range' ? { interval: 5 } : {}) })),
                sort,
                page: { first: 10, after },
                highlight: true,
              };
              references.push(...requestReferences(buildSearchRequest(query)));
              references.push(...requestReferences(buildSearchRequest({ ...query, facets: [], page: { first: 0, after: null } })));
            }
          }
        }
      }
    }
    expect(problems(references, INDEX_MAPPINGS)).toEqual([]);
    // Every facet field, every searched and highlighted field and the nested link were walked.
    const seen = new Set(references.map((r) => r.field));
    for (const facet of FACETS) expect(seen).toContain(facet.field);
    for (const field of ['title', 'abstract', 'summary', 'details', 'termText', 'ancestorTermText', 'otherText', 'complications', 'complications.termPath', 'complications.procedureTermPath', 'citationComplete', 'caseReportId', 'publicationId', 'hasKnownOutcome']) expect(seen).toContain(field);
  });

  it('cross-tab: every pair of value facets, first page and later pages', () => {
    const references: Reference[] = [];
    const axes = FACETS.filter((facet) => facet.kind !== 'numeric-range');
    for (const rows of axes) {
      for (const columns of axes) {
        if (rows === columns) continue;
        for (const filters of CASE_FILTERS.slice(0, 3)) {
          const query: SearchQuery = { text: parseTextQuery('hemat* "blood patch"'), filters, facets: [], sort: SearchSort.RELEVANCE, page: { first: 0, after: null }, highlight: false };
          const request: CrossTabCountsRequest = { rows: { facet: rows.name, unknownValue: 'NONE' }, columns: { facet: columns.name, unknownValue: 'UNKNOWN' } };
          references.push(...requestReferences(buildCrossTabRequest(query, request)));
          references.push(...requestReferences(buildCrossTabRequest(query, { ...request, publications: false }, { row: 'x', column: null })));
        }
      }
    }
    expect(problems(references, INDEX_MAPPINGS)).toEqual([]);
  });

  it('publication search: every field of every query, filter, facet, sort, cursor and highlight is mapped and suitable', () => {
    const filterSets: PublicationSearchFilters[] = [
      {},
      {
        year: { min: -3e9, max: 2020 },
        publicationTypes: ['Review'],
        meshDescriptors: ['D006406'],
        journals: ['Spine', 'UNKNOWN'],
        languages: ['eng'],
        reviews: ['ebp', 'NONE'],
        importBatches: [T(5)],
        caseStatuses: [PublicationCaseStatus.NONE],
        screeningDecisions: [PublicationScreeningDecision.INCLUDED],
      },
    ];
    const references: Reference[] = [];
    for (const [text, typing] of [[null, false] as [string | null, boolean], ...TEXTS]) {
      for (const filters of filterSets) {
        for (const includeZero of [false, true]) {
          for (const sort of Object.values(PublicationSearchSort)) {
            for (const after of [null, { sort, values: [2019, 0], publicationId: T(7) }]) {
              const query: PublicationSearchQuery = {
                text: parseTextQuery(text, { prefixLastWord: typing }),
                filters,
                facets: PUBLICATION_FACETS.map((facet) => ({ facet: facet.name, includeZero, ...(facet.name === PublicationFacetName.YEAR ? { interval: 10 } : {}) })),
                sort,
                page: { first: 10, after },
                highlight: true,
              };
              references.push(...requestReferences(buildPublicationSearchRequest(query)));
            }
          }
        }
      }
    }
    expect(problems(references, PUBLICATION_INDEX_MAPPINGS)).toEqual([]);
    const seen = new Set(references.map((r) => r.field));
    for (const facet of PUBLICATION_FACETS) expect(seen).toContain(facet.field);
    for (const field of ['title', 'abstract', 'subjects', 'otherText', 'citationComplete', 'publicationId']) expect(seen).toContain(field);
  });

  it('the delete-by-publication query reads mapped keyword ids', () => {
    for (const keep of [[], ['C']]) expect(problems(requestReferences({ query: deleteByPublicationsQuery(['P'], keep) }), INDEX_MAPPINGS)).toEqual([]);
  });
});
