import { CannotExecuteNotConnectedError, ConnectionIsNotSetError, QueryFailedError, TypeORMError } from 'typeorm';

export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂不可用，请稍后重试 (database unavailable)';
export const DATABASE_TIMEOUT_MESSAGE = '数据库响应超时，请稍后重试 (database timed out)';

/**
 * Thrown by the database gate (database/database-gate.ts) for work refused or cut short while the
 * database is down or hung. `reason` is for the log, never for the client.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(readonly reason: string) {
    super(`database unavailable: ${reason}`);
  }
}

/**
 * SQLSTATEs that say the server cannot serve us now, whatever the request: connection exceptions
 * (08…), shutdown / start-up / recovery (57P01–57P05), exhausted resources (53…: too many
 * connections, disk full, out of memory), system and I/O errors (58…), and a read-only server (25006:
 * a standby after a failover that went the wrong way).
 */
const UNAVAILABLE_STATES = /^(08|53|58)|^57P0[1-5]$|^25006$/;
/**
 * A statement cut off by statement_timeout (57014) or a session ended by
 * idle_in_transaction_session_timeout (25P03): the database took too long, or we held it too long.
 * Both are worth a retry, so a 503 rather than a 500.
 */
const TIMEOUT_STATES = /^(57014|25P03)$/;
/** Node's socket errors on the way to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** node-postgres and pg-pool say these in words only (no code). */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // unexpectedly | due to connection timeout
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection within connectionTimeoutMillis
  /is not queryable$/, // a client that broke or was closed
  /^Query read timeout$/,
  /^Cannot use a pool after calling end on the pool$/, // during shutdown
];

export interface DatabaseUnavailable {
  /** `timeout`: the database answered too slowly; `down`: it could not be reached or refused to serve. */
  kind: 'down' | 'timeout';
  message: string;
}

/**
 * Whether an error means "the database is unavailable" rather than "this request is wrong": then the
 * client gets a 503 naming the database and may retry, instead of a 500. Looks through the wrappers
 * the error may come in (TypeORM's QueryFailedError, `cause`, Node's AggregateError for a host with
 * several addresses).
 */
export function databaseUnavailable(error: unknown): DatabaseUnavailable | null {
  const kind = kindOf(error, 0);
  if (!kind) return null;
  return { kind, message: kind === 'timeout' ? DATABASE_TIMEOUT_MESSAGE : DATABASE_UNAVAILABLE_MESSAGE };
}

function kindOf(error: unknown, depth: number): DatabaseUnavailable['kind'] | null {
  if (depth > 4 || typeof error !== 'object' || error === null) return null;
  if (error instanceof DatabaseUnavailableError) return 'down';
  if (error instanceof CannotExecuteNotConnectedError || error instanceof ConnectionIsNotSetError) return 'down';
  if (error instanceof TypeORMError && error.message === 'Driver not Connected') return 'down';

  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (TIMEOUT_STATES.test(code)) return 'timeout';
    if (UNAVAILABLE_STATES.test(code) || SOCKET_CODES.has(code)) return 'down';
  }
  // A plain Error from the driver; QueryFailedError copies the driver's message, so it matches too.
  if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) {
    return message === 'Query read timeout' ? 'timeout' : 'down';
  }

  const inner = [
    error instanceof QueryFailedError ? (error.driverError as unknown) : undefined,
    (error as { cause?: unknown }).cause,
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
  ];
  for (const candidate of inner) {
    const found = kindOf(candidate, depth + 1);
    if (found) return found;
  }
  return null;
}
