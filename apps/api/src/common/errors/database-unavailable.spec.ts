import { CannotExecuteNotConnectedError, QueryFailedError, TypeORMError } from 'typeorm';
import {
  DATABASE_TIMEOUT_MESSAGE,
  DATABASE_UNAVAILABLE_MESSAGE,
  DatabaseUnavailableError,
  databaseUnavailable,
} from './database-unavailable';

/** An error as node-postgres makes one for a server's ErrorResponse. */
const pgError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });
/** As TypeORM rethrows it from a query runner. */
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('databaseUnavailable', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is shutting down'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['08001', 'could not connect'],
    ['53300', 'sorry, too many clients already'],
    ['53100', 'could not extend file: No space left on device'],
    ['25006', 'cannot execute INSERT in a read-only transaction'],
  ])('takes SQLSTATE %s (%s) for an unavailable database, bare or inside QueryFailedError', (code, message) => {
    expect(databaseUnavailable(pgError(code, message))).toEqual({
      kind: 'down',
      message: DATABASE_UNAVAILABLE_MESSAGE,
    });
    expect(databaseUnavailable(failedQuery(pgError(code, message)))?.kind).toBe('down');
  });

  it.each(['57014', '25P03'])('takes SQLSTATE %s for a database that took too long', (code) => {
    expect(databaseUnavailable(failedQuery(pgError(code)))).toEqual({
      kind: 'timeout',
      message: DATABASE_TIMEOUT_MESSAGE,
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])(
    'takes the socket error %s, also inside an AggregateError (a host with several addresses)',
    (code) => {
      expect(databaseUnavailable(socketError(code))?.kind).toBe('down');
      const both = Object.assign(new AggregateError([socketError(code), socketError(code)], ''), { code });
      expect(databaseUnavailable(both)?.kind).toBe('down');
      expect(databaseUnavailable(new AggregateError([new Error('x'), socketError(code)], ''))?.kind).toBe('down');
    },
  );

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
    'Cannot use a pool after calling end on the pool',
  ])('takes the driver message "%s"', (message) => {
    expect(databaseUnavailable(new Error(message))?.kind).toBe('down');
    expect(databaseUnavailable(failedQuery(new Error(message)))?.kind).toBe('down');
  });

  it("takes TypeORM's own not-connected errors, the gate's refusal and errors given as a cause", () => {
    expect(databaseUnavailable(new CannotExecuteNotConnectedError())?.kind).toBe('down');
    expect(databaseUnavailable(new TypeORMError('Driver not Connected'))?.kind).toBe('down');
    expect(databaseUnavailable(new DatabaseUnavailableError('no answer within 2000 ms'))?.kind).toBe('down');
    expect(
      databaseUnavailable(Object.assign(new Error('export stopped'), { cause: socketError('ECONNRESET') }))?.kind,
    ).toBe('down');
    expect(databaseUnavailable(new Error('Query read timeout'))?.kind).toBe('timeout');
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['23503', 'insert or update violates foreign key constraint'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P02', 'invalid input syntax for type uuid'],
    ['42P01', 'relation "leads" does not exist'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['40P01', 'deadlock detected'],
    ['XX000', 'internal error'],
  ])('leaves SQLSTATE %s (%s) to the other rules', (code, message) => {
    expect(databaseUnavailable(failedQuery(pgError(code, message)))).toBeNull();
  });

  it('leaves everything else alone, and does not loop on a cyclic cause', () => {
    const cyclic = new Error('a');
    (cyclic as { cause?: unknown }).cause = cyclic;
    for (const error of [new Error('boom'), new TypeError('x is undefined'), 'text', null, undefined, 42, {}, cyclic]) {
      expect(databaseUnavailable(error)).toBeNull();
    }
  });
});
