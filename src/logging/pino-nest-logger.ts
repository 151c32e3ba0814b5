import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { requestContext } from './request-context';

/**
 * Nest's LoggerService on pino: the existing `new Logger('Context').log(...)` calls throughout the
 * code keep working and come out as pino lines with `context`, and with the request id when they
 * run during a request. Nest passes the context as the last argument (and a stack before it for errors).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional, true);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional, true);
  }

  private write(level: Level, message: unknown, optional: unknown[], mayHaveStack = false): void {
    const logger = requestContext.getStore()?.log ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const params = [...optional];
    const context = params.length && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    // Nest's error(message, stack, context): the stack is the string left before the context.
    if (mayHaveStack && typeof params[0] === 'string' && params[0].includes('\n    at ')) fields.stack = params.shift();
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      logger[level]({ ...fields, data: message });
    } else {
      logger[level](fields, String(message));
    }
  }
}
