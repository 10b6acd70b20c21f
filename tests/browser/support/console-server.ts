import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pickPort } from '../../../apps/api/src/database/embedded-postgres';
import { createTestDatabase } from '../../../tools/test-database';
import type { SuiteResources } from './suite';

const ROOT = resolve(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');

/** The first admin's password in every browser test server. */
export const ADMIN_PASSWORD = 'Browser-test-2025';

export interface ConsoleServer {
  /** e.g. http://127.0.0.1:41234 — the console at `/`, the API under `/api`. */
  baseUrl: string;
  admin: { username: string; password: string };
  /** What the server printed, for a failing test's message. */
  output(): string;
}

/**
 * The built server (`npx nx run-many -t build -p api web`) on a fresh database of its own and a
 * free port, as a user would run it: `node dist/api/apps/api/src/main.js`. Needs
 * TEST_DATABASE_SERVER_URL, which `tools/with-database.ts` sets. The database, the data folder
 * and the process are each registered with the suite's resources the moment they exist.
 */
export async function startConsoleServer(label: string, resources: SuiteResources): Promise<ConsoleServer> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_SERVER_URL is not set: run through tools/with-database.ts');
  for (const built of [MAIN, join(ROOT, 'dist', 'web', 'index.html')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx nx run-many -t build -p api web\` first`);
  }

  const database = await createTestDatabase(serverUrl, `browser_${label}`);
  resources.add('test database', () => database.drop());
  const dataDir = mkdtempSync(join(tmpdir(), `lianqiao-browser-${label}-`));
  resources.add('data folder', () => rmSync(dataDir, { recursive: true, force: true }));
  const port = await pickPort(0);
  let log = '';
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  resources.add('server process', () => stopProcess(child));
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, child, () => log);
  return { baseUrl, admin: { username: 'admin', password: ADMIN_PASSWORD }, output: () => log };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
