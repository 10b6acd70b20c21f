/**
 * Runs a command against a real PostgreSQL: DATABASE_URL when set, else an embedded one under
 * .data/test-pg. A migrated template database is made first; each test file copies it, so files
 * run in parallel without seeing each other's rows. TEST_DATABASE_SERVER_URL tells them where.
 *
 *   node -r @swc-node/register tools/with-database.ts <command> [args…]
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres';
import { dropDatabase, prepareTemplate } from './test-database';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database.ts <command> [args…]');
  let stop: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await startTestCluster();
    stop = db.stop;
    serverUrl = db.url;
    console.log(`[tests] embedded PostgreSQL on port ${db.port}`);
  } else {
    console.log('[tests] using DATABASE_URL');
  }
  const template = `lianqiao_test_template_${process.pid}`;
  try {
    await prepareTemplate(serverUrl, template);
    const child = spawn(command, args, {
      stdio: 'inherit',
      shell: false,
      env: { ...process.env, TEST_DATABASE_SERVER_URL: serverUrl, TEST_TEMPLATE_DATABASE: template, NODE_ENV: 'test' },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return await new Promise<number>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
  } finally {
    await dropDatabase(serverUrl, template).catch(() => undefined);
    await stop?.();
  }
}

/** The shared test cluster, or — while another run holds it — a throwaway one of this run's own. */
async function startTestCluster(): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  try {
    return await startEmbeddedPostgres({ dataDir: '.data/test-pg', database: 'postgres', preferredPort: 54339 });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('Another PostgreSQL')) throw error;
    const dataDir = `.data/test-pg-${process.pid}`;
    const db = await startEmbeddedPostgres({ dataDir, database: 'postgres', preferredPort: 54339 });
    return {
      ...db,
      stop: async () => {
        await db.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
