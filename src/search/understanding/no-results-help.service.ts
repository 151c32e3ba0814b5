import { Injectable } from '@nestjs/common';
import { TermIndex } from '../indexing/search-document';
import { SearchCaseReportsInput, SearchFiltersInput } from '../inputs/search-case-reports.input';
import { enumLabel, facetOfFilterKey } from '../query/facet-registry';
import { parseTextQuery } from '../query/text-query.parser';
import { SearchService } from '../search.service';
import { NoResultsHelp, SearchRelaxation } from './models/search-understanding.model';
import { SearchUnderstandingService } from './search-understanding.service';
import { FILTER_NAMES } from './filter-names';
import { suggestSpelling } from './spelling-suggestion';

/** Each relaxation is one count on the engine; a search with more parts than this gets help on the first ones. */
const MAX_RELAXATIONS = 12;


/** When a search finds nothing: which filter or word removed the last cases, and whether a typo did. */
@Injectable()
export class NoResultsHelpService {
  constructor(
    private readonly search: SearchService,
    private readonly understanding: SearchUnderstandingService,
  ) {}

  async forSearch(input: SearchCaseReportsInput): Promise<NoResultsHelp> {
    const { terms, phrases } = await this.understanding.vocabulary();
    const count = async (changed: SearchCaseReportsInput) => (await this.search.search({ ...changed, facets: [], first: 0, after: null, applySuggestedFilters: false })).totalCases;
    const candidates: Omit<SearchRelaxation, 'caseCount'>[] = [];
    const filters = input.filters ?? {};
    for (const key of Object.keys(FILTER_NAMES) as (keyof SearchFiltersInput)[]) {
      const value = filters[key];
      if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
      candidates.push({ kind: 'FILTER', filter: key, text: input.text ?? null, label: `${FILTER_NAMES[key]}: ${describe(key, value, terms)}` });
    }
    const text = parseTextQuery(input.text ?? null);
    // With OR, dropping one word does not say which one removed the cases: only filters are relaxed.
    if (text && text.anyOf.length === 1) {
      for (const atom of text.anyOf[0].include) {
        candidates.push({ kind: 'WORD', filter: null, label: atom.kind === 'phrase' ? `"${atom.text}"` : atom.text, text: withoutAtom(input.text ?? '', atom.text, atom.kind === 'phrase') });
      }
    }
    const relaxations: SearchRelaxation[] = [];
    for (const candidate of candidates.slice(0, MAX_RELAXATIONS)) {
      const changed: SearchCaseReportsInput = candidate.kind === 'FILTER' ? { ...input, filters: { ...filters, [candidate.filter as string]: null } } : { ...input, text: candidate.text };
      const caseCount = await count(changed);
      if (caseCount > 0) relaxations.push({ ...candidate, caseCount });
    }
    relaxations.sort((a, b) => b.caseCount - a.caseCount);

    let didYouMean: NoResultsHelp['didYouMean'] = null;
    const spelling = input.text ? suggestSpelling(input.text, phrases.words) : null;
    if (spelling) {
      const caseCount = await count({ ...input, text: spelling.text });
      if (caseCount > 0) didYouMean = { ...spelling, caseCount };
    }
    return { relaxations, didYouMean };
  }
}

function describe(key: keyof SearchFiltersInput, value: unknown, terms: TermIndex): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    const facet = facetOfFilterKey(key);
    return value
      .map((item: string) => {
        if (facet?.termKind) return terms.resolve(facet.termKind, item)?.label ?? item;
        return facet ? enumLabel(facet, item) : item;
      })
      .join(' or ');
  }
  const range = value as { min?: number | null; max?: number | null };
  if (range.min !== null && range.min !== undefined && range.max !== null && range.max !== undefined) return `${range.min}–${range.max}`;
  if (range.min !== null && range.min !== undefined) return `at least ${range.min}`;
  return `at most ${range.max}`;
}

/** The text without one word or "phrase" (its first occurrence, with its quotes); null when nothing is left. */
function withoutAtom(text: string, atom: string, phrase: boolean): string | null {
  const needle = phrase ? new RegExp(`"\\s*${escape(atom).replace(/ /g, '\\s+')}\\s*"`, 'i') : new RegExp(`(^|\\s)${escape(atom)}(?=\\s|$)`, 'i');
  const rest = text.replace(needle, ' ').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(rest) ? rest : null;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
