import { Args, Query, Resolver } from '@nestjs/graphql';
import { PublicationSearchResult } from './publication-search-result.model';
import { PublicationSearchService } from './publication-search.service';
import { SearchPublicationsInput } from './search-publications.input';

@Resolver()
export class PublicationSearchResolver {
  constructor(private readonly search: PublicationSearchService) {}

  @Query(() => PublicationSearchResult, { description: 'Every stored publication (imported or entered, with or without case reports) matching text and filters, with facet counts of publications.' })
  searchPublications(@Args('input', { type: () => SearchPublicationsInput, nullable: true }) input?: SearchPublicationsInput): Promise<PublicationSearchResult> {
    return this.search.search(input ?? {});
  }
}
