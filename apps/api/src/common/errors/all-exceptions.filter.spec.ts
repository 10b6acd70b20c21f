import { Logger } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import Fastify from 'fastify';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DatabaseUnavailableError } from './database-unavailable';

/** A real Fastify whose only route throws `error`, answered through the filter as Nest would. */
async function answer(error: Error) {
  const fastify = Fastify();
  const filter = new AllExceptionsFilter();
  fastify.get('/x', async () => {
    throw error;
  });
  fastify.setErrorHandler((thrown, request, reply) => filter.catch(thrown, new ExecutionContextHost([request, reply])));
  const response = await fastify.inject({ method: 'GET', url: '/x' });
  await fastify.close();
  return response;
}

describe('AllExceptionsFilter logging', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a 503 database.unavailable at warn, one line with the reason and no error object (no stack)', async () => {
    const response = await answer(new DatabaseUnavailableError('connect ECONNREFUSED 127.0.0.1:5432'));
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('database.unavailable');
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields, message] = warn.mock.calls[0] as [Record<string, unknown>, string];
    expect(message).toBe('request refused: database unavailable');
    expect(fields).toMatchObject({ method: 'GET', url: '/x', statusCode: 503 });
    expect(fields.reason).toContain('ECONNREFUSED');
    expect(fields).not.toHaveProperty('err');
    expect(JSON.stringify(fields)).not.toMatch(/\n\s+at /);
  });

  it('still logs anything unexpected at error, with the error and its stack', async () => {
    const response = await answer(new Error('a bug'));
    expect(response.statusCode).toBe(500);
    expect(warn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    const [fields] = error.mock.calls[0] as [{ err: Error }];
    expect(fields.err.stack).toContain('a bug');
  });
});
