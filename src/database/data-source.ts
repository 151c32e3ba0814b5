import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The data source the TypeORM CLI uses (`npm run migration:run`, migration generation).
 * It needs a real server: DATABASE_URL, or the local default used by the tests.
 */
const config = loadConfig();
export default new DataSource(
  buildDataSourceOptions({ url: config.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', poolSize: 1 }),
);
