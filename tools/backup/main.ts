/**
 * npm run db:backup  [-- <file>]                          back up the app's database to one file
 * npm run db:restore -- <file> [--database NAME] [--replace]   restore it into a fresh database
 *
 * With DATABASE_URL: that database (restore: the database it names, or NAME, on that server).
 * Without it: the embedded PostgreSQL under DATA_DIR (default .data), database `lianqiao`. A backup
 * works while `npm start` runs (it reads one consistent snapshot through the running cluster); if
 * nothing runs, the cluster is started for the backup and stopped after. A restore over the app's
 * database needs the app stopped (it refuses while anyone is connected). See tools/backup/archive.ts.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { embeddedUrl, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { backupDatabase, restoreDatabase, withDatabase } from './archive';

const DATABASE = 'lianqiao';

/** The running embedded cluster's port, from its postmaster.pid, if its process is alive. */
function runningPort(pgDir: string): number | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return Number(port) || null;
}

/** The server to work on, and how to let it go afterwards. */
async function connect(): Promise<{ url: string; release: () => Promise<void>; where: string }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, release: async () => undefined, where: 'DATABASE_URL' };
  const pgDir = join(resolve(process.env.DATA_DIR ?? '.data'), 'pg');
  const port = runningPort(pgDir);
  if (port)
    return {
      url: embeddedUrl(port, DATABASE),
      release: async () => undefined,
      where: `the running embedded PostgreSQL (${pgDir})`,
    };
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, database: DATABASE });
  return { url: embedded.url, release: embedded.stop, where: `the embedded PostgreSQL (${pgDir}, started for this)` };
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--database');
  if (command === 'backup') {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const file = resolve(positional[0] ?? join('backups', `lianqiao-${stamp}.backup.gz`));
    mkdirSync(dirname(file), { recursive: true });
    const db = await connect();
    try {
      const manifest = await backupDatabase(db.url, file);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Backed up ${db.where}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations`,
      );
      console.log(`  ${file}`);
      if (manifest.schemasLeftOut.length)
        console.log(`  Not included (re-created by the app at start): schemas ${manifest.schemasLeftOut.join(', ')}`);
    } finally {
      await db.release();
    }
    return;
  }
  if (command === 'restore') {
    const file = positional[0];
    if (!file) throw new Error('usage: npm run db:restore -- <file> [--database NAME] [--replace]');
    const db = await connect();
    try {
      const name = option(args, '--database');
      const url = name ? withDatabase(db.url, name) : db.url;
      await restoreDatabase(resolve(file), url, {
        replace: args.includes('--replace'),
        log: (line) => console.log(line),
      });
      console.log(`Restored ${file} on ${db.where}.`);
    } finally {
      await db.release();
    }
    return;
  }
  throw new Error('usage: main.ts backup [<file>] | restore <file> [--database NAME] [--replace]');
}

main().catch((error: unknown) => {
  console.error(`${process.argv[2] ?? 'backup'} failed: ${(error as Error).message}`);
  process.exit(1);
});
