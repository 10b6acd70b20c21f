import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { pickPort } from '../../src/database/embedded-postgres';

/**
 * For the fault tests: a PostgreSQL cluster of the test's own (stopped, frozen and killed at will,
 * never the shared one) and the built server as an operator runs it, as a child process whose exit
 * the test can see.
 */
const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');
export const ADMIN_PASSWORD = 'Faults-test-2026';

/** A temp folder the embedded server's unprivileged user (when run as root) can enter. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lianqiao-faults-${label}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Cluster {
  url: string;
  port: number;
  dataDir: string;
  /** The postmaster's pid now. */
  pid(): number;
  /** Stops the server (fast shutdown); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT the postmaster and every backend: a server that answers nothing. */
  freeze(): void;
  thaw(): void;
  /** Stops it and removes its files. */
  remove(): Promise<void>;
}

export async function startCluster(label: string): Promise<Cluster> {
  const root = tempDir(label);
  const dataDir = join(root, 'pg');
  let server = await runCluster(dataDir, 0);
  const port = server.port;
  let frozen: number[] = [];
  const cluster: Cluster = {
    url: server.url,
    port,
    dataDir,
    pid: () => server.pid,
    stop: () => server.stop(),
    async start() {
      server = await runCluster(dataDir, port);
      if (server.port !== port) throw new Error(`port ${port} was taken meanwhile`);
    },
    freeze() {
      frozen = [server.pid, ...childrenOf(server.pid)];
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    thaw() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    },
    async remove() {
      if (frozen.length) cluster.thaw();
      await server.stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

const CLUSTER_PROCESS = join(__dirname, 'cluster-process.ts');

/** startEmbeddedPostgres in a process of its own (cluster-process.ts). */
async function runCluster(
  dataDir: string,
  port: number,
): Promise<{ url: string; port: number; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CLUSTER_PROCESS, dataDir, String(port)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<{ url: string; port: number; pid: number }>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^READY (.*)$/m.exec(output);
      if (line) done(JSON.parse(line[1]) as { url: string; port: number; pid: number });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`the test cluster exited with ${code}:\n${output}`)));
  });
  let stopped: Promise<void> | undefined;
  return {
    ...ready,
    stop: () => {
      stopped ??= (async () => {
        if (child.exitCode === null) child.stdin.end('stop\n');
        await exited;
      })();
      return stopped;
    },
  };
}

/** The processes whose parent is `pid` (PostgreSQL's backends and helpers). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = readFileSync(`/proc/${candidate}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface Server {
  baseUrl: string;
  child: ChildProcess;
  dataDir: string;
  output(): string;
  /** Resolves when the process has exited: its code (or signal) and how long after `since` it took. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/**
 * `node dist/api/apps/api/src/main.js` (build first: `npm test` does) on a free port. Without
 * DATABASE_URL in `env` it starts its embedded PostgreSQL under `dataDir`.
 */
export function spawnServer(
  env: Record<string, string | undefined>,
  options: { dataDir?: string; port: number },
): Server {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx nx run api:build)`);
  const dataDir = options.dataDir ?? tempDir('data');
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  let log = '';
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, at: Date.now() })),
  );
  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    child,
    dataDir,
    output: () => log,
    exited,
    async stop() {
      const sent = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const { code, signal, at } = await exited;
      clearTimeout(killer);
      return { code, signal, ms: at - sent };
    },
  };
}

export async function startServer(
  env: Record<string, string | undefined>,
  options: { dataDir?: string } = {},
): Promise<Server> {
  const server = spawnServer(env, { ...options, port: await pickPort(0) });
  await waitUntilReady(server);
  return server;
}

export async function waitUntilReady(server: Server, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(`${server.baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${server.output()}`);
}

export interface Timed {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
  ms: number;
}

/** One request, with how long its answer took (or status 0 when none came within `timeoutMs`). */
export async function timed(
  baseUrl: string,
  path: string,
  init: { token?: string; method?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Timed> {
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs ?? 20_000),
    });
    const text = await response.text();
    let body: Timed['body'];
    try {
      body = JSON.parse(text) as Timed['body'];
    } catch {
      body = { text };
    }
    return { status: response.status, body, ms: Date.now() - started };
  } catch {
    return { status: 0, body: {}, ms: Date.now() - started };
  }
}

export async function login(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const response = await timed(baseUrl, '/api/auth/login', { method: 'POST', body: { username, password } });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

/** Polls `check` until it holds or `timeoutMs` passes; returns how long it took. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/** The lists every signed-in user opens first: each used to end the process while the database was down. */
export const LISTS = ['/api/leads', '/api/companies', '/api/projects', '/api/leads?q=abc', '/api/projects/board'];

/** What an answer while the database is out must look like. */
export function expectDatabaseUnavailable(response: Timed, withinMs: number): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'database.unavailable' });
  expect(response.body.message).toMatch(/数据库.*database/);
  expect(response.ms).toBeLessThan(withinMs);
}
