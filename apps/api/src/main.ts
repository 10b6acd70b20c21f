import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join, relative } from 'node:path';
import { createApp } from './app.factory';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { shareAddressLine } from './config/share-address';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { DEMO_MARK, demoSeedWanted } from './database/seeds/demo.seed';
import { runStartupSeeds } from './database/seeds/startup';

/**
 * A shutdown that takes longer than this is cut short (exit code 1): Docker sends SIGKILL 10 s
 * after SIGTERM, and a clean exit before that beats being killed.
 */
const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * `npm start`: with no DATABASE_URL a real PostgreSQL is started from `.data/pg`; then the app
 * migrates, seeds, serves the API and the console on one port and says where.
 */
async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const app = appConfig();
  let embedded: EmbeddedDatabase | null = null;
  let nest: NestFastifyApplication | null = null;

  /**
   * The one way out, for SIGTERM, SIGINT and a fatal error alike: Nest's app.close() runs every
   * module's shutdown hooks (the HTTP server stops taking requests and lets the ones in flight
   * finish, then Redis, the job engine and the database pool close), then the embedded PostgreSQL
   * stops. A second signal, or the deadline, ends the process at once.
   */
  let closing = false;
  const shutdown = (why: string, exitCode: number) => {
    if (closing) {
      console.error(`${why} again: exiting now`);
      process.exit(exitCode || 1);
    }
    closing = true;
    embedded?.stopWatching();
    console.log(`\n${why}: shutting down…`);
    setTimeout(() => {
      console.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting with work unfinished`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    const close = async () => {
      await nest?.close();
      await embedded?.stop();
    };
    close().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));

  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: join(app.dataDir, 'pg'),
      database: 'lianqiao',
      log: (message) => console.log(`[embedded-postgres] ${message}`),
      onFatal: (message) => {
        console.error(`[embedded-postgres] ${message}`);
        if (!closing) shutdown('the embedded PostgreSQL is gone', 1);
      },
    });
    process.env.DATABASE_URL = embedded.url;
  }

  nest = await createApp();
  const seeded = await runStartupSeeds(nest, {
    dataDir: app.dataDir,
    adminPassword: authConfig().adminPassword,
    demo: demoSeedWanted(process.env, embedded !== null),
  });
  if (closing) return;
  await nest.listen(app.port, app.host);
  const address = `http://localhost:${(nest.getHttpServer().address() as { port: number }).port}`;

  const lines = [
    '',
    '  连桥 Lianqiao is running',
    `  Console:   ${address}/`,
    `  API docs:  ${address}/api/docs`,
    shareAddressLine((nest.getHttpServer().address() as { port: number }).port, app.publicBaseUrl, app.host),
    `  Database:  ${embedded ? `embedded PostgreSQL (${relative(process.cwd(), join(app.dataDir, 'pg')) || '.'}, port ${embedded.port})` : 'DATABASE_URL'}`,
    seeded.admin.password
      ? `  First admin login:  ${seeded.admin.username} / ${seeded.admin.password}` +
        (seeded.admin.passwordFile ? `   (also in ${seeded.admin.passwordFile})` : '')
      : `  Admin login: ${seeded.admin.username} (password set on the first start; see ${relative(process.cwd(), join(app.dataDir, 'admin-password.txt'))})`,
    ...(seeded.demo
      ? [
          `  Demo logins (names marked ${DEMO_MARK}; also in ${seeded.demo.passwordFile}):`,
          ...seeded.demo.logins.map((login) => `    ${login.username} / ${login.password}`),
        ]
      : []),
    `  Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Ctrl-C stops it.`,
    '',
  ].filter((line) => line !== '');
  console.log(lines.join('\n'));
}

/**
 * A rejection nobody handled is a bug (lint forbids floating promises), but one request's bug must
 * not end every user's session: it is logged loudly and the server keeps serving.
 */
process.on('unhandledRejection', (reason: unknown) => {
  new Logger('Process').error({ err: reason }, 'unhandled promise rejection (a bug; the server keeps running)');
});

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
