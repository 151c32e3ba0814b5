/** A PostgreSQL unique violation (SQLSTATE 23505), as the driver or TypeORM's QueryFailedError carries it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: unknown; driverError?: unknown } | null | undefined, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    if (current.code === '23505') return true;
    current = current.driverError as typeof current;
  }
  return false;
}
