import type { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor, type DataSourceOptions, type QueryRunner } from 'typeorm';

/**
 * The PostgreSQL advisory lock that serializes start-up work across instances: migrations and the
 * start-up seeds. Instances started together take turns; the later ones find the work done. The
 * lock is a session's, so an instance that dies holding it releases it with its connection.
 */
const STARTUP_LOCK_KEY = '7216845523'; // any constant bigint; this one is ours

export async function withStartupLock<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
  log?: (message: string) => void,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    // Waiting for another instance, and a long migration, are not slow statements.
    await runner.query('SET statement_timeout = 0');
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [STARTUP_LOCK_KEY])) as [
      { locked: boolean },
    ];
    if (!locked) {
      log?.('another instance is migrating or seeding the database; waiting for it');
      await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    try {
      return await work(runner);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/** Pending migrations, applied by one instance at a time on the lock's own session (no statement timeout). */
export async function runMigrationsLocked(dataSource: DataSource, log?: (message: string) => void): Promise<number> {
  return withStartupLock(
    dataSource,
    async (runner) => {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
      return (await executor.executePendingMigrations()).length;
    },
    log,
  );
}

/** The app's DataSource, connected and migrated; closed again when migrating fails. */
export async function initializeMigrated(options: DataSourceOptions, logger: Logger): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource, (message) => logger.log(message));
    if (applied > 0) logger.log(`applied ${applied} migration(s)`);
    return dataSource;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
