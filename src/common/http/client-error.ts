import { maxHeaderSize } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** What Node's HTTP parser refuses before any route sees the request, with the status Node itself would answer. */
export function clientErrorAnswer(code: string | undefined, headerLimitBytes: number): { status: number; reason: string; code: string; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'REQUEST_HEADERS_TOO_LARGE',
        message: `The request line and headers (the URL with its query string, cookies) exceed ${headerLimitBytes} bytes: shorten the URL (for a long search, save it and pass savedSearch=<id>) or the cookies.`,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', message: 'The request did not arrive whole in time.' };
    default:
      return { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: `The request is not valid HTTP${code ? ` (${code})` : ''}.` };
  }
}

/**
 * Node answers a request its parser refuses (headers over the limit, malformed HTTP, a request that
 * never arrived whole) with a bare status line and no body. With this listener the answer carries a
 * JSON body with a code and a message, as every other error of the API does; the connection is then
 * closed, as Node does.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (socket.writable && !socket.bytesWritten && error.code !== 'ECONNRESET') {
      const answer = clientErrorAnswer(error.code, maxHeaderSize);
      const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
      socket.write(`HTTP/1.1 ${answer.status} ${answer.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  });
  // An Expect header other than 100-continue: Node answered a bare 417 with no body before any route.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const expect = String(request.headers.expect ?? '').slice(0, 100);
    const body = JSON.stringify({ error: { code: 'EXPECTATION_FAILED', message: `the Expect header (${JSON.stringify(expect)}) is not supported: only "100-continue" is; send the request without it` } });
    response.shouldKeepAlive = false;
    response.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
    response.end(body);
  });
}
