import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Roles an API key can carry. `admin` can do everything `curator` can. */
export const API_ROLES = ['curator', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKey {
  name: string;
  role: ApiRole;
  key: string;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/**
 * `API_KEYS` is a comma-separated list of `name:role:key`; keys must be long enough to resist guessing.
 * Parsed here so a malformed entry stops the boot with the variable named, and the key itself is never echoed.
 */
const apiKeys = z.string().transform((raw, ctx): ApiKey[] => {
  const keys: ApiKey[] = [];
  raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .forEach((entry, index) => {
      const [name, role, ...rest] = entry.split(':');
      const key = rest.join(':');
      if (!name || !role || !key) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not of the form name:role:key` });
        return;
      }
      if (!(API_ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} (${name}) has role "${role}"; expected one of ${API_ROLES.join(', ')}` });
        return;
      }
      // The name is stored with every decision, import, change and sign-in, in columns of 100 characters:
      // a longer one failed each of those writes with an internal error.
      if (name.length > 100) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} has a name of ${name.length} characters; at most 100` });
        return;
      }
      if (key.length < 16) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} (${name}) has a key shorter than 16 characters` });
        return;
      }
      keys.push({ name, role: role as ApiRole, key });
    });
  return keys;
});

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  SEED_DEMO_DATA: booleanFlag.default(true),
  /** Add the MeSH-derived terms (src/vocabulary/seed/mesh-vocabulary-terms.json) to the curated ones at boot. */
  SEED_MESH_VOCABULARY: booleanFlag.default(true),
  API_KEYS: apiKeys.default([]),
  ELASTICSEARCH_NODE: z.url().optional(),
  // An Elasticsearch index name: no leading '-' or '_', at most 255 bytes with `_publications-v<13 digits>` appended.
  ELASTICSEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ only, starting with a letter or digit')
    .max(227, 'at most 227 characters (Elasticsearch index names have at most 255)')
    .default('case-reports'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** `json`: one JSON object per line (for a log collector); `pretty`: readable text; `auto`: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(250 * 1024 * 1024),
  /**
   * Where POST /imports receives an upload whole (a temporary file, removed when the import ends, fails or the
   * client goes away) before the import queues for the import lock: a slow client delays only itself. Unset: os.tmpdir().
   */
  IMPORT_SPOOL_DIR: z.string().min(1).optional(),
  /**
   * Worker threads that run the case extraction rules during imports and on-demand runs (src/extraction/extraction-threads.ts);
   * 0 runs them on the main thread. Unset: see extractionThreadsOf.
   */
  EXTRACTION_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  /** Largest JSON request body (a GraphQL request, including an export file posted as text). */
  MAX_JSON_BODY_BYTES: z.coerce.number().int().min(100 * 1024).default(20 * 1024 * 1024),
  /** GraphQL operation limits, checked before execution (README "Limits and protections"). The standard introspection query has depth 15 and 230 fields. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(16),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(50),
  GRAPHQL_MAX_FIELDS: z.coerce.number().int().min(10).default(500),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(25000),
  /** Tokens in one GraphQL document, checked while parsing (before validation): the full introspection query has about 300. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(1000).default(10000),
  /** HTTP server timeouts (milliseconds). A client that stops sending (a body shorter than its Content-Length) is cut off after the idle timeout. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** The whole request, body included: large imports over slow links need minutes; 0 switches it off (the idle timeout still applies). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(15 * 60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Requests per window on /graphql, /imports and /exports, reads and writes apart, per client address and per API key. */
  RATE_LIMIT_ENABLED: booleanFlag.default(true),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  RATE_LIMIT_READS_PER_ADDRESS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WRITES_PER_ADDRESS: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_READS_PER_KEY: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WRITES_PER_KEY: z.coerce.number().int().min(1).default(300),
  /** Sign-in attempts (POST /session) per client address and window: an API key cannot be guessed by trying. */
  RATE_LIMIT_SIGNINS_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** How long a browser session (the workspace's sign-in cookie) lasts, in minutes. */
  SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(480),
  /** `auto`: the session cookie is Secure when the request came over https; `true`: always (behind a TLS proxy); `false`: never. */
  SESSION_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; the only place in the code base that looks at process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration; fix these environment variables:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * EXTRACTION_THREADS, or its default: 1 with PostgreSQL (DATABASE_URL) on a machine with at least 2 CPUs,
 * else 0. On the embedded database a thread buys nothing (bench/README.md: PGlite already has a thread of
 * its own, and three busy threads share two cores) and costs its own heap (~60 MB).
 */
export function extractionThreadsOf(config: Pick<AppConfig, 'EXTRACTION_THREADS' | 'DATABASE_URL'>): number {
  return config.EXTRACTION_THREADS ?? (config.DATABASE_URL && availableParallelism() >= 2 ? 1 : 0);
}
