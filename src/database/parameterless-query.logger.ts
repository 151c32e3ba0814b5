import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY_LENGTH = 1000;

/** PostgreSQL quotes the offending value at the end of some messages (`invalid input syntax for type uuid: "…"`): that value is the user's. */
function withoutValues(message: string): string {
  return message.replace(/: ".*"$/s, ': "(value not logged)"');
}

function describeError(error: string | Error): string {
  if (typeof error === 'string') return withoutValues(error);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code} ` : ''}${withoutValues(error.message)}`;
}

const shortened = (query: string) => (query.length > MAX_QUERY_LENGTH ? `${query.slice(0, MAX_QUERY_LENGTH)}… (${query.length} characters)` : query);

/**
 * TypeORM's logger for the app: failed and slow queries are logged with their SQL (shortened) and
 * the NUMBER of parameters, never their values: search text, DOIs and titles are the users'.
 */
export class ParameterlessQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Successful queries are not logged.
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    this.logger.error(`query failed: ${describeError(error)} -- ${shortened(query)} -- ${countOf(parameters)}`);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[] | object): void {
    this.logger.warn(`slow query (${time} ms): ${shortened(query)} -- ${countOf(parameters)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function countOf(parameters: unknown[] | object | undefined): string {
  const count = Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0;
  return `${count} parameter${count === 1 ? '' : 's'} (values not logged)`;
}
