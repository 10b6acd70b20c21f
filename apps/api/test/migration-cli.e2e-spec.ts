import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '../../../tools/test-database';

const ROOT = join(__dirname, '..', '..', '..');
/** startup-lock.ts's key: held by whichever instance is migrating or seeding. */
const STARTUP_LOCK_KEY = '7216845523';

describe('npm run migration:run', () => {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL!;
  const name = `lq_test_migration_cli_${process.pid}`;
  const url = databaseUrl(serverUrl, name);
  const admin = new Client(serverUrl);
  const holder = new Client(url);

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await holder.connect();
  });
  afterAll(async () => {
    await holder.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('waits for the start-up lock a starting instance holds, then migrates the empty database', async () => {
    await holder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/migration.ts', 'run'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Long enough for the whole run without the lock (a few seconds); meanwhile nothing is migrated.
    for (let i = 0; i < 150 && !/waiting for it/.test(output) && child.exitCode === null; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.exitCode).toBeNull();
    expect(output).toContain('another instance is migrating or seeding the database; waiting for it');
    const [{ present }] = (await holder.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`)).rows;
    expect(present).toBe(false);
    await holder.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    expect(await exited).toBe(0);
    const { rows } = await holder.query(`SELECT count(*)::int AS n FROM migrations`);
    expect(rows[0].n).toBeGreaterThan(10);
    expect(output).toMatch(/applied \d+ migration\(s\)/);
  });
});
