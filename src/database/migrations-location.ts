import { join } from 'node:path';

/** Where the migrations are, in the source tree (ts) and in dist (js). Kept free of entity imports. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{ts,js}');
export const MIGRATIONS_TABLE = 'migrations';
