import request from 'supertest';
import { RunningApp, startApp, StartOptions } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './database';

export const CURATOR_KEY = 'test-curator-key-0123456789';
export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface TestApp {
  running: RunningApp;
  database: TestDatabase;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, apiKey?: string): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[] }>;
  close(): Promise<void>;
}

/** The whole app over HTTP on its own database (cloned from the migrated template), with the demo corpus unless asked not to; rate limits off unless asked for. */
export async function startTestApp(env: Record<string, string> = {}, options: StartOptions & { route?: (databaseUrl: string) => string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // `route` lets a test put something between the app and its database (a proxy it can cut).
  const { route, ...startOptions } = options;
  const config = loadConfig({ DATABASE_URL: route ? route(database.url) : database.url, PORT: '0', LOG_LEVEL: 'error', API_KEYS: `curator:curator:${CURATOR_KEY},root:admin:${ADMIN_KEY}`, RATE_LIMIT_ENABLED: 'false', ...env });
  const running = await startApp(config, startOptions);
  return {
    running,
    database,
    async graphql(query, variables, apiKey) {
      const call = request(running.url).post('/graphql').set('Content-Type', 'application/json');
      if (apiKey) call.set('Authorization', `Bearer ${apiKey}`);
      const response = await call.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async close() {
      await running.close();
      await database.drop();
    },
  };
}
