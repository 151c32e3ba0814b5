import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { CaseReportsModule } from '../case-reports/case-reports.module';
import { formatGraphqlError } from '../common/errors/format-graphql-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { Metrics } from '../metrics/metrics';
import { PublicationsModule } from '../publications/publications.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { offlineExplorerPlugin } from '../web/explorer/explorer-landing-page.plugin';
import { composedTextPlugin } from './composed-text.plugin';
import { operationChecksPlugin } from './operation-checks.plugin';
import { RequestLoadersFactory } from './request-loaders';

@Module({ imports: [VocabularyModule, PublicationsModule, CaseReportsModule], providers: [RequestLoadersFactory], exports: [RequestLoadersFactory] })
export class RequestLoadersModule {}

/** Code-first GraphQL on Apollo; the schema is built in memory and committed as schema.graphql by `npm run schema:generate`. */
export const GraphqlApiModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [RequestLoadersModule],
  inject: [RequestLoadersFactory, APP_CONFIG, Metrics],
  useFactory: (loaders: RequestLoadersFactory, config: AppConfig, metrics: Metrics) => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: true,
    // A huge document is refused while it is parsed, before validation spends time on it.
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    includeStacktraceInErrorResponses: false,
    // No cache hints are used; Apollo's cache-control plugin would still wrap every field resolver.
    plugins: [
      graphqlMetricsPlugin(metrics),
      offlineExplorerPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      operationChecksPlugin({ depth: config.GRAPHQL_MAX_DEPTH, aliases: config.GRAPHQL_MAX_ALIASES, fields: config.GRAPHQL_MAX_FIELDS, cost: config.GRAPHQL_MAX_COST }, config.MAX_PAGE_SIZE),
      composedTextPlugin(),
    ],
    formatError: formatGraphqlError,
    context: ({ req }: { req: Request }) => ({ req, loaders: loaders.create() }),
  }),
});
