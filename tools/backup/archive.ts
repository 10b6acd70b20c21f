/**
 * A logical backup the project makes itself, so it works on any PostgreSQL the app runs on — the
 * embedded 18 included, for which no matching pg_dump is installed (the package ships only initdb,
 * pg_ctl and postgres). One gzip file of lines:
 *
 *   line 1        the manifest (JSON): migrations applied, per table its columns, row count and
 *                 checksum, the sequences' values, and the schemas left out
 *   `#table t`    then one JSON object per row of table t (row_to_json), for every table in turn
 *   `#end`        the last line: a file cut short is refused
 *
 * All of it is read in one REPEATABLE READ snapshot, so a backup taken while the app runs is
 * consistent. It covers the `public` schema, where every table the migrations create lives (the
 * migrations table among them). Other schemas are named in the manifest as left out: a job
 * engine's queue (pg-boss keeps its own `pgboss` schema and re-creates it at start) is transient,
 * and its work is tracked in public tables too.
 *
 * A restore creates a fresh database, runs the app's migrations up to the archive's level (so the
 * schema is the app's own, indexes and triggers included), loads every table in one transaction
 * (foreign keys dropped and re-added, so any order loads and the re-add checks every reference;
 * the app's own triggers paused, so derived tables are not counted twice), sets the sequences, and
 * checks every table's count and checksum against the manifest before it is used.
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, existsSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { baseDataSourceOptions } from '../../apps/api/src/database/typeorm-options';

export const FORMAT = 'lianqiao-backup';
export const FORMAT_VERSION = 1;
const SCHEMA = 'public';
const FETCH_ROWS = 2000;
/** Rows per INSERT on restore: few round trips, statements of a few MB at most. */
const INSERT_ROWS = 1000;

export interface TableSummary {
  name: string;
  /** Every column in table order; the generated ones are recomputed on restore. */
  columns: string[];
  rows: number;
  /** md5 over the rows' md5s in primary-key order (see tableChecksums). */
  checksum: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: string;
  serverVersion: string;
  schema: string;
  /** The schemas with tables that this backup does not hold. */
  schemasLeftOut: string[];
  migrations: string[];
  tables: TableSummary[];
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
}

/**
 * The session settings every row's text form depends on (checksums compare text), set the same
 * on both sides.
 */
async function settle(client: Client): Promise<void> {
  await client.query(
    `SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
     SET extra_float_digits = 1; SET bytea_output = 'hex'`,
  );
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const table = (name: string) => `${ident(SCHEMA)}.${ident(name)}`;

async function tableNames(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname COLLATE "C"`,
    [SCHEMA],
  );
  return rows.map((row) => row.name);
}

async function columnsOf(client: Client, name: string): Promise<Array<{ name: string; generated: boolean }>> {
  const { rows } = await client.query<{ name: string; generated: boolean }>(
    `SELECT attname AS name, attgenerated <> '' AS generated FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table(name)],
  );
  return rows;
}

/**
 * Per table of the public schema: its row count and an md5 over the md5 of each row's text, in
 * primary-key order (all columns where a table has none). Computed by PostgreSQL, so the backup's
 * manifest and a check of any restored copy compare the same thing.
 */
export async function tableChecksums(client: Client): Promise<Record<string, { rows: number; checksum: string }>> {
  await settle(client);
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const name of await tableNames(client)) {
    const { rows: pk } = await client.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
         JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.n`,
      [table(name)],
    );
    const order = pk.length ? pk.map((column) => `t.${ident(column.name)}`).join(', ') : 't::text';
    const [row] = (
      await client.query<{ rows: string; checksum: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY ${order}), '')) AS checksum
           FROM ${table(name)} t`,
      )
    ).rows;
    result[name] = { rows: Number(row.rows), checksum: row.checksum };
  }
  return result;
}

async function sequences(client: Client): Promise<Manifest['sequences']> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'S'
      ORDER BY relname COLLATE "C"`,
    [SCHEMA],
  );
  const out: Manifest['sequences'] = [];
  for (const { name } of names) {
    const [row] = (
      await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${table(name)}`,
      )
    ).rows;
    out.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return out;
}

