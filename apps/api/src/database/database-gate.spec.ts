import { createServer, type Server, type Socket } from 'node:net';
import { DatabaseUnavailableError } from '../common/errors/database-unavailable';
import { DatabaseGate, probeDatabase } from './database-gate';
import { pickPort } from './embedded-postgres';

/** Real sockets: a port nobody listens on (a stopped database) and one that accepts and says nothing (a hung one). */
describe('DatabaseGate', () => {
  const warnings: string[] = [];
  const log = { warn: (message: string) => warnings.push(message) };
  let silent: Server;
  const sockets: Socket[] = [];
  let silentUrl: string;
  let refusedUrl: string;

  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket.on('error', () => undefined)));
    const port = await pickPort(0);
    await new Promise<void>((done) => silent.listen(port, '127.0.0.1', done));
    silentUrl = `postgres://u:p@127.0.0.1:${port}/db`;
    refusedUrl = `postgres://u:p@127.0.0.1:${await pickPort(0)}/db`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silent.close(done));
  });
  beforeEach(() => (warnings.length = 0));

  const never = () => new Promise<never>(() => undefined);
  const gateOn = (url: string) =>
    new DatabaseGate({ connectionString: url }, { slowMs: 100, probeTimeoutMs: 300, retryMs: 200, log });

  it('passes work that is not slow straight through, results and errors alike', async () => {
    const gate = gateOn(refusedUrl);
    await expect(gate.guard(async () => 42, jest.fn())).resolves.toBe(42);
    await expect(gate.guard(() => Promise.reject(new Error('23505')), jest.fn())).rejects.toThrow('23505');
    expect(gate.available).toBe(true);
    gate.stop();
  });

  it('a stopped database: work left waiting is cut short and its client dropped; new work is refused at once', async () => {
    const gate = gateOn(refusedUrl);
    const drop = jest.fn();
    const started = Date.now();
    await expect(gate.guard(never, drop)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(drop).toHaveBeenCalledTimes(1);
    expect(gate.available).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(/^database unavailable \(.*ECONNREFUSED.*\): requests answer 503/),
    ]);

    const work = jest.fn(async () => 1);
    await expect(gate.guard(work, jest.fn())).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(work).not.toHaveBeenCalled();
    gate.stop();
  });

  it('a hung database (no answer at all): closed after two probes without an answer, within the bound', async () => {
    const gate = gateOn(silentUrl);
    const started = Date.now();
    await expect(gate.guard(never, jest.fn())).rejects.toBeInstanceOf(DatabaseUnavailableError);
    // slowMs + 2 × probeTimeoutMs, and some slack for a busy machine.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100 + 2 * 300);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(gate.available).toBe(false);
    gate.stop();
  });

  it('work that finishes before the slow mark never probes', async () => {
    const gate = gateOn(refusedUrl);
    await gate.guard(() => new Promise((done) => setTimeout(done, 20)), jest.fn());
    await new Promise((done) => setTimeout(done, 200));
    expect(gate.available).toBe(true);
    expect(warnings).toEqual([]);
    gate.stop();
  });

  it('probeDatabase answers within its bound whatever the server does', async () => {
    for (const url of [silentUrl, refusedUrl]) {
      const started = Date.now();
      const failure = await probeDatabase({ connectionString: url }, 300);
      expect(failure).not.toBeNull();
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect((await probeDatabase({ connectionString: silentUrl }, 300))?.hung).toBe(true);
    expect((await probeDatabase({ connectionString: refusedUrl }, 300))?.hung).toBe(false);
  });
});
