import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { RequestLogs, requestIdOf } from './logger.options';

async function serverLogging(lines: Array<Record<string, unknown>>) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const app = Fastify({
    loggerInstance: pino({ level: 'info' }, sink),
    logController: new RequestLogs(),
    genReqId: requestIdOf,
  });
  app.get('/api/leads', async () => ({ items: [] }));
  app.get('/api/leads/bad', async (_request, reply) => reply.status(404).send({ statusCode: 404 }));
  app.get('/api/boom', async (_request, reply) => reply.status(503).send({ statusCode: 503 }));
  app.get('/api/health/ready', async () => ({ ok: true }));
  app.get('/index.html', async () => 'console');
  // What Fastify does when a reply fails after its head went out (the socket closed mid-file).
  app.get('/api/export', async (request, reply) => {
    new RequestLogs().requestCompleted(new Error('socket closed mid-file'), request, reply);
    return 'ok';
  });
  await app.ready();
  return app;
}

describe('request logging', () => {
  it('writes one line per /api call with the request id, status and time, at a level by status', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = await serverLogging(lines);
    await app.inject({
      url: '/api/leads?status=following',
      headers: { 'x-request-id': 'trip-42', authorization: 'Bearer secret' },
    });
    await app.inject({ url: '/api/leads/bad' });
    await app.inject({ url: '/api/boom' });
    await app.inject({ url: '/api/health/ready' });
    await app.inject({ url: '/index.html' });
    await app.close();
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines.map((line) => line.msg)).toEqual(['request completed', 'request completed', 'request completed']);
    const completed = lines;
    expect(
      completed.map((line) => [
        line.level,
        (line.req as { url: string }).url,
        (line.res as { statusCode: number }).statusCode,
      ]),
    ).toEqual([
      [30, '/api/leads?status=following', 200],
      [40, '/api/leads/bad', 404],
      [50, '/api/boom', 503],
    ]);
    expect(completed[0]).toMatchObject({ reqId: 'trip-42', req: { method: 'GET' } });
    expect(typeof completed[0].responseTime).toBe('number');
    expect(completed[1].reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('writes a reply that failed on its way out as an error, with the error, whatever its status', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = await serverLogging(lines);
    await app.inject({ url: '/api/export' });
    await app.close();
    await new Promise((resolve) => setImmediate(resolve));

    const failed = lines.filter((line) => line.err);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      level: 50,
      req: { url: '/api/export' },
      res: { statusCode: 200 },
      err: { message: 'socket closed mid-file' },
    });
  });
});
