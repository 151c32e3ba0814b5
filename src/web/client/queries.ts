/** The GraphQL documents the page sends: the public API, nothing private. */
import type { TitleStatus } from './title';

const FACET_VALUE_FIELDS = 'value label termId termKey caseCount publicationCount selected';

/** Complication terms form a tree; this many levels of children are asked for. */
/** Levels of children asked for: the complication tree is up to 8 levels deep with the MeSH terms (src/vocabulary/README.md). */
const TREE_DEPTH = 7;

function facetValueSelection(depth: number): string {
  return depth === 0 ? FACET_VALUE_FIELDS : `${FACET_VALUE_FIELDS} children { ${facetValueSelection(depth - 1)} }`;
}

export const SEARCH_QUERY = `query SearchPage($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases
    totalPublications
    hits {
      edges {
        cursor
        node {
          score
          highlights { field snippets }
          caseReport {
            id label ageYears sex pregnancyStatus outcome curationStatus
            publication { id title titleStatus journal year authors { family given } caseReports { id } }
            complications { term { id label } }
            treatments { term { id label } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    facets {
      facet
      values { ${facetValueSelection(TREE_DEPTH)} }
      stats { min max buckets { from to caseCount } }
    }
    understanding { remainingText suggestions { start end text negated filter values label remainingText } }
    noResultsHelp { relaxations { kind label filter text caseCount } didYouMean { text caseCount } }
  }
}`;

export const CASE_QUERY = `query CaseDetail($id: ID!) {
  caseReport(id: $id) {
    id label summary ageYears ageGroup sex pregnancyStatus anticoagulation outcome outcomeDetails timeToResolutionDays followUpDays
    curationStatus extractionRulesVersion
    facts { path value status reviewedBy reviewedAt evidence { field start end text sentence method confidence } }
    publication {
      id title titleStatus abstract journal year month volume issue pages doi pmid pmcid publicationTypes
      authors { family given }
      caseReports { id label }
    }
    procedures { position term { label } details bloodVolumeMl vertebralLevel attemptNumber imageGuidance needleGauge }
    complications { term { label } onsetHours diagnosis details symptoms { label } procedure { position } }
    treatments { term { label } details }
    comorbidities { label }
  }
}`;

const PUBLICATION_FACET_VALUE_FIELDS = 'value label publicationCount selected';

function publicationFacetValueSelection(depth: number): string {
  return depth === 0 ? PUBLICATION_FACET_VALUE_FIELDS : `${PUBLICATION_FACET_VALUE_FIELDS} children { ${publicationFacetValueSelection(depth - 1)} }`;
}

export const PUBLICATION_SEARCH_QUERY = `query PublicationSearchPage($input: SearchPublicationsInput) {
  searchPublications(input: $input) {
    totalPublications
    hits {
      edges {
        cursor
        node {
          score
          highlights { field snippets }
          publication {
            id title titleStatus journal year doi pmid publicationTypes
            authors { family given }
            caseReports { id label curationStatus }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    facets {
      facet
      values { ${publicationFacetValueSelection(TREE_DEPTH)} }
      stats { min max buckets { from to publicationCount } }
    }
  }
}`;

/** The label of a vocabulary term named by key, MeSH UI or id (for filters restored from a URL that the facets do not list). */
export const TERM_LABEL_QUERY = `query TermLabel($kind: TermKind!, $reference: String!) {
  vocabularyTermByReference(kind: $kind, reference: $reference) { id key label }
}`;

export interface FacetValueData {
  value: string;
  label: string;
  termId: string | null;
  termKey?: string | null;
  caseCount: number;
  publicationCount: number;
  selected: boolean;
  children?: FacetValueData[];
}

/** Words of the search text the API read as a filter (automatic term mapping). */
export interface SuggestedFilterData {
  start: number;
  end: number;
  text: string;
  negated: boolean;
  filter: string;
  values: string[];
  label: string;
  remainingText: string | null;
}

export interface NoResultsHelpData {
  relaxations: { kind: 'FILTER' | 'WORD'; label: string; filter: string | null; text: string | null; caseCount: number }[];
  didYouMean: { text: string; caseCount: number } | null;
}

