import { Logger } from '@nestjs/common';
import { buildDataSourceOptions } from './data-source-options';
import { ParameterlessQueryLogger } from './parameterless-query.logger';

describe('ParameterlessQueryLogger', () => {
  it("is the app's TypeORM logger", () => {
    expect(buildDataSourceOptions({ url: 'postgres://localhost/x', poolSize: 1 }).logger).toBeInstanceOf(ParameterlessQueryLogger);
  });

  it('logs a failed query with its SQL and the number of parameters, never their values', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = Object.assign(new Error('invalid input syntax for type uuid: "secret-search-text"'), { code: '22P02' });
    new ParameterlessQueryLogger().logQueryError(error, 'SELECT * FROM publication WHERE doi = $1 AND id = $2', ['10.1000/secret-doi', 'secret-search-text']);
    const line = logged.mock.calls[0][0] as string;
    expect(line).toContain('SELECT * FROM publication WHERE doi = $1');
    expect(line).toContain('22P02');
    expect(line).toContain('2 parameters');
    expect(line).not.toMatch(/secret/);
    logged.mockRestore();
  });
});
