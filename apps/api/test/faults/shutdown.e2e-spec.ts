import { request as httpRequest } from 'node:http';
import { createServer, type Server as TcpServer, type Socket } from 'node:net';
import { pickPort } from '../../src/database/embedded-postgres';
import { ADMIN_PASSWORD, startCluster, startServer, type Cluster, type Server } from './fault-support';

/**
 * SIGTERM stops an instance within 10 s with exit code 0, whatever Redis does — refused from the
 * start, or accepting connections and never answering — through one shutdown path, and a request in
 * flight when the signal comes still gets its answer.
 */
describe('SIGTERM with Redis unreachable', () => {
  let cluster: Cluster;
  let silentRedis: TcpServer;
  const sockets: Socket[] = [];
  let silentPort: number;

  beforeAll(async () => {
    cluster = await startCluster('shutdown');
    // Takes connections and says nothing: ioredis never gets past its handshake.
    silentRedis = createServer((socket) => sockets.push(socket.on('error', () => undefined)));
    silentPort = await pickPort(0);
    await new Promise<void>((done) => silentRedis.listen(silentPort, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silentRedis?.close(done));
    await cluster?.remove();
  });

  it.each([
    ['refuses connections', async () => `redis://127.0.0.1:${await pickPort(0)}`],
    ['never answers', async () => `redis://127.0.0.1:${silentPort}`],
  ])('Redis that %s: exit 0 within 10 s, the request in flight answered', async (_, redisUrl) => {
    const server = await startServer({ DATABASE_URL: cluster.url, REDIS_URL: await redisUrl() });
    try {
      // A login whose body is still arriving when SIGTERM comes.
      const body = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
      const { port } = new URL(server.baseUrl);
      let stopping: ReturnType<Server['stop']> | undefined;
      const answer = new Promise<{ status: number; body: string }>((done, fail) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', fail);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          stopping = server.stop();
          setTimeout(() => req.end(body.slice(10)), 500);
        }, 300);
      });
      const { status, body: text } = await answer;
      expect({ status, hasToken: text.includes('accessToken') }).toEqual({ status: 200, hasToken: true });

      const stopped = await stopping!;
      expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
      expect(stopped.ms).toBeLessThan(10_000);
      const output = server.output();
      expect(output.match(/shutting down/g)).toHaveLength(1);
      expect(output).not.toMatch(/Called end on pool more than once|shutdown took longer|unfinished/);
    } finally {
      await server.stop();
    }
  });
});
