import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** X-Request-Id when the caller sent a sane one, else a new UUID. Fastify calls this first. */
export function requestIdOf(req: IncomingMessage): string {
  const raw = req as IncomingMessage & { id?: unknown };
  if (typeof raw.id === 'string') return raw.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  raw.id = id;
  return id;
}

/** JSON logs carrying the request id that Fastify assigned (and echoes in X-Request-Id). */
export function createLoggerOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: requestIdOf,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Health probes and static files would drown the rest.
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') || req.url.startsWith('/api/health') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
