import { availableParallelism } from 'node:os';
import { ConfigError, extractionThreadsOf, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment (embedded database, port 3000, demo data)', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.SEED_DEMO_DATA).toBe(true);
    expect(config.API_KEYS).toEqual([]);
  });

  it('parses API keys with their roles', () => {
    const config = loadConfig({ API_KEYS: 'alice:curator:0123456789abcdef, root:admin:fedcba9876543210xyz' });
    expect(config.API_KEYS).toEqual([
      { name: 'alice', role: 'curator', key: '0123456789abcdef' },
      { name: 'root', role: 'admin', key: 'fedcba9876543210xyz' },
    ]);
  });

  it('names the variable when a value is bad, and never echoes the key', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    let message = '';
    try {
      loadConfig({ API_KEYS: 'alice:owner:secretsecretsecret123' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/API_KEYS: entry 1 \(alice\) has role "owner"/);
    expect(message).not.toContain('secretsecretsecret123');
  });

  // Elasticsearch refuses an index or alias name that starts with '-', '_' or '+' (invalid_index_name_exception)
  // and one longer than 255 bytes; the prefix names `${prefix}_publications-v<13 digits>` too.
  it('takes an Elasticsearch index prefix Elasticsearch accepts as an index name', () => {
    expect(loadConfig({ ELASTICSEARCH_INDEX_PREFIX: 'case-reports_2' }).ELASTICSEARCH_INDEX_PREFIX).toBe('case-reports_2');
    for (const prefix of ['_cases', '-cases', 'Cases', 'a'.repeat(228)]) expect(() => loadConfig({ ELASTICSEARCH_INDEX_PREFIX: prefix })).toThrow(/ELASTICSEARCH_INDEX_PREFIX/);
    expect(loadConfig({ ELASTICSEARCH_INDEX_PREFIX: 'a'.repeat(227) }).ELASTICSEARCH_INDEX_PREFIX).toHaveLength(227);
  });

  it('refuses an API key name longer than the 100 characters every record of who did what holds (screening, sign-in and imports failed with an internal error)', () => {
    expect(() => loadConfig({ API_KEYS: `${'n'.repeat(101)}:curator:0123456789abcdef` })).toThrow(/API_KEYS: entry 1 has a name of 101 characters; at most 100/);
    expect(loadConfig({ API_KEYS: `${'n'.repeat(100)}:curator:0123456789abcdef` }).API_KEYS).toHaveLength(1);
  });

  it('rejects short keys', () => {
    expect(() => loadConfig({ API_KEYS: 'bob:curator:short' })).toThrow(/shorter than 16/);
  });
});

describe('extractionThreadsOf', () => {
  it('runs the rules on the main thread with the embedded database, on a worker with PostgreSQL (2+ CPUs), and obeys EXTRACTION_THREADS', () => {
    const cpus = availableParallelism();
    expect(extractionThreadsOf(loadConfig({}))).toBe(0);
    expect(extractionThreadsOf(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }))).toBe(cpus >= 2 ? 1 : 0);
    expect(extractionThreadsOf(loadConfig({ EXTRACTION_THREADS: '2' }))).toBe(2);
    expect(extractionThreadsOf(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', EXTRACTION_THREADS: '0' }))).toBe(0);
    expect(() => loadConfig({ EXTRACTION_THREADS: '17' })).toThrow(/EXTRACTION_THREADS/);
  });
});
