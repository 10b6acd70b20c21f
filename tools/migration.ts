/**
 * [MIGRATION_MODULES=a,b] npm run migration:generate -- <Name>   diff the entities against a scratch database and write a migration
 * npm run migration:run                  apply pending migrations to DATABASE_URL (or the embedded dev database)
 *
 * Without DATABASE_URL a throwaway embedded PostgreSQL under .data/migrate-pg is used for generating.
 */
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres';
import { runMigrationsLocked } from '../apps/api/src/database/startup-lock';
import { baseDataSourceOptions } from '../apps/api/src/database/typeorm-options';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'generate' && command !== 'run') throw new Error('usage: migration.ts generate <Name> | run');
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))
    throw new Error('give the migration a PascalCase name');

  let stop: (() => Promise<void>) | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const db = await startEmbeddedPostgres({
      dataDir: command === 'generate' ? '.data/migrate-pg' : '.data/pg',
      database: command === 'generate' ? 'postgres' : 'lianqiao',
    });
    stop = db.stop;
    url = db.url;
  }
  try {
    if (command === 'generate') url = await freshDatabase(url, 'lianqiao_migrate');
    const cli = (...args: string[]) => {
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          'node_modules/typeorm/cli.js',
          ...args,
          '-d',
          'apps/api/src/database/data-source.ts',
        ],
        { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
      );
      if (result.status !== 0) throw new Error(`typeorm ${args[0]} failed`);
    };
    // Under the instances' start-up lock (startup-lock.ts): never beside a starting server's migrations.
    await migrate(url);
    if (command === 'generate') cli('migration:generate', `apps/api/src/database/migrations/${name}`, '--pretty');
  } finally {
    await stop?.();
  }
}

async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(baseDataSourceOptions(url, 2)).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource, (message) => console.log(message));
    console.log(applied ? `applied ${applied} migration(s)` : 'no pending migrations');
  } finally {
    await dataSource.destroy();
  }
}

async function freshDatabase(url: string, name: string): Promise<string> {
  const client = new Client(url);
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
