import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/app-config';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { createRootLogger } from './logging/root-logger';
import { OutboxDrainer } from './search/indexing/outbox-drainer';
import { ReindexService } from './search/indexing/reindex.service';
import { SearchWorkerModule } from './search/search-worker.module';

const USAGE = 'usage: npm run worker [-- drain | reindex]   (drain: keep the search index in step with the outbox, the default; reindex: rebuild it once and exit)';

/**
 * The search indexer as a process of its own, for deployments that scale out: drains the outbox
 * into the configured engine (the app's own drainer and this one share the work through the indexer
 * lease), or rebuilds the index once. Needs DATABASE_URL: the embedded database belongs to the app.
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'drain';
  if (!['drain', 'reindex'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.error('npm run worker needs DATABASE_URL. With the embedded database (no DATABASE_URL) the app indexes by itself: run it alone.');
    process.exit(2);
  }
  // The same pino logging as the app's (JSON lines unless on a terminal, LOG_FORMAT).
  const pinoLogger = new PinoNestLogger(createRootLogger(config));
  Logger.overrideLogger(pinoLogger);
  const logger = new Logger('SearchWorker');
  const app = await NestFactory.createApplicationContext(SearchWorkerModule.forRoot(config, config.DATABASE_URL), { logger: pinoLogger });
  if (command === 'reindex') {
    const result = await app.get(ReindexService).reindex({ onProgress: (indexed) => logger.log(`indexed ${indexed} case reports`) });
    await app.get(OutboxDrainer).drainAll();
    logger.log(`reindex done: ${result.caseReports} case reports in ${result.durationMs} ms; the ${result.pendingWrites} writes that arrived meanwhile are replayed`);
    await app.close();
    return;
  }
  logger.log('draining the search outbox; stop with Ctrl-C');
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
