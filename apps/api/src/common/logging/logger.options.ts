import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger } from 'pino';

/** X-Request-Id when the caller sent a sane one, else a new UUID. Fastify calls this first. */
export function requestIdOf(req: IncomingMessage): string {
  const raw = req as IncomingMessage & { id?: unknown };
  if (typeof raw.id === 'string') return raw.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  raw.id = id;
  return id;
}

const loggers = new Map<string, Logger>();

/**
 * The one pino logger of a process at a level: Fastify's (each request's `request.log` is its
 * child, bound to the request id) and, through nestjs-pino, the app's `new Logger(...)` calls.
 */
export function rootLogger(level: string): Logger {
  let logger = loggers.get(level);
  if (!logger) {
    logger = pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'] });
    loggers.set(level, logger);
  }
  return logger;
}

/**
 * nestjs-pino for the app's own log lines, on the root logger, without its request middleware.
 * That middleware (pino-http through @fastify/middie) binds each request's logger to the
 * request's promises with AsyncLocalStorage, which on Node 20 hooks every promise the process
 * makes: a tenth of the API's CPU on a small request (a project's history), 5 % on a list page.
 * Requests are logged by Fastify instead (RequestLogs), and errors name their request id
 * themselves (AllExceptionsFilter); other lines written during a request no longer carry it.
 */
export function createLoggerOptions(level: string): Params {
  return { pinoHttp: { logger: rootLogger(level) }, forRoutes: [] };
}

/**
 * Fastify's own request lines: one JSON line per /api call once it is answered, as pino-http wrote
 * it: the request id (`reqId`), method, url, status and time taken, at warn for a 4xx and error for
 * a 5xx or a failed reply. Health probes and static files would drown the rest.
 */
export class RequestLogs extends LogController {
  override isLogDisabled(request: FastifyRequest): boolean {
    const { url } = request;
    return !url.startsWith('/api/') || url.startsWith('/api/health');
  }

  /** Nothing when a call comes in: its one line is written when it is answered. */
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const status = reply.statusCode;
    const level = error || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    request.log[level](
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime * 1000) / 1000,
        ...(error ? { err: error } : {}),
      },
      'request completed',
    );
  }
}
