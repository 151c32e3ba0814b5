import { registerEnumType } from '@nestjs/graphql';

/** How counts were obtained. */
export enum CountMethod {
  FACETS = 'FACETS',
  EXACT = 'EXACT',
}

registerEnumType(CountMethod, {
  name: 'SynthesisCountMethod',
  description:
    "FACETS: counted by the search engine over every matching case (its facet counts, or its one-pass count of two facets against each other). EXACT: every matching case read one at a time (summaries and cross-tabs no longer need it; kept so clients that test for it keep working).",
});
