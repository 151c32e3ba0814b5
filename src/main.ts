import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { announce, startApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startApp(config);
  announce(running);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A configuration problem is the user's to fix: show the message, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
