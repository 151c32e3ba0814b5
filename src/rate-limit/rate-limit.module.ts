import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConcurrencyLimitMiddleware, GraphqlConcurrency } from './concurrency-limit.middleware';
import { RateLimitMiddleware } from './rate-limit.middleware';

/**
 * Limits the API routes (GraphQL, imports, exports, sign-in); the pages, their assets and /health are not limited.
 * A GraphQL request within its rate then waits for a slot (concurrency-limit.middleware.ts): in this order, so a
 * client over its rate is refused at once instead of taking a place in the queue.
 */
@Module({ providers: [RateLimitMiddleware, ConcurrencyLimitMiddleware, GraphqlConcurrency] })
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL }, { path: 'imports', method: RequestMethod.ALL }, { path: 'exports', method: RequestMethod.ALL }, { path: 'exports/*path', method: RequestMethod.ALL }, { path: 'session', method: RequestMethod.POST });
    consumer.apply(ConcurrencyLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
