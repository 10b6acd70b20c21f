/**
 * Runs a command against a real PostgreSQL: DATABASE_URL when set, else an embedded one under
 * .data/test-pg. A migrated template database is made first; each test file copies it, so files
 * run in parallel without seeing each other's rows. TEST_DATABASE_SERVER_URL tells them where.
 *
 *   node -r @swc-node/register tools/with-database.ts <command> [args…]
 */
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres';
import { prepareTemplate } from './test-database';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database.ts <command> [args…]');
  let stop: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await startEmbeddedPostgres({ dataDir: '.data/test-pg', database: 'postgres', preferredPort: 54339 });
    stop = db.stop;
    serverUrl = db.url;
    console.log(`[tests] embedded PostgreSQL on port ${db.port}`);
  } else {
    console.log('[tests] using DATABASE_URL');
  }
  try {
    await prepareTemplate(serverUrl);
    const child = spawn(command, args, {
      stdio: 'inherit',
      shell: false,
      env: { ...process.env, TEST_DATABASE_SERVER_URL: serverUrl, NODE_ENV: 'test' },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return await new Promise<number>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
  } finally {
    await stop?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
