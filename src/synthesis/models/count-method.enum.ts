import { registerEnumType } from '@nestjs/graphql';

/** How counts were obtained. */
export enum CountMethod {
  FACETS = 'FACETS',
  EXACT = 'EXACT',
}

registerEnumType(CountMethod, {
  name: 'SynthesisCountMethod',
  description: "FACETS: the search engine's facet counts (fast). EXACT: every matching case read (when facets cannot answer: a multi-valued facet the search filters on, cases with no value, cross-tabs of multi-valued facets).",
});
