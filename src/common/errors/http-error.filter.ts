import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { retryableDatabaseError } from './database-unavailable';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  const message = typeof response === 'object' && response && 'message' in response ? (response as { message: unknown }).message : error.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}

/** Error codes of zlib, Brotli and Zstandard decoders: a body that does not decompress. */
const DECOMPRESSION_FAULT = /^(Z_|ERR__ERROR_|ERR_BROTLI|ERR_ZSTD)/;

/** Errors of Express's body parsers (http-errors: a 4xx `status` with `expose`), e.g. "request entity too large". */
function clientHttpError(error: unknown, request: Request): { status: number; message: string } | null {
  const fault = error as { status?: unknown; expose?: unknown; message?: unknown; code?: unknown } | null;
  if (!fault || typeof fault.status !== 'number' || fault.status < 400 || fault.status >= 500 || fault.expose !== true) return null;
  // The decoder's own words ("incorrect header check", or only "Bad Request") do not say which part of the request is wrong.
  if (typeof fault.code === 'string' && DECOMPRESSION_FAULT.test(fault.code)) {
    const encoding = String(request.headers['content-encoding'] ?? '').trim();
    return { status: fault.status, message: `the request body does not decompress as its Content-Encoding header (${encoding}) says: send it compressed that way, or without the header` };
  }
  return { status: fault.status, message: typeof fault.message === 'string' ? fault.message : 'bad request' };
}

/**
 * The last word on errors outside GraphQL's own pipeline (a JSON body that does not parse, a body
 * too large, an unknown route): every answer has a code and a message. On /graphql in the shape of a
 * GraphQL response (`errors[].extensions.code`), elsewhere as the REST endpoints answer (`error.code`).
 * Inside GraphQL resolvers errors are left to the GraphQL formatter.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly rest = new DomainErrorHttpFilter();

  catch(error: unknown, host: ArgumentsHost): unknown {
    // In a resolver the returned value becomes the field's result: a database fault is handed back as
    // its domain error, so it is answered as one even when the thrown value is not an Error of this
    // realm (node's socket errors seen from a VM context, e.g. under jest), which GraphQL would take for data.
    if (host.getType() !== 'http') return retryableDatabaseError(error) ?? error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const clientFault = clientHttpError(error, request);
    if (!(error instanceof HttpException) && !clientFault) {
      this.rest.catch(error, host);
      return undefined;
    }
    if (response.headersSent) {
      response.destroy();
      return undefined;
    }
    const status = error instanceof HttpException ? error.getStatus() : (clientFault as { status: number }).status;
    const body = error instanceof HttpException ? error.getResponse() : null;
    // A body designed by its endpoint (the health check's details) is kept as it is.
    if (body && typeof body === 'object' && !Object.keys(body).every((key) => ['statusCode', 'message', 'error'].includes(key)) && !request.path.startsWith('/graphql')) {
      response.status(status).json(body);
      return undefined;
    }
    const code = CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    const message = error instanceof HttpException ? messageOf(error) : (clientFault as { message: string }).message;
    response.status(status);
    if (request.path.startsWith('/graphql')) response.json({ errors: [{ message, extensions: { code } }] });
    else response.json({ error: { code, message } });
    return undefined;
  }
}
