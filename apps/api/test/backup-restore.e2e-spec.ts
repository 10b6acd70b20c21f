import { getDataSourceToken } from '@nestjs/typeorm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { backupDatabase, restoreDatabase, tableChecksums, withDatabase } from '../../../tools/backup/archive';
import { createApp } from '../src/app.factory';
import { runStartupSeeds } from '../src/database/seeds/startup';
import { TestApp } from './harness';

/**
 * npm run db:backup / db:restore, end to end: the demo data set backed up, restored into a fresh
 * database, every table identical by count and checksum (computed by PostgreSQL on each side), and
 * the real app started on the copy, where a demo user logs in and sees the same lists.
 */
describe('backup and restore', () => {
  let source: TestApp;
  let sourceUrl: string;
  let restoredUrl: string;
  let restored: NestFastifyApplication | null = null;
  let demoPassword: string;
  const dir = mkdtempSync(join(tmpdir(), 'lianqiao-backup-'));
  const file = join(dir, 'lianqiao.backup.gz');

  const checksums = async (url: string) => {
    const client = new Client(url);
    await client.connect();
    try {
      return await tableChecksums(client);
    } finally {
      await client.end();
    }
  };
  const databaseExists = async (url: string) => {
    const client = new Client(withDatabase(url, 'postgres'));
    await client.connect();
    try {
      const name = new URL(url).pathname.slice(1);
      return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await client.end();
    }
  };
  const dropDatabase = async (url: string) => {
    const client = new Client(withDatabase(url, 'postgres'));
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  };

  beforeAll(async () => {
    source = await TestApp.start('backup_source');
    sourceUrl = (source.dataSource.options as { url: string }).url;
    restoredUrl = withDatabase(sourceUrl, `lq_test_restored_${process.pid}_${Date.now().toString(36)}`);
    // The app's own first start: first admin, chain taxonomy and the demo data set.
    const seeded = await runStartupSeeds(source.app, { dataDir: dir, adminPassword: 'Admin-pass-2026', demo: true });
    expect(seeded.demo).not.toBeNull();
    // The demo logins' passwords are random per database: take demo.staff1's from what the seed made.
    demoPassword = seeded.demo!.logins.find((login) => login.username === 'demo.staff1')!.password;
    // Some use after seeding: sign-ins write sessions and audit rows.
    await source.login('demo.staff1', demoPassword);
    await source.login('admin', 'Admin-pass-2026');
  });
  afterAll(async () => {
    await restored?.close();
    await source.close();
    await dropDatabase(restoredUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with every table identical, and the app runs on it', async () => {
    const before = await checksums(sourceUrl);
    const manifest = await backupDatabase(sourceUrl, file);
    // The manifest's figures are the source's, and the demo data is in them.
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, { rows: t.rows, checksum: t.checksum }]))).toEqual(
      before,
    );
    for (const name of ['users', 'companies', 'leads', 'projects', 'migrations', 'chains'])
      expect(before[name].rows).toBeGreaterThan(0);
    expect(manifest.migrations.length).toBe(before.migrations.rows);

    await restoreDatabase(file, restoredUrl);
    expect(await checksums(restoredUrl)).toEqual(before);

    Object.assign(process.env, { DATABASE_URL: restoredUrl });
    restored = await createApp({ logger: false });
    await restored.init();
    await restored.getHttpAdapter().getInstance().ready();
    // The copy is at the app's migration level: starting it migrated nothing.
    const migrated = await restored
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT count(*)::int AS n FROM migrations`);
    expect(migrated[0].n).toBe(manifest.migrations.length);

    const login = await restored.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo.staff1', password: demoPassword },
    });
    expect(login.statusCode).toBe(200);
    const token = login.json().accessToken as string;
    const sourceToken = await source.login('demo.staff1', demoPassword);
    for (const list of ['/api/leads', '/api/companies', '/api/projects']) {
      const copy = await restored.inject({ method: 'GET', url: list, headers: { authorization: `Bearer ${token}` } });
      expect(copy.statusCode).toBe(200);
      const original = await source.get(list, sourceToken);
      expect(copy.json().items.length).toBeGreaterThan(0);
      expect(copy.json()).toEqual(original.body);
    }
    // A new record on the copy gets a fresh id from restored sequences (no clash with restored rows).
    const created = await restored.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: '恢复后的新线索', source: 'online' },
    });
    expect(created.statusCode).toBe(201);
  });

  it('refuses to overwrite an existing database without --replace', async () => {
    await expect(restoreDatabase(file, restoredUrl)).rejects.toThrow(/exists/);
  });

  it('refuses a file cut short, and leaves no half-restored database', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = join(dir, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n') + '\n'));
    const target = withDatabase(sourceUrl, `lq_test_cut_${process.pid}_${Date.now().toString(36)}`);
    await expect(restoreDatabase(cut, target)).rejects.toThrow(/cut short/);
    expect(await databaseExists(target)).toBe(false);
  });
});
