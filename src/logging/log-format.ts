import type { AppConfig } from '../config/app-config';

export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT=auto: JSON lines for collectors (stdout is a pipe or a file), readable text in a terminal. */
export function resolveLogFormat(setting: AppConfig['LOG_FORMAT'], stdoutIsTty: boolean | undefined): LogFormat {
  if (setting === 'json' || setting === 'pretty') return setting;
  return stdoutIsTty ? 'pretty' : 'json';
}

/** Nest's level names (LOG_LEVEL keeps them) and pino's. */
const PINO_LEVELS: Record<AppConfig['LOG_LEVEL'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

export function pinoLevel(level: AppConfig['LOG_LEVEL']): string {
  return PINO_LEVELS[level];
}
