import { createServer } from 'node:net';

/** A start that cannot succeed for a reason the user fixes: main.ts prints the message, no stack. */
export class PortUnavailableError extends Error {}

/**
 * Binds the port for a moment and lets it go, so that a port already taken is reported before the
 * embedded database starts and the demo corpus is seeded (seconds of work, and files in DATA_DIR,
 * for a start that would fail at the very end). Port 0 (any free port) cannot be taken.
 */
export async function assertPortAvailable(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortUnavailableError(`port ${port} on ${host} is already in use (another case-report-search server?); set PORT to another port`));
      else if (error.code === 'EACCES') reject(new PortUnavailableError(`port ${port} on ${host} needs privileges this process does not have; set PORT to a port above 1023`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new PortUnavailableError(`HOST ${host} is not an address of this machine; set HOST to one (127.0.0.1, or 0.0.0.0 for all)`));
      else reject(error);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
