import { registerEnumType } from '@nestjs/graphql';
import { FacetName } from './query/facet-registry';
import { SearchSort } from './query/search-query';

registerEnumType(FacetName, { name: 'FacetName', description: 'A facet of the case-report search (see the facet registry).' });
registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'RELEVANCE ranks by text match (newest first without text); missing years and ages sort last; ties by case id.',
});

export { FacetName, SearchSort };
