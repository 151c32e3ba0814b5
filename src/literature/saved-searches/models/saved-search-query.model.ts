import { Field, ObjectType } from '@nestjs/graphql';
import { SearchSort } from '../../../search/search.enums';
import { SavedSearchFilters } from './saved-search-filters.model';

@ObjectType({ description: 'What a saved search searches for: the text, filters and sort of a searchCaseReports input.' })
export class SavedSearchQuery {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The last word of the text matches as a prefix (searchCaseReports\' prefixLastWord).' })
  prefixLastWord?: boolean | null;

  @Field(() => SavedSearchFilters, { nullable: true })
  filters?: SavedSearchFilters | null;

  @Field(() => SearchSort, { nullable: true })
  sort?: SearchSort | null;
}
