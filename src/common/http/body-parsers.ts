import type { Request } from 'express';

/**
 * The routes whose body is a file, read as a stream by their controller (POST /imports): the JSON and
 * form parsers must leave it alone. Parsed first, a file posted as application/json was answered by
 * whatever the parser made of it: a JSON Lines or malformed CSL-JSON file "Unexpected non-whitespace
 * character after JSON at position 22" (BAD_REQUEST, naming nothing), one over MAX_JSON_BODY_BYTES
 * "request entity too large" (413, though imports take IMPORT_MAX_BYTES); only a file that happened to
 * be valid JSON reached the controller's answer naming `file` and what to send instead.
 * Express matches routes without regard to case or a trailing slash, and so does this.
 */
export function isFileUploadRoute(request: Pick<Request, 'path'>): boolean {
  return /^\/imports\/*$/i.test(request.path ?? '');
}

/** body-parser's `type` option: the media type, on every route but the file uploads. */
export function parsedOutsideFileUploads(mediaType: string): (request: Request) => boolean {
  return (request) => !isFileUploadRoute(request) && Boolean(request.is(mediaType));
}
