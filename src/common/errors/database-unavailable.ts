import { DomainError } from './domain-error';

/**
 * SQLSTATE classes and codes that mean "the database cannot serve this right now", not "this request
 * is wrong": connection exceptions (08), too many connections, out of resources, shutdown and
 * recovery (57P01-57P03), a standby that refuses writes (25006 on a promoted/demoted server).
 */
const UNAVAILABLE_SQLSTATES = new Set(['53000', '53100', '53200', '53300', '53400', '57P01', '57P02', '57P03', '57P05', '58000', '58030', '25006']);
/** Socket errors of the driver (node's errno codes). */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg and pg-pool raise these as plain Errors without a code. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /is not currently accepting connections/i,
  /Connection is not established/i,
];

interface DriverFault {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function isFault(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const fault = error as DriverFault;
  const code = typeof fault.code === 'string' ? fault.code : '';
  if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  // A FATAL or PANIC error from the server ends the session: the database, not the request, is at fault.
  if (fault.severity === 'FATAL' || fault.severity === 'PANIC') return true;
  if (typeof fault.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(fault.message as string))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isFault(inner, depth + 1))) return true;
  return isFault(fault.driverError, depth + 1) || isFault(fault.cause, depth + 1);
}

/** True when an error (TypeORM's QueryFailedError, a pg DatabaseError, a socket error, or one wrapping them) means the database is unreachable or overloaded. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isFault(error, 0);
}

/** The retryable answer for such an error, for reads and writes alike. */
export function databaseUnavailableError(): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', 'The database is not reachable right now (restarting, overloaded or out of connections); Try again shortly.', { retryable: true });
}

/** deadlock_detected and serialization_failure: two transactions collided; PostgreSQL rolled one back, whole. */
const COLLISION_SQLSTATES = new Set(['40P01', '40001']);

function isCollision(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const fault = error as DriverFault;
  if (typeof fault.code === 'string' && COLLISION_SQLSTATES.has(fault.code)) return true;
  return isCollision(fault.driverError, depth + 1) || isCollision(fault.cause, depth + 1);
}

/**
 * The retryable answer a database fault deserves, or null for any other error: unreachable or overloaded
 * (SERVICE_UNAVAILABLE), or a collision with a concurrent request (CONFLICT: a deadlock PostgreSQL broke by rolling
 * this transaction back, nothing of it kept). Both were INTERNAL_SERVER_ERROR-worthy only in appearance.
 */
export function retryableDatabaseError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return null;
  if (isDatabaseUnavailable(error)) return databaseUnavailableError();
  if (isCollision(error, 0)) {
    return new DomainError('CONFLICT', 'This request collided with another one changing the same records at the same moment (the database broke a deadlock by undoing this one); nothing of it was stored. Send it again.', { retryable: true });
  }
  return null;
}
