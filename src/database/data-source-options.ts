import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { ENTITIES } from './entities';

export interface DatabaseConnection {
  url: string;
  /** The embedded engine serves one query at a time; a pool of one avoids cross-connection deadlocks. */
  poolSize: number;
}

/** The one description of the database used by the app, the migration CLI and the tests. */
export function buildDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    extra: { max: connection.poolSize },
    logging: ['error'],
  };
}