/** Writes a backup of the database at `url` to `file`; returns its manifest. */
export async function backupDatabase(url: string, file: string): Promise<Manifest> {
  // Opened first, so an existing file is refused before anything is read (never overwritten).
  const out = createWriteStream('', { fd: openSync(file, 'wx') });
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  written.catch(() => undefined); // awaited below; a disk error also ends the writes at once
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), written]);
  };
  const client = new Client({ connectionString: url, application_name: 'lianqiao-backup' });
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sums = await tableChecksums(client);
    const names = Object.keys(sums);
    const tables: TableSummary[] = [];
    for (const name of names) {
      tables.push({ name, columns: (await columnsOf(client, name)).map((c) => c.name), ...sums[name] });
    }
    const hasMigrations = names.includes('migrations');
    const migrations = hasMigrations
      ? (await client.query<{ name: string }>(`SELECT name FROM ${table('migrations')} ORDER BY id`)).rows.map(
          (row) => row.name,
        )
      : [];
    const { rows: others } = await client.query<{ schema: string }>(
      `SELECT DISTINCT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname <> $1 AND n.nspname NOT LIKE 'pg\\_%'
          AND n.nspname <> 'information_schema' ORDER BY 1`,
      [SCHEMA],
    );
    const [{ database, version }] = (
      await client.query<{ database: string; version: string }>(
        `SELECT current_database() AS database, current_setting('server_version') AS version`,
      )
    ).rows;
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database,
      serverVersion: version,
      schema: SCHEMA,
      schemasLeftOut: others.map((row) => row.schema),
      migrations,
      tables,
      sequences: await sequences(client),
    };
    await write(JSON.stringify(manifest));
    for (const name of names) {
      await write(`#table ${name}`);
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${table(name)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const row of rows) await write(row.j);
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query('CLOSE backup_rows');
    }
    await write('#end');
    await client.query('COMMIT');
    gzip.end();
    await written;
    return manifest;
  } catch (error) {
    gzip.destroy();
    // A partial file is no backup.
    rmSync(file, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The migration classes the app ships, by the name TypeORM records for each. */
function shippedMigrations(): Map<string, new () => MigrationInterface> {
  const dir = join(__dirname, '..', '..', 'apps', 'api', 'src', 'database', 'migrations');
  const found = new Map<string, new () => MigrationInterface>();
  for (const file of readdirSync(dir).filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- migrations are loaded by path, as TypeORM does
    const exported = require(join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function') continue;
      const Migration = value as new () => MigrationInterface;
      found.set(new Migration().name ?? Migration.name, Migration);
    }
  }
  return found;
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres'), application_name: 'lianqiao-restore' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface RestoreOptions {
  /** Replace the database if it exists (refused while anyone is connected to it). */
  replace?: boolean;
  log?: (line: string) => void;
}

/** The file's text; a read error or a corrupt gzip reaches whoever reads the lines. */
function unzipped(file: string) {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  return input.pipe(gunzip);
}

/** Reads the manifest (the first line) of a backup file. */
export async function readManifest(file: string): Promise<Manifest> {
  const lines = createInterface({ input: unzipped(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) return checkManifest(JSON.parse(line) as Manifest);
  } finally {
    lines.close();
  }
  throw new Error(`${file} is empty`);
}

function checkManifest(manifest: Manifest): Manifest {
  if (manifest?.format !== FORMAT) throw new Error('not a Lianqiao backup (made by npm run db:backup)');
  if (manifest.version !== FORMAT_VERSION)
    throw new Error(`backup format ${manifest.version}; this version reads ${FORMAT_VERSION}`);
  return manifest;
}

/**
 * Restores `file` into the database named in `url` (on that server), which must not exist unless
 * `replace` is set. It is built under a temporary name and takes the real one only once every
 * table's count and checksum match the manifest, so a failed restore leaves the old one as it was.
 */
export async function restoreDatabase(file: string, url: string, options: RestoreOptions = {}): Promise<Manifest> {
  const log = options.log ?? (() => undefined);
  if (!existsSync(file)) throw new Error(`no such backup file: ${file}`);
  const target = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!target) throw new Error('the database URL names no database');
  const manifest = await readManifest(file);

  const shipped = shippedMigrations();
  const unknown = manifest.migrations.filter((name) => !shipped.has(name));
  if (unknown.length)
    throw new Error(
      `the backup was made by a newer version of the app (migrations ${unknown.join(', ')}): restore it with that version`,
    );

  const exists = await onServer(
    url,
    async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [target])).rowCount! > 0,
  );
  // An empty database (as a first start of the embedded PostgreSQL leaves) is simply filled.
  const empty = exists && (await isEmpty(url));
  if (exists && !empty && !options.replace)
    throw new Error(`database "${target}" exists: choose another name, or replace it (--replace)`);
  if (exists) {
    const users = await onServer(url, async (client) =>
      Number((await client.query('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [target])).rows[0].n),
    );
    if (users > 0)
      throw new Error(`database "${target}" is in use (${users} connections): stop the app (npm start) first`);
  }
  const building = exists ? `${target}_restoring` : target;
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${ident(`${target}_restoring`)}`);
    await client.query(`CREATE DATABASE ${ident(building)}`);
  });
  const buildingUrl = withDatabase(url, building);
  try {
    log(`migrating a fresh database "${building}" to the backup's ${manifest.migrations.length} migrations`);
    const dataSource = new DataSource({
      ...baseDataSourceOptions(buildingUrl, 2),
      migrations: manifest.migrations.map((name) => shipped.get(name)!),
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    await load(file, manifest, buildingUrl, log);
    await verify(buildingUrl, manifest);
  } catch (error) {
    await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${ident(building)} WITH (FORCE)`)).catch(
      () => undefined,
    );
    throw error;
  }
  if (exists) {
    await onServer(url, async (client) => {
      await client.query(`DROP DATABASE ${ident(target)}`);
      await client.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(target)}`);
    });
  }
  log(`restored ${manifest.tables.length} tables into "${target}"; counts and checksums match the backup`);
  return manifest;
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, application_name: 'lianqiao-restore' });
  await client.connect();
  try {
    return (await tableNames(client)).length === 0;
  } finally {
    await client.end();
  }
}