export interface FacetData {
  facet: string;
  values: FacetValueData[];
  stats: { min: number | null; max: number | null; buckets: { from: number; to: number; caseCount: number }[] } | null;
}

export interface AuthorData {
  family: string;
  given: string | null;
}

export interface HitData {
  cursor: string;
  node: {
    score: number | null;
    highlights: { field: string; snippets: string[] }[];
    caseReport: {
      id: string;
      label: string;
      ageYears: number | null;
      sex: string;
      pregnancyStatus: string;
      outcome: string;
      curationStatus: string;
      publication: { id: string; title: string | null; titleStatus: TitleStatus; journal: string | null; year: number | null; authors: AuthorData[]; caseReports: { id: string }[] };
      complications: { term: { id: string; label: string } }[];
      treatments: { term: { id: string; label: string } }[];
    };
  };
}

export interface SearchResultData {
  totalCases: number;
  totalPublications: number;
  hits: { edges: HitData[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  facets: FacetData[];
  understanding?: { remainingText: string | null; suggestions: SuggestedFilterData[] };
  noResultsHelp?: NoResultsHelpData | null;
}

export interface SearchResponse {
  searchCaseReports: SearchResultData;
}

export interface PublicationHitData {
  cursor: string;
  node: {
    score: number | null;
    highlights: { field: string; snippets: string[] }[];
    publication: {
      id: string;
      title: string | null;
      titleStatus: TitleStatus;
      journal: string | null;
      year: number | null;
      doi: string | null;
      pmid: string | null;
      publicationTypes: string[];
      authors: AuthorData[];
      caseReports: { id: string; label: string; curationStatus: string }[];
    };
  };
}

export interface PublicationFacetValueData {
  value: string;
  label: string;
  publicationCount: number;
  selected: boolean;
  children?: PublicationFacetValueData[];
}

export interface PublicationSearchResultData {
  totalPublications: number;
  hits: { edges: PublicationHitData[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  facets: {
    facet: string;
    values: PublicationFacetValueData[];
    stats: { min: number | null; max: number | null; buckets: { from: number; to: number; publicationCount: number }[] } | null;
  }[];
}

export interface PublicationSearchResponse {
  searchPublications: PublicationSearchResultData;
}

/**
 * Publication facets in the shape the facet panel draws (its counts are then publications, not
 * cases): the panel has one drawing for both scopes.
 */
export function publicationFacetsAsFacetData(facets: PublicationSearchResultData['facets']): FacetData[] {
  const value = (item: PublicationFacetValueData): FacetValueData => ({
    value: item.value,
    label: item.label,
    termId: null,
    caseCount: item.publicationCount,
    publicationCount: item.publicationCount,
    selected: item.selected,
    children: (item.children ?? []).map(value),
  });
  return facets.map((facet) => ({
    facet: facet.facet,
    values: facet.values.map(value),
    stats: facet.stats ? { min: facet.stats.min, max: facet.stats.max, buckets: facet.stats.buckets.map((bucket) => ({ from: bucket.from, to: bucket.to, caseCount: bucket.publicationCount })) } : null,
  }));
}

export interface FactEvidenceData {
  field: string;
  start: number;
  end: number;
  text: string;
  sentence: string;
  method: string;
  confidence: number;
}

export interface CaseFactData {
  path: string;
  value: string | null;
  status: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  evidence: FactEvidenceData | null;
}

export interface CaseDetailData {
  id: string;
  curationStatus: string;
  extractionRulesVersion: string | null;
  facts: CaseFactData[];
  label: string;
  summary: string | null;
  ageYears: number | null;
  ageGroup: string;
  sex: string;
  pregnancyStatus: string;
  anticoagulation: string;
  outcome: string;
  outcomeDetails: string | null;
  timeToResolutionDays: number | null;
  followUpDays: number | null;
  publication: {
    id: string;
    title: string | null;
    titleStatus: TitleStatus;
    abstract: string | null;
    journal: string | null;
    year: number | null;
    month: number | null;
    volume: string | null;
    issue: string | null;
    pages: string | null;
    doi: string | null;
    pmid: string | null;
    pmcid: string | null;
    publicationTypes: string[];
    authors: AuthorData[];
    caseReports: { id: string; label: string }[];
  };
  procedures: {
    position: number;
    term: { label: string };
    details: string | null;
    bloodVolumeMl: number | null;
    vertebralLevel: string | null;
    attemptNumber: number | null;
    imageGuidance: string | null;
    needleGauge: number | null;
  }[];
  complications: { term: { label: string }; onsetHours: number | null; diagnosis: string | null; details: string | null; symptoms: { label: string }[]; procedure: { position: number } | null }[];
  treatments: { term: { label: string }; details: string | null }[];
  comorbidities: { label: string }[];
}

export interface CaseResponse {
  caseReport: CaseDetailData | null;
}

// --- synthesis (the public API's caseSummary, caseTable, caseCrossTab, caseNumericSummary) ---

const ESTIMATE = 'numerator denominator proportion lower upper';

/** The outcome of a search at a glance: one small request per search (not per page). */
export const OUTCOME_SUMMARY_QUERY = `query OutcomeSummary($input: SearchCaseReportsInput) {
  caseSummary(input: $input, facet: OUTCOME) {
    totalCases knownCases curatedCases suggestedCases
    rows { value label unknown caseCount ofAll { ${ESTIMATE} } ofKnown { ${ESTIMATE} } }
  }
}`;

export const CASE_TABLE_QUERY = `query SynthesisTable($input: SearchCaseReportsInput, $columns: [CaseTableColumn!], $first: Int) {
  caseTableColumns { column header description }
  caseTable(input: $input, columns: $columns, first: $first) {
    columns { column header }
    totalCases
    rows { caseReportId cells }
    pageInfo { hasNextPage }
  }
}`;

export const CROSS_TAB_QUERY = `query SynthesisCrossTab($input: SearchCaseReportsInput, $rows: FacetName!, $columns: FacetName!) {
  caseCrossTab(input: $input, rows: $rows, columns: $columns, limit: 12) {
    rows columns totalCases omittedRowValues omittedColumnValues
    rowHeaders { value label depth unknown caseCount }
    columnHeaders { value label depth unknown caseCount }
    cells { rowValue columnValue caseCount ofRow { ${ESTIMATE} } search { pageQuery } }
  }
}`;

export const NUMBERS_QUERY = `query SynthesisNumbers($input: SearchCaseReportsInput) {
  age: caseNumericSummary(input: $input, field: AGE) { ...numbers }
  onset: caseNumericSummary(input: $input, field: ONSET_HOURS) { ...numbers }
}
fragment numbers on CaseNumericSummary { field unit totalCases casesWithValue n missing min q1 median q3 max mean interval histogram { from to count } }`;

/** The reviews literature was imported for (their PRISMA diagrams are linked from the synthesis view). */
export const REVIEWS_QUERY = `query Reviews {
  searchPublications(input: { first: 1, facets: [{ facet: REVIEW, limit: 50 }] }) { facets { facet values { value label publicationCount } } }
}`;

export interface EstimateData {
  numerator: number;
  denominator: number;
  proportion: number;
  lower: number;
  upper: number;
}

export interface OutcomeSummaryData {
  totalCases: number;
  knownCases: number;
  curatedCases: number | null;
  suggestedCases: number | null;
  rows: { value: string; label: string; unknown: boolean; caseCount: number; ofAll: EstimateData | null; ofKnown: EstimateData | null }[];
}

export interface CaseTableData {
  caseTableColumns: { column: string; header: string; description: string }[];
  caseTable: { columns: { column: string; header: string }[]; totalCases: number; rows: { caseReportId: string; cells: string[] }[]; pageInfo: { hasNextPage: boolean } };
}

export interface CrossTabHeaderData {
  value: string;
  label: string;
  depth: number;
  unknown: boolean;
  caseCount: number;
}

export interface CrossTabData {
  rows: string;
  columns: string;
  totalCases: number;
  omittedRowValues: number;
  omittedColumnValues: number;
  rowHeaders: CrossTabHeaderData[];
  columnHeaders: CrossTabHeaderData[];
  cells: { rowValue: string; columnValue: string; caseCount: number; ofRow: EstimateData | null; search: { pageQuery: string } | null }[];
}

export interface NumericSummaryData {
  field: string;
  unit: string;
  totalCases: number;
  casesWithValue: number;
  n: number;
  missing: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  interval: number;
  histogram: { from: number; to: number; count: number }[];
}
