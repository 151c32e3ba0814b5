import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination/connection';
import { Publication } from '../../publications/publication.entity';
import { Highlight } from '../models/highlight.model';
import { PublicationFacetName } from './publication-search-query';

@ObjectType({ description: 'A facet value with the publications that match the other facets\' selections.' })
export class PublicationFacetValue {
  @Field({ description: 'MeSH descriptor UI, publication type, journal, language code, review name, import batch id, case status, or UNKNOWN / NONE.' })
  value: string;

  @Field()
  label: string;

  @Field(() => Int)
  publicationCount: number;

  @Field()
  selected: boolean;

  @Field(() => [PublicationFacetValue], { description: 'Narrower MeSH descriptors (MESH_DESCRIPTOR only), counts rolled up.' })
  children: PublicationFacetValue[];
}

@ObjectType()
export class PublicationHistogramBucket {
  @Field(() => Float)
  from: number;

  @Field(() => Float)
  to: number;

  @Field(() => Int)
  publicationCount: number;
}

@ObjectType()
export class PublicationNumericStats {
  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => [PublicationHistogramBucket])
  buckets: PublicationHistogramBucket[];
}

@ObjectType()
export class PublicationFacet {
  @Field(() => PublicationFacetName)
  facet: PublicationFacetName;

  @Field(() => [PublicationFacetValue], { description: 'Empty for YEAR.' })
  values: PublicationFacetValue[];

  @Field(() => PublicationNumericStats, { nullable: true, description: 'YEAR only.' })
  stats: PublicationNumericStats | null;
}

@ObjectType()
export class PublicationHit {
  @Field(() => Float, { nullable: true, description: 'Relevance when the search has text.' })
  score: number | null;

  @Field(() => Publication)
  publication: Publication;

  @Field(() => [Highlight], { description: 'Title and abstract passages with the matched words in <mark>.' })
  highlights: Highlight[];
}

@ObjectType()
export class PublicationHitEdge {
  @Field()
  cursor: string;

  @Field(() => PublicationHit)
  node: PublicationHit;
}

@ObjectType()
export class PublicationHitConnection {
  @Field(() => [PublicationHitEdge])
  edges: PublicationHitEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'Publications matching text and filters, with facet counts (publications).' })
export class PublicationSearchResult {
  @Field(() => Int)
  totalPublications: number;

  @Field(() => PublicationHitConnection)
  hits: PublicationHitConnection;

  @Field(() => [PublicationFacet])
  facets: PublicationFacet[];
}
