import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { retryableDatabaseError } from '../../common/errors/database-unavailable';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { ImportTooLargeError } from '../import/import-size-limit';

const STATUS: Record<DomainErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, SERVICE_UNAVAILABLE: 503 };

const logger = new Logger('LiteratureHttp');

/**
 * The REST endpoints' (uploads, downloads) counterpart of the GraphQL error formatter: a domain error
 * keeps its code and details with the matching HTTP status; anything else is logged with a reference.
 */
@Catch()
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A download that failed half-way: the client must not take the truncated file for a whole one.
      logger.error(`response failed after it started: ${(error as Error)?.stack ?? String(error)}`);
      response.destroy(error instanceof Error ? error : undefined);
      return;
    }
    const retryable = retryableDatabaseError(error);
    if (retryable) {
      logger.warn(`database ${retryable.code === 'CONFLICT' ? 'collision' : 'unavailable'}: ${(error as Error).message}`);
      error = retryable;
    }
    if (error instanceof DomainError) {
      const status = error instanceof ImportTooLargeError ? 413 : STATUS[error.code];
      response.status(status).json({ error: { code: error.code, message: error.message, ...error.details } });
      return;
    }
    if (error instanceof HttpException) {
      response.status(error.getStatus()).json({ error: { code: 'BAD_REQUEST', message: error.message } });
      return;
    }
    const reference = randomUUID();
    logger.error(`internal error ${reference}: ${(error as Error)?.stack ?? String(error)}`);
    response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Internal server error (reference ${reference}); the server log has the details.`, reference } });
  }
}
