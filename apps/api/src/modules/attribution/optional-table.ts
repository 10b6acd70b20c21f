import type { DataSource } from 'typeorm';

const known = new WeakMap<DataSource, Map<string, Promise<boolean>>>();

/**
 * Whether a table another feature owns exists, for reading it by SQL without importing that
 * feature. Tables appear only through migrations, which run at start-up: one look per process.
 */
export function tableExists(dataSource: DataSource, table: string): Promise<boolean> {
  let tables = known.get(dataSource);
  if (!tables) known.set(dataSource, (tables = new Map()));
  let present = tables.get(table);
  if (!present) {
    present = dataSource
      .query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${table}`])
      .then(([row]: Array<{ present: boolean }>) => row.present);
    tables.set(table, present);
  }
  return present;
}
