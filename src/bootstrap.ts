import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { Server } from 'node:http';
import type { DestinationStream } from 'pino';
import { parsedOutsideFileUploads } from './common/http/body-parsers';
import { responseCompression } from './common/http/compression';
import { answerClientErrors } from './common/http/client-error';
import { applyIdleTimeout } from './common/http/idle-timeout';
import { assertPortAvailable } from './common/http/port-probe';
import { securityHeaders } from './common/http/security-headers';
import { AppConfig } from './config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { accessLog } from './logging/access-log';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { createRootLogger } from './logging/root-logger';
import { httpMetrics } from './metrics/http-metrics.middleware';
import { Metrics } from './metrics/metrics';
import { explorerContentSecurityPolicy } from './web/explorer/explorer-assets';

export interface RunningApp {
  app: INestApplication;
  url: string;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Starts the database (embedded unless DATABASE_URL is set) and the app; used by main.ts and the e2e tests. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  // Every log line goes through one pino logger, set before anything logs (the embedded database starts before the Nest app exists).
  const rootLogger = createRootLogger(config, { destination: options.logDestination });
  const logger = new PinoNestLogger(rootLogger);
  Logger.overrideLogger(logger);
  // A taken port fails the start now, not after the database has started and the demo corpus is seeded.
  await assertPortAvailable(config.HOST, config.PORT);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
  const databaseUrl = config.DATABASE_URL ?? (embedded as EmbeddedPostgres).url;
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, poolSize: embedded ? 1 : config.DATABASE_POOL_SIZE }), {
      logger,
    });
    // First, so that the access line and the request id cover everything after, refusals included.
    app.use(...accessLog(rootLogger));
    app.use(httpMetrics(app.get(Metrics)));
    app.use(responseCompression());
    // Express's default (100 KB) is too small for an export file posted as text to importPublications.
    app.useBodyParser('json', { limit: config.MAX_JSON_BODY_BYTES, type: parsedOutsideFileUploads('application/json') });
    // Nest's default form parser (100 KB, extended), registered here so that it too leaves POST /imports' body to its controller.
    app.useBodyParser('urlencoded', { extended: true, type: parsedOutsideFileUploads('application/x-www-form-urlencoded') });
    app.disable('x-powered-by');
    app.use(securityHeaders({ '/graphql': explorerContentSecurityPolicy() }));
    // No enableShutdownHooks: main.ts handles SIGINT/SIGTERM itself and closes the app, then stops the embedded
    // database (its thread answers asynchronously); Nest's hooks would re-raise the signal and end the process
    // before the database had stopped and released its lock.
    applyServerTimeouts(app.getHttpServer() as Server, config);
    answerClientErrors(app.getHttpServer() as Server);
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST}:${port}`;
    // Whoever finds the embedded database taken (the CLI) is told where the server answers.
    embedded?.lock.update({ url });
    return {
      app,
      url,
      embedded,
      async close() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Set deliberately rather than left at Node's defaults: a client that sends headers slowly, or a body
 * shorter than its Content-Length, is cut off instead of holding a socket (and an import's lock) for ever.
 */
export function applyServerTimeouts(server: Server, config: AppConfig): void {
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.HTTP_REQUEST_TIMEOUT_MS > 0 ? Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS) : config.HTTP_HEADERS_TIMEOUT_MS;
  // A quiet socket is closed when the client is the silent side, not while the server works (idle-timeout.ts).
  applyIdleTimeout(server, config.HTTP_IDLE_TIMEOUT_MS);
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
}

export function announce(running: RunningApp): void {
  const logger = new Logger('CaseReportSearch');
  logger.log(`search page:      ${running.url}/`);
  logger.log(`GraphQL API:      ${running.url}/graphql`);
  logger.log(`GraphQL explorer: ${running.url}/graphql (open in a browser)`);
  logger.log(`health:           ${running.url}/health (probes: /health/live, /health/ready)`);
  logger.log(running.embedded ? `database:         embedded PostgreSQL, data in ${running.embedded.dataDir}` : 'database:         DATABASE_URL');
}
