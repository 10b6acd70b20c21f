import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { gatedClientClass, type DatabaseGate } from './database-gate';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Options shared by the app, the migration CLI and the test harness. */
export function baseDataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp needed.
    uuidExtension: 'pgcrypto',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, application_name: 'lianqiao-api' },
  };
}

/**
 * The server's own pool: bounded waits (DATABASE_*_TIMEOUT_MS) and connections made through the
 * database gate, so that a database that is down or hung costs a request a 503, not a hang.
 * Migrations run apart (database/startup-lock.ts), without a statement timeout.
 */
export function appDataSourceOptions(db: DatabaseConfig, gate: DatabaseGate): DataSourceOptions {
  const base = baseDataSourceOptions(db.url, db.poolSize);
  return {
    ...base,
    extra: {
      ...(base.extra as object),
      Client: gatedClientClass(gate),
      connectionTimeoutMillis: db.connectTimeoutMs,
      // Sent in the start-up packet: PostgreSQL enforces them on every session of the pool.
      statement_timeout: db.statementTimeoutMs,
      idle_in_transaction_session_timeout: db.idleInTransactionTimeoutMs,
      // A peer that vanished (a cut network, a host that died) is noticed on idle connections too.
      keepAlive: true,
    },
  };
}
