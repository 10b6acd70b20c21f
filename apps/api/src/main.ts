import 'reflect-metadata';
import { join, relative } from 'node:path';
import { createApp } from './app.factory';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { shareAddressLine } from './config/share-address';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { runStartupSeeds } from './database/seeds/startup';

/**
 * `npm start`: with no DATABASE_URL a real PostgreSQL is started from `.data/pg`; then the app
 * migrates, seeds, serves the API and the console on one port and says where.
 */
async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const app = appConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: join(app.dataDir, 'pg'),
      database: 'lianqiao',
      log: (message) => console.log(`[embedded-postgres] ${message}`),
    });
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_SEED_DEMO ??= 'true';
  }

  const nest = await createApp();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    await nest.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const seeded = await runStartupSeeds(nest, {
    dataDir: app.dataDir,
    adminPassword: authConfig().adminPassword,
    demo: process.env.DATABASE_SEED_DEMO === 'true',
  });
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
    seeded.demo ? `  Demo data: ${seeded.demo}` : '',
    `  Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Ctrl-C stops it.`,
    '',
  ].filter((line) => line !== '');
  console.log(lines.join('\n'));
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
