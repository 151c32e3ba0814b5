import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EarlyShapeCheckMiddleware } from '../graphql/early-shape-check';
import { RateLimitMiddleware } from './rate-limit.middleware';

/**
 * Admission to the API routes (GraphQL, imports, exports, sign-in); the pages, their assets and /health are not
 * limited. In this order: the rate limits; then, on /graphql, the early shape check (a large over-limit document is
 * refused before GraphQL validates it). So every refusal counts against the sender's allowance.
 */
@Module({ providers: [RateLimitMiddleware, EarlyShapeCheckMiddleware] })
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL }, { path: 'imports', method: RequestMethod.ALL }, { path: 'exports', method: RequestMethod.ALL }, { path: 'exports/*path', method: RequestMethod.ALL }, { path: 'session', method: RequestMethod.POST });
    consumer.apply(EarlyShapeCheckMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
