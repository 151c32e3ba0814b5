import { Writable } from 'node:stream';
import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { LogFormat, pinoLevel, resolveLogFormat } from './log-format';

/**
 * Belt and braces: the access log's serializers keep no headers at all, but anything that logs a
 * request or response object by mistake still has its credentials censored.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'apiKey',
  'password',
];

export interface RootLoggerOptions {
  /** Where lines go (tests pass a stream); stdout otherwise. */
  destination?: DestinationStream;
  /** Overrides the TTY check of LOG_FORMAT=auto (tests). */
  stdoutIsTty?: boolean;
}

/** The process's one pino logger; everything (Nest's Logger, the access log, the SQL logger) writes through it. */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>, options: RootLoggerOptions = {}): Logger {
  const format: LogFormat = resolveLogFormat(config.LOG_FORMAT, options.stdoutIsTty ?? process.stdout.isTTY);
  const settings = { level: pinoLevel(config.LOG_LEVEL), redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (format === 'json') return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
  // pino-pretty as a stream in this thread (not a transport worker): lines are written in order with
  // the rest of the output, and nothing is lost when the process exits right after logging.
  const stream = pretty({
    destination: options.destination ? asWritable(options.destination) : 1,
    sync: true,
    colorize: options.destination ? false : !!process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    // The access line's message already says method, path, status and time: the rest goes on the same line.
    ignore: 'pid,hostname,context,req,res,durationMs,requestId,graphqlOperation',
    messageFormat: '{if context}[{context}] {end}{msg}{if graphqlOperation} {graphqlOperation}{end}{if requestId} (request {requestId}){end}',
    hideObject: false,
  });
  return pino(settings, stream);
}

/** pino-pretty pipes into a Node stream; a plain `{ write }` destination (as tests give) is wrapped in one. */
function asWritable(destination: DestinationStream): Writable {
  if (destination instanceof Writable) return destination;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      destination.write(chunk.toString());
      done();
    },
  });
}
