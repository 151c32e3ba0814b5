import { Injectable } from '@nestjs/common';
import { MAX_TEXT_LENGTH } from '../search-input.validator';
import { TermCatalog } from '../indexing/term-catalog';
import { TermIndex } from '../indexing/search-document';
import { SearchCaseReportsInput, SearchFiltersInput } from '../inputs/search-case-reports.input';
import { enumLabel, FacetName, facetOfFilterKey } from '../query/facet-registry';
import { FILTER_NAMES } from './filter-names';
import { FilterReading, QueryVocabulary, textWithout, understandQuery } from './query-understanding';
import { FilterReadingModel, SearchUnderstanding, SuggestedFilter } from './models/search-understanding.model';

/** A search as run, with what was read from its text. */
export interface UnderstoodSearch {
  input: SearchCaseReportsInput;
  understanding: SearchUnderstanding | null;
}

/** Reads searches' words as filters (query-understanding.ts) against the current vocabulary, and applies them when asked. */
@Injectable()
export class SearchUnderstandingService {
  private readonly vocabularies = new WeakMap<TermIndex, QueryVocabulary>();

  constructor(private readonly catalog: TermCatalog) {}

  /** The vocabulary as phrases, built once per catalog version (a few ms for ~7,000 terms). */
  async vocabulary(): Promise<{ terms: TermIndex; phrases: QueryVocabulary }> {
    const terms = await this.catalog.get();
    let phrases = this.vocabularies.get(terms);
    if (!phrases) {
      phrases = new QueryVocabulary(terms.all());
      this.vocabularies.set(terms, phrases);
    }
    return { terms, phrases };
  }

  /** With `applySuggestedFilters`, the recognised words become filters and leave the text; otherwise the input is run as given. */
  async prepare(input: SearchCaseReportsInput): Promise<UnderstoodSearch> {
    // Over-long text is refused by validation with its own message; nothing to read here.
    if (!input.applySuggestedFilters || !input.text?.trim() || input.text.length > MAX_TEXT_LENGTH) return { input, understanding: null };
    const understanding = await this.understand(input, true);
    const filters: SearchFiltersInput = { ...(input.filters ?? {}) };
    for (const suggestion of understanding.suggestions) {
      if (!suggestion.applied) continue;
      const key = suggestion.filter as keyof SearchFiltersInput;
      const current = (filters[key] as string[] | null | undefined) ?? [];
      (filters as Record<string, unknown>)[key] = [...new Set([...current, ...suggestion.values])];
    }
    // The flag is cleared: what it asked for is done, and a reader of this input must not apply it again.
    return { input: { ...input, text: understanding.searchedText, filters, applySuggestedFilters: false }, understanding };
  }

  async understand(input: SearchCaseReportsInput, apply: boolean): Promise<SearchUnderstanding> {
    const text = input.text ?? '';
    if (!text.trim() || text.length > MAX_TEXT_LENGTH) return { suggestions: [], applied: false, searchedText: input.text ?? null, remainingText: input.text ?? null };
    const { terms, phrases } = await this.vocabulary();
    const reading = understandQuery(text, phrases);
    const given = input.filters ?? {};
    const suggestions = reading.phrases.map((phrase): SuggestedFilter => {
      const key = phrase.reading.filterKey;
      const alreadyFiltered = Array.isArray(given[key as keyof SearchFiltersInput]) && (given[key as keyof SearchFiltersInput] as unknown[]).length > 0;
      let notAppliedBecause: string | null = null;
      if (apply && !reading.applicable) notAppliedBecause = 'the text uses OR: which words belong to which filter is left to you';
      else if (apply && alreadyFiltered) notAppliedBecause = `the search already filters on ${FILTER_NAMES[key].toLowerCase()}`;
      return {
        ...this.readingModel(phrase.reading, terms),
        start: phrase.start,
        end: phrase.end,
        text: phrase.text,
        negated: phrase.negated,
        applied: apply && notAppliedBecause === null,
        notAppliedBecause,
        remainingText: textWithout(text, [phrase]),
        alternatives: phrase.alternatives.map((alternative) => this.readingModel(alternative, terms)),
      };
    });
    const applied = suggestions.filter((s) => s.applied);
    return {
      suggestions,
      applied: applied.length > 0,
      searchedText: applied.length ? textWithout(text, applied) : text,
      remainingText: reading.applicable && suggestions.length ? textWithout(text, suggestions) : text,
    };
  }

  private readingModel(reading: FilterReading, terms: TermIndex): FilterReadingModel {
    const facet = facetOfFilterKey(reading.filterKey);
    const isTerm = Boolean(facet?.termKind);
    const values = isTerm ? reading.values.map((id) => terms.get(id)?.key ?? id) : reading.values;
    const labels = isTerm ? reading.values.map((id) => terms.get(id)?.label ?? id) : reading.values.map((value) => (facet ? enumLabel(facet, value) : value));
    return { facet: facet?.name ?? FacetName.COMPLICATION, filter: reading.filterKey, values, label: `${FILTER_NAMES[reading.filterKey]}: ${labels.join(' or ')}` };
  }
}
