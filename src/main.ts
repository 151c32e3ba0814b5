import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabaseInUseError } from './database/data-dir-lock';
import { announce, startApp } from './bootstrap';
import { PortUnavailableError } from './common/http/port-probe';
import { SearchService } from './search/search.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startApp(config);
  // Before the announcement: whoever acts on it (a supervisor, a test) may send a signal at once.
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  announce(running);
  // The embedded engine loads its index into memory before the first search; start that now.
  running.app
    .get(SearchService)
    .warmUp()
    .catch((error: unknown) => new Logger('CaseReportSearch').warn(`could not prepare the search index yet (${(error as Error).message}); the first search will try again`));
}

main().catch((error: unknown) => {
  // A configuration problem, a taken port or a database held by another process is the user's to fix: the message, not a stack trace.
  console.error(error instanceof ConfigError || error instanceof PortUnavailableError || error instanceof EmbeddedDatabaseInUseError ? error.message : error);
  process.exit(1);
});
