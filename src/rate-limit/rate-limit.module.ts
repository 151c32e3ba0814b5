import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { RateLimitMiddleware } from './rate-limit.middleware';

/** Limits the API routes (GraphQL, imports, exports, sign-in); the pages, their assets and /health are not limited. */
@Module({ providers: [RateLimitMiddleware] })
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL }, { path: 'imports', method: RequestMethod.ALL }, { path: 'exports', method: RequestMethod.ALL }, { path: 'exports/*path', method: RequestMethod.ALL }, { path: 'session', method: RequestMethod.POST });
  }
}
