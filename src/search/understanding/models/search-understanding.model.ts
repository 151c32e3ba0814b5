import { Field, Int, ObjectType } from '@nestjs/graphql';
import { FacetName } from '../../search.enums';

@ObjectType({ description: 'A filter that some words of the search text name.' })
export class FilterReadingModel {
  @Field(() => FacetName, { description: 'The facet (and filter) the words name.' })
  facet: FacetName;

  @Field({ description: 'The filter field of SearchFiltersInput, e.g. "pregnancyStatuses".' })
  filter: string;

  @Field(() => [String], { description: 'Enum values, or vocabulary term keys (stable across installations).' })
  values: string[];

  @Field({ description: 'For a chip, e.g. "Pregnancy status: Pregnant or Postpartum".' })
  label: string;
}

@ObjectType({ description: 'Words of the search text recognised as a filter (automatic term mapping).' })
export class SuggestedFilter extends FilterReadingModel {
  @Field(() => Int, { description: 'Offset of the words in the text (UTF-16 code units).' })
  start: number;

  @Field(() => Int, { description: 'End offset, exclusive.' })
  end: number;

  @Field({ description: 'The words, as typed.' })
  text: string;

  @Field({ description: 'The words were negated ("not pregnant", "-pregnant"): the filter holds the other values.' })
  negated: boolean;

  @Field({ description: 'Whether this search applied it (applySuggestedFilters).' })
  applied: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was not applied when asked to be.' })
  notAppliedBecause: string | null;

  @Field(() => String, { nullable: true, description: 'The text without these words (and the connecting words left alone): what to search once this filter is applied.' })
  remainingText: string | null;

  @Field(() => [FilterReadingModel], { description: 'Other readings of the same words (e.g. the blood patch as a treatment).' })
  alternatives: FilterReadingModel[];
}

@ObjectType()
export class SearchUnderstanding {
  @Field(() => [SuggestedFilter])
  suggestions: SuggestedFilter[];

  @Field({ description: 'Whether suggestions were applied to this search.' })
  applied: boolean;

  @Field(() => String, { nullable: true, description: 'The text searched: without the applied words when suggestions were applied.' })
  searchedText: string | null;

  @Field(() => String, { nullable: true, description: 'The text without every suggestion that can be applied (none when the text uses OR).' })
  remainingText: string | null;
}

@ObjectType({ description: 'The same search without one filter or one word, and what it finds.' })
export class SearchRelaxation {
  @Field({ description: 'FILTER or WORD.' })
  kind: 'FILTER' | 'WORD';

  @Field({ description: 'What is left out, e.g. "Outcome: Death" or the word "arachnoiditis".' })
  label: string;

  @Field(() => String, { nullable: true, description: 'For FILTER: the SearchFiltersInput field to drop.' })
  filter: string | null;

  @Field(() => String, { nullable: true, description: 'For WORD: the text without that word (null when no text is left).' })
  text: string | null;

  @Field(() => Int)
  caseCount: number;
}

@ObjectType()
export class SpellingCorrection {
  @Field()
  from: string;

  @Field()
  to: string;
}

@ObjectType({ description: 'The text with likely typos corrected against the vocabulary, and what it finds.' })
export class SpellingSuggestionModel {
  @Field()
  text: string;

  @Field(() => [SpellingCorrection])
  corrections: SpellingCorrection[];

  @Field(() => Int)
  caseCount: number;
}

@ObjectType({ description: 'Why a search found nothing, and searches close to it that find something.' })
export class NoResultsHelp {
  @Field(() => [SearchRelaxation], { description: 'Each filter and word whose removal brings cases back, most cases first.' })
  relaxations: SearchRelaxation[];

  @Field(() => SpellingSuggestionModel, { nullable: true, description: '"Did you mean": the text with typos corrected, when that finds cases.' })
  didYouMean: SpellingSuggestionModel | null;
}
