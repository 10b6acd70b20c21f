import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from '../../../tools/test-database';
import { pickPort } from '../src/database/embedded-postgres';
import { demoSeedWanted, type DemoSeed } from '../src/database/seeds/demo.seed';
import { runStartupSeeds } from '../src/database/seeds/startup';
import { TestApp } from './harness';

const MAIN = resolve(__dirname, '..', '..', '..', 'dist', 'api', 'apps', 'api', 'src', 'main.js');

/** The demo logins as the password file in the data folder lists them. */
const passwordFileLogins = (file: string): DemoSeed['logins'] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [username, password] = line.split(' ');
      return { username, password };
    });

describe('start-up seeds', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'lianqiao-seed-'));

  beforeAll(async () => {
    t = await TestApp.start('seeds');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first admin with a random password written to the data folder, once', async () => {
    const first = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: false });
    expect(first.admin.password).toMatch(/^.{10,}$/);
    expect(readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim()).toBe(first.admin.password);
    expect((await t.post('/api/auth/login', { username: 'admin', password: first.admin.password })).status).toBe(200);
    const second = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: false });
    expect(second.admin.password).toBeNull();
  });

  it('loads a marked demo data set through the real rules, and only once', async () => {
    const seeded = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: true });
    const password = (username: string) => seeded.demo!.logins.find((l) => l.username === username)!.password;
    const token = await t.login('demo.leader', password('demo.leader'));
    const board = await t.get('/api/projects/board', token);
    const counts = Object.fromEntries(
      board.body.columns.map((c: { stage: string; count: number }) => [c.stage, c.count]),
    );
    expect(counts).toMatchObject({ negotiating: 2, signed: 1, registered: 1, under_construction: 1, in_production: 1 });
    const leads = await t.get('/api/leads?limit=200', token);
    expect(leads.body.total).toBe(9);
    expect(leads.body.items.every((l: { name: string }) => l.name.startsWith('［演示］'))).toBe(true);
    const staff = await t.login('demo.staff1', password('demo.staff1'));
    expect((await t.get('/api/leads?overdue=true', staff)).body.total).toBeGreaterThan(0);
    expect((await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: true })).demo).toBeNull();
    expect((await t.get('/api/leads?limit=200', token)).body.total).toBe(9);
  });

  it('gives each demo login a random password of its own, written beside the admin password, readable by the owner only', async () => {
    const file = join(dataDir, 'demo-passwords.txt');
    const logins = passwordFileLogins(file);
    expect(logins.map((l) => l.username)).toEqual(['demo.leader', 'demo.staff1', 'demo.staff2']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new Set(logins.map((l) => l.password)).size).toBe(3);
    for (const { username, password } of logins) {
      expect(password).toMatch(/^.{16,}$/);
      expect((await t.post('/api/auth/login', { username, password })).status).toBe(200);
    }

    const other = await TestApp.start('seeds_again');
    const otherDir = mkdtempSync(join(tmpdir(), 'lianqiao-seed-'));
    try {
      const again = await runStartupSeeds(other.app, { dataDir: otherDir, adminPassword: null, demo: true });
      const before = new Set(logins.map((l) => l.password));
      expect(again.demo!.logins.filter((l) => before.has(l.password))).toEqual([]);
      expect(passwordFileLogins(join(otherDir, 'demo-passwords.txt'))).toEqual(again.demo!.logins);
      // Each database's passwords work there only.
      const [leader] = logins;
      expect((await other.post('/api/auth/login', leader)).status).toBe(401);
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('loads demo data by default only on the embedded database outside production', () => {
    expect(demoSeedWanted({}, true)).toBe(true);
    expect(demoSeedWanted({ NODE_ENV: 'development' }, true)).toBe(true);
    expect(demoSeedWanted({ NODE_ENV: 'production' }, true)).toBe(false);
    expect(demoSeedWanted({}, false)).toBe(false);
    expect(demoSeedWanted({ DATABASE_SEED_DEMO: 'false' }, true)).toBe(false);
    expect(demoSeedWanted({ NODE_ENV: 'production', DATABASE_SEED_DEMO: 'true' }, true)).toBe(true);
    expect(demoSeedWanted({ NODE_ENV: 'production', DATABASE_SEED_DEMO: 'true' }, false)).toBe(true);
  });
});

/** `node dist/…/main.js` as a user starts it, until its banner says it is ready (or it exits). */
async function startBuiltServer(env: Record<string, string | undefined>) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm test does)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'lianqiao-banner-'));
  // As a plain mkdir would leave it: run as root, the embedded PostgreSQL's own user must reach it.
  chmodSync(dataDir, 0o755);
  const port = await pickPort(0);
  const { DATABASE_URL: _url, DATABASE_SEED_DEMO: _demo, ADMIN_PASSWORD: _admin, ...inherited } = process.env;
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Ready in') && child.exitCode === null && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    dataDir,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the start banner of the built server', () => {
  it('prints the demo logins with the passwords it wrote, also in production when asked', async () => {
    const database = await createTestDatabase(process.env.TEST_DATABASE_SERVER_URL!, 'banner');
    const server = await startBuiltServer({
      NODE_ENV: 'production',
      DATABASE_SEED_DEMO: 'true',
      DATABASE_URL: database.url,
    });
    try {
      expect(server.output()).toContain('Ready in');
      const file = join(server.dataDir, 'demo-passwords.txt');
      const logins = passwordFileLogins(file);
      expect(logins).toHaveLength(3);
      for (const { username, password } of logins) expect(server.output()).toContain(`${username} / ${password}`);
      expect(server.output()).toContain(`also in ${file}`);
      expect((await postJson(`${server.baseUrl}/api/auth/login`, logins[0])).status).toBe(200);
    } finally {
      await server.stop();
      await database.drop();
    }
  }, 180_000);

  it('loads no demo data on a fresh embedded database under NODE_ENV=production', async () => {
    const server = await startBuiltServer({ NODE_ENV: 'production' });
    try {
      expect(server.output()).toContain('Ready in');
      expect(server.output()).toContain('embedded PostgreSQL');
      expect(server.output()).toContain('First admin login:');
      expect(server.output()).not.toContain('demo.');
      expect(existsSync(join(server.dataDir, 'demo-passwords.txt'))).toBe(false);
      const guess = await postJson(`${server.baseUrl}/api/auth/login`, {
        username: 'demo.leader',
        password: 'Demo-pass-2026',
      });
      expect(guess.status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