/** Loads every table's rows in one transaction. */
async function load(file: string, manifest: Manifest, url: string, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'lianqiao-restore' });
  await client.connect();
  try {
    await settle(client);
    await client.query('BEGIN');
    const present = new Set(await tableNames(client));
    const insertable = new Map<string, string[]>();
    for (const summary of manifest.tables) {
      if (!present.has(summary.name))
        throw new Error(`table ${summary.name} is in the backup but the migrations do not create it`);
      const columns = await columnsOf(client, summary.name);
      if (columns.map((c) => c.name).join(',') !== summary.columns.join(','))
        throw new Error(`table ${summary.name}: its columns differ from the backup's`);
      insertable.set(
        summary.name,
        columns.filter((c) => !c.generated).map((c) => ident(c.name)),
      );
    }
    const { rows: foreignKeys } = await client.query<{ on: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS on, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = $1::regnamespace`,
      [SCHEMA],
    );
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.on} DROP CONSTRAINT ${ident(key.name)}`);
    const all = manifest.tables.map((t) => table(t.name));
    // Whatever the migrations wrote (reference rows) is replaced by the backup's rows.
    if (all.length) await client.query(`TRUNCATE ${all.join(', ')} RESTART IDENTITY`);
    for (const name of all) await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);

    let current: string | null = null;
    let batch: string[] = [];
    let ended = false;
    const flush = async () => {
      if (!current || !batch.length) return;
      const columns = insertable.get(current)!.join(', ');
      await client.query(
        `INSERT INTO ${table(current)} (${columns}) OVERRIDING SYSTEM VALUE
         SELECT ${columns} FROM json_populate_recordset(NULL::${table(current)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      batch = [];
    };
    const lines = createInterface({ input: unzipped(file), crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      if (line === '#end') {
        ended = true;
        break;
      }
      if (line.startsWith('#table ')) {
        await flush();
        current = line.slice('#table '.length);
        if (!insertable.has(current)) throw new Error(`table ${current} is not in the manifest`);
        log(`  ${current}`);
        continue;
      }
      if (!current) throw new Error('rows before any table');
      batch.push(line);
      if (batch.length >= INSERT_ROWS) await flush();
    }
    await flush();
    if (!ended) throw new Error('the backup file is cut short (no end mark)');

    for (const name of all) await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    // Re-adding the keys checks every reference in the restored rows.
    for (const key of foreignKeys)
      await client.query(`ALTER TABLE ${key.on} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`);
    for (const sequence of manifest.sequences)
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        table(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Every table's count and checksum, and every sequence, as the manifest says. */
async function verify(url: string, manifest: Manifest): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'lianqiao-restore' });
  await client.connect();
  try {
    const sums = await tableChecksums(client);
    const wrong = manifest.tables.filter((t) => sums[t.name]?.rows !== t.rows || sums[t.name]?.checksum !== t.checksum);
    if (wrong.length)
      throw new Error(
        `restored tables differ from the backup: ${wrong.map((t) => `${t.name} (${sums[t.name]?.rows ?? 0} rows, backup ${t.rows})`).join(', ')}`,
      );
    const now = await sequences(client);
    const drifted = manifest.sequences.filter(
      (s) => !now.some((n) => n.name === s.name && n.lastValue === s.lastValue && n.isCalled === s.isCalled),
    );
    if (drifted.length) throw new Error(`sequences differ from the backup: ${drifted.map((s) => s.name).join(', ')}`);
  } finally {
    await client.end();
  }
}
