import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS_GLOB, MIGRATIONS_TABLE } from './migrations-location';
import { ParameterlessQueryLogger } from './parameterless-query.logger';

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
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: MIGRATIONS_TABLE,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    extra: { max: connection.poolSize },
    logging: ['error'],
    // TypeORM's own loggers print the parameters of a failed query (users' search text, DOIs).
    logger: new ParameterlessQueryLogger(),
  };
}
