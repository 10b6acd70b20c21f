import { Client } from 'pg';
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '../apps/api/src/database/typeorm-options';
import { seedChainTaxonomy } from '../apps/api/src/modules/chains/chain-taxonomy.seed';

/**
 * The migrated database each test database is copied from (CREATE DATABASE … TEMPLATE); one per
 * test run, so runs sharing a server do not pull the template from under each other.
 */
export const templateDatabase = (): string =>
  process.env.TEST_TEMPLATE_DATABASE ?? `lianqiao_test_template_${process.pid}`;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(databaseUrl(serverUrl, 'postgres'));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates the template, runs every migration on it and loads the chain taxonomy. */
export async function prepareTemplate(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const dataSource = new DataSource({
    ...baseDataSourceOptions(databaseUrl(serverUrl, name), 2),
    entities: [join(__dirname, '..', 'apps', 'api', 'src', 'modules', '**', '*.entity.ts')],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.transaction((manager) => seedChainTaxonomy(manager));
  await dataSource.destroy();
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(
  serverUrl: string,
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lq_test_${label.replace(/\W+/g, '_').slice(0, 30).toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return {
    url: databaseUrl(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
