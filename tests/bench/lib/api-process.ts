import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pickPort } from '../../../apps/api/src/database/embedded-postgres';

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/** The built API, with the flags `npm start` gives it (apps/api/project.json; `npm run bench` builds it first). */
const BUILT_MAIN = 'dist/api/apps/api/src/main.js';
const NODE_FLAGS = ['--enable-source-maps', '--max-old-space-size=256'];

/**
 * The API as its own process (so its memory can be read apart from the load generator), on the
 * given database, from the build and logging at info as in production. The reminders job is off:
 * its one-time catch-up of the seeded backlog (hundreds of thousands of overdue follow-ups) is
 * not what is measured, and would hold a core for minutes.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  /** Extra node flags, e.g. --cpu-prof to profile the API under load. */
  nodeFlags: string[] = [],
  /** Where the build is: another checkout's, to compare two builds (bench:compare). */
  root = process.cwd(),
): Promise<ApiProcess> {
  if (!existsSync(join(root, BUILT_MAIN)))
    throw new Error(`${join(root, BUILT_MAIN)} is missing: run \`npx nx run api:build\` first`);
  const port = await pickPort(0);
  const child: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, ...nodeFlags, BUILT_MAIN], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_SEED_DEMO: 'false',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      REMINDERS_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited: ${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid!,
    async login(username, password) {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
