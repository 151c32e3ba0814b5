import { Logger } from '@nestjs/common';
import { ParameterlessQueryLogger } from '../database/parameterless-query.logger';
import { resolveLogFormat } from './log-format';
import { PinoNestLogger } from './pino-nest-logger';
import { requestContext } from './request-context';
import { createRootLogger } from './root-logger';

function capture(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log', format: 'json' | 'pretty' = 'json') {
  const chunks: string[] = [];
  const root = createRootLogger({ LOG_LEVEL: level, LOG_FORMAT: format }, { destination: { write: (chunk: string) => void chunks.push(chunk) } });
  const lines = () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { root, chunks, lines };
}

describe('PinoNestLogger', () => {
  afterEach(() => Logger.overrideLogger(true));

  it("writes Nest Logger calls as pino lines with Nest's context, levels mapped", () => {
    const { root, lines } = capture('debug');
    Logger.overrideLogger(new PinoNestLogger(root));
    new Logger('Importer').log('imported 3 records');
    new Logger('Importer').debug('details');
    new Logger('Importer').verbose('not at debug');
    expect(lines().map(({ level, context, msg }) => ({ level, context, msg }))).toEqual([
      { level: 30, context: 'Importer', msg: 'imported 3 records' },
      { level: 20, context: 'Importer', msg: 'details' },
    ]);
  });

  it('applies LOG_LEVEL: below it nothing is written', () => {
    const { root, lines } = capture('warn');
    Logger.overrideLogger(new PinoNestLogger(root));
    new Logger('X').log('quiet');
    new Logger('X').warn('loud');
    expect(lines().map((line) => line.msg)).toEqual(['loud']);
  });

  it('keeps the stack of an error given as Nest does (message, stack, context)', () => {
    const { root, lines } = capture();
    const logger = new PinoNestLogger(root);
    const error = new Error('boom');
    logger.error('it failed', error.stack, 'Worker');
    expect(lines()[0]).toMatchObject({ level: 50, context: 'Worker', msg: 'it failed', stack: expect.stringContaining('Error: boom') });
    logger.error(error, 'Worker');
    expect(lines()[1]).toMatchObject({ level: 50, context: 'Worker', msg: 'boom', err: { message: 'boom' } });
  });

  it("adds the request's id to lines written inside its context", () => {
    const { root, lines } = capture();
    const logger = new PinoNestLogger(root);
    requestContext.run({ requestId: 'req-1', log: root.child({ requestId: 'req-1' }) }, () => logger.log('inside', 'Search'));
    logger.log('outside', 'Search');
    expect(lines().map(({ msg, requestId }) => ({ msg, requestId }))).toEqual([{ msg: 'inside', requestId: 'req-1' }, { msg: 'outside', requestId: undefined }]);
  });

  it('keeps the SQL logger guarantee: the statement and the number of parameters, never their values', () => {
    const { root, chunks, lines } = capture();
    Logger.overrideLogger(new PinoNestLogger(root));
    new ParameterlessQueryLogger().logQueryError(new Error('invalid input syntax for type uuid: "secret-doi-10.1000/x"'), 'SELECT * FROM publication WHERE doi = $1 AND title = $2', ['secret-doi-10.1000/x', 'A secret title']);
    expect(lines()[0]).toMatchObject({ level: 50, context: 'Database', msg: expect.stringContaining('2 parameters (values not logged)') });
    expect(chunks.join('')).not.toMatch(/secret/i);
  });

  it('writes readable text in pretty format', () => {
    const { root, chunks } = capture('log', 'pretty');
    new PinoNestLogger(root).log('hello there', 'Greeter');
    expect(chunks.join('')).toMatch(/INFO.*\[Greeter\] hello there/);
    requestContext.run({ requestId: 'req-7', log: root.child({ requestId: 'req-7' }) }, () => new PinoNestLogger(root).warn('slow', 'Search'));
    expect(chunks.join('').split('\n').filter(Boolean)[1]).toMatch(/WARN.*\[Search\] slow \(request req-7\)$/);
    expect(() => JSON.parse(chunks.join(''))).toThrow();
  });
});

describe('resolveLogFormat', () => {
  it('is JSON off a terminal and pretty on one when auto; an explicit format wins', () => {
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('auto', undefined)).toBe('json');
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});
