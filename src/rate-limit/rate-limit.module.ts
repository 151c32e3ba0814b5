import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EarlyShapeCheckMiddleware } from '../graphql/early-shape-check';
import { ConcurrencyLimitMiddleware, GraphqlConcurrency } from './concurrency-limit.middleware';
import { RateLimitMiddleware } from './rate-limit.middleware';

/**
 * Admission to the API routes (GraphQL, imports, exports, sign-in); the pages, their assets and /health are not
 * limited. In this order: the rate limits; then, on /graphql, the early shape check (a large over-limit document is
 * refused before GraphQL validates it) and the turns of GraphQL reads (concurrency-limit.middleware.ts). So a client
 * over its rate is refused at once, every refusal counts against its allowance, and neither takes a place in the queue.
 */
@Module({ providers: [RateLimitMiddleware, EarlyShapeCheckMiddleware, ConcurrencyLimitMiddleware, GraphqlConcurrency] })
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL }, { path: 'imports', method: RequestMethod.ALL }, { path: 'exports', method: RequestMethod.ALL }, { path: 'exports/*path', method: RequestMethod.ALL }, { path: 'session', method: RequestMethod.POST });
    consumer.apply(EarlyShapeCheckMiddleware, ConcurrencyLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
