import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../../auth/require-role.decorator';
import { IdArgPipe } from '../../common/id-arg.pipe';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { SaveSearchInput } from './inputs/save-search.input';
import { SavedSearchQuery } from './models/saved-search-query.model';
import { SavedSearchRunResult } from './models/saved-search-run-result.model';
import { SavedSearchRun } from './saved-search-run.entity';
import { SavedSearch } from './saved-search.entity';
import { SavedSearchesService } from './saved-searches.service';

@Resolver(() => SavedSearch)
export class SavedSearchesResolver {
  constructor(private readonly service: SavedSearchesService) {}

  @RequireRole('curator')
  @Mutation(() => SavedSearch, { description: 'Saves a search (its text, filters and sort) under a name, for a review; savedBy is the API key\'s name.' })
  saveSearch(@Args('input') input: SaveSearchInput, @PrincipalName() savedBy: string | null): Promise<SavedSearch> {
    return this.service.save(input, savedBy);
  }

  @RequireRole('curator')
  @Mutation(() => SavedSearchRunResult, { description: 'Runs a saved search again: logs the run (date, counts, fingerprint) and tells which cases are new since the previous run.' })
  runSavedSearch(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number): Promise<SavedSearchRunResult> {
    return this.service.run(id, first);
  }

  @RequireRole('curator')
  @Mutation(() => Boolean)
  deleteSavedSearch(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<boolean> {
    return this.service.delete(id);
  }

  @RequireRole('curator')
  @Query(() => [SavedSearch], { description: 'Saved searches, oldest first; those of one review when it is named.' })
  savedSearches(@Args('review', { type: () => String, nullable: true }) review?: string | null): Promise<SavedSearch[]> {
    return this.service.list(review);
  }

  @RequireRole('curator')
  @Query(() => [SavedSearchRun], { description: 'The logged runs of a saved search, newest first.' })
  savedSearchRuns(@Args('savedSearchId', { type: () => ID }, IdArgPipe) savedSearchId: string): Promise<SavedSearchRun[]> {
    return this.service.runs(savedSearchId);
  }

  @ResolveField(() => SavedSearchQuery, { description: 'What it searches for.' })
  search(@Parent() saved: SavedSearch): SavedSearchQuery {
    return saved.query as SavedSearchQuery;
  }
}
