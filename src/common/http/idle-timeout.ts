import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What a connection is doing when it has been quiet for the idle timeout (HTTP_IDLE_TIMEOUT_MS), and
 * whose silence it is. Only a client's silence closes it: one that stops sending a body it announced
 * (a Content-Length it never reaches) or stops reading its answer. The server's own silence does not:
 * while it works on a request (an import's last chunks and commit, a re-run of the rules over a
 * review, the extraction thread's first start) or reads a body slower than it arrives (the import
 * parses as it reads, and the socket waits meanwhile), nothing flows either, and Node's default
 * (destroy any socket quiet for that long) cut such requests off mid-answer ("socket hang up").
 */
export type IdleVerdict = 'client-silent' | 'server-busy';

export interface ExchangeState {
  /** A request is being received or answered on the connection. */
  inRequest: boolean;
  /** The whole request has arrived. */
  requestComplete: boolean;
  /** Request bytes that arrived and the server has not read yet. */
  unreadRequestBytes: number;
  /**
   * Bytes read from the socket since the timer fired. A timer can fire late, after the event loop was
   * busy, and before the loop has read what the client sent meanwhile: the check is made once the loop
   * has read its sockets (setImmediate).
   */
  arrivedSinceTimeout: number;
  /** The response's headers have been sent. */
  responseStarted: boolean;
  /** Response bytes written and not yet taken by the client. */
  unsentResponseBytes: number;
}

/** The rule, pure: who is silent on a quiet connection. */
export function idleVerdict(state: ExchangeState): IdleVerdict {
  // Between requests (keep-alive) or before a request's headers: the client's turn.
  if (!state.inRequest) return 'client-silent';
  if (!state.requestComplete) return state.unreadRequestBytes > 0 || state.arrivedSinceTimeout > 0 ? 'server-busy' : 'client-silent';
  if (!state.responseStarted) return 'server-busy';
  return state.unsentResponseBytes > 0 ? 'client-silent' : 'server-busy';
}

/**
 * Applies the idle timeout with that rule: the server's socket timeout stays the trigger, and a quiet
 * connection is closed only when the client is the silent side (otherwise the timer is set again).
 */
export function applyIdleTimeout(server: Server, idleMs: number): void {
  const exchanges = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  server.timeout = idleMs;
  // The socket's latest exchange; no listener on the response (an export's pipeline already puts ten there).
  server.on('request', (req: IncomingMessage, res: ServerResponse) => exchanges.set(req.socket, { req, res }));
  // With a 'timeout' listener Node no longer destroys quiet sockets itself: this decides.
  server.on('timeout', (socket: Socket) => {
    const bytesRead = socket.bytesRead;
    setImmediate(() => {
      if (socket.destroyed) return;
      const latest = exchanges.get(socket);
      // An answered exchange is over: the connection waits for the client's next request.
      const exchange = latest && !latest.res.writableFinished ? latest : undefined;
      const verdict = idleVerdict({
        inRequest: exchange !== undefined,
        requestComplete: exchange?.req.complete ?? false,
        unreadRequestBytes: exchange?.req.readableLength ?? 0,
        arrivedSinceTimeout: socket.bytesRead - bytesRead,
        responseStarted: exchange?.res.headersSent ?? false,
        unsentResponseBytes: socket.writableLength,
      });
      if (verdict === 'client-silent') socket.destroy();
      else socket.setTimeout(idleMs);
    });
  });
}
