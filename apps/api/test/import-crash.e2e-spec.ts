import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { pickPort } from '../src/database/embedded-postgres';
import { createTestDatabase } from '../../../tools/test-database';

const ROOT = resolve(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');
const ADMIN_PASSWORD = 'Crash-test-2026';
const ROWS = 30_000;

/**
 * The built server, killed with SIGKILL in the middle of a large import and started again on the
 * same database and the same scratch folder, as an operator (or the OOM killer) would do it.
 */
describe('imports: the server killed during an import, then started again', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let scratch: string;
  let dataDir: string;
  let server: { child: ChildProcess; base: string; log: () => string } | null = null;

  const start = async () => {
    const port = await pickPort(0);
    let log = '';
    const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_SEED_DEMO: 'false',
        // The import's scratch files go to os.tmpdir(): a folder of this test's own, to look into.
        TMPDIR: scratch,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 60_000; ;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log}`);
      if (Date.now() > deadline) throw new Error(`the server was not ready in time:\n${log}`);
      const ready = await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    server = { child, base, log: () => log };
    return server;
  };
  const stop = async (signal: NodeJS.Signals) => {
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
    const exited = new Promise((done) => server!.child.once('exit', done));
    server.child.kill(signal);
    await exited;
  };
  const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const res = await fetch(`${server!.base}${path}`, {
      ...init,
      headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers ?? {}) },
    });
    return { status: res.status, body: await res.json() };
  };
  const count = async (query: string, params: unknown[] = []) => Number((await sql.query(query, params)).rows[0].n);

  /** Uploads a large leads file and waits until its one transaction is under way. */
  const uploadAndWaitForWriting = async (token: string, name: string): Promise<string> => {
    const lines = ['线索名称,企业名称,来源'];
    for (let i = 0; i < ROWS; i++) lines.push(`崩溃测试线索${i},崩溃测试企业${i % 5000}有限公司,推介会`);
    const boundary = `----lianqiao${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nleads\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(lines.join('\n')),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await api('/api/imports', {
      method: 'POST',
      token,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(upload.status).toBe(202);
    const id = upload.body.id as string;

    // Kill it once it writes: the one transaction is under way and thousands of rows are staged.
    let seen = '';
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const job = (await api(`/api/imports/${id}`, { token })).body;
      seen = `${job.status} ${job.processedRows}/${job.totalRows}`;
      if (job.status === 'writing' && job.processedRows > 0) break;
      if (job.status === 'done' || job.status === 'failed') throw new Error(`ended before the kill: ${seen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toMatch(/^writing [1-9]/);
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(process.env.TEST_DATABASE_SERVER_URL!, 'import_crash');
    sql = new Client(db.url);
    await sql.connect();
    scratch = mkdtempSync(join(tmpdir(), 'lianqiao-crash-tmp-'));
    dataDir = mkdtempSync(join(tmpdir(), 'lianqiao-crash-data-'));
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first`);
  });
  afterAll(async () => {
    await stop('SIGTERM');
    await sql?.end();
    await db?.drop();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  let token: string;

  it('settles the import at the next start: failed, nothing half-written, staged rows and files removed, uploader told', async () => {
    await start();
    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    token = login.body.accessToken as string;
    const leadsBefore = await count(`SELECT count(*) AS n FROM leads`);

    const id = await uploadAndWaitForWriting(token, 'crash.csv');
    await stop('SIGKILL');
    expect(await count(`SELECT count(*) AS n FROM import_rows WHERE import_id = $1`, [id])).toBeGreaterThan(0);
    expect((await sql.query(`SELECT status FROM imports WHERE id = $1`, [id])).rows[0].status).toBe('writing');

    const restartedAt = Date.now();
    await start();
    let job: { status: string; message: string } = { status: '', message: '' };
    for (const deadline = Date.now() + 75_000; Date.now() < deadline;) {
      job = (await api(`/api/imports/${id}`, { token })).body;
      if (job.status !== 'writing' && job.status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(job.status).toBe('failed');
    expect(job.message).toContain('导入中断');
    // Settled by the start itself (its start-up included, on a loaded machine), not by a timeout ten minutes later.
    expect(Date.now() - restartedAt).toBeLessThan(60_000);

    // Nothing half-written: not one of the file's leads, and none of the companies it would have made.
    expect(await count(`SELECT count(*) AS n FROM leads`)).toBe(leadsBefore);
    expect(await count(`SELECT count(*) AS n FROM companies WHERE name LIKE '崩溃测试企业%'`)).toBe(0);
    // Nothing left behind: staged rows, the stored upload, scratch files.
    expect(await count(`SELECT count(*) AS n FROM import_rows WHERE import_id = $1`, [id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM import_files WHERE import_id = $1`, [id])).toBe(0);
    const folder = join(scratch, 'lianqiao-imports');
    expect(existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(id)) : []).toEqual([]);
    // The job engine agrees, and the uploader has been told, with a link back.
    expect((await sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id])).rows[0].state).toBe('failed');
    const told = (await api('/api/notifications?kind=import_finished', { token })).body.items as Array<{
      title: string;
      link: string;
    }>;
    expect(told).toEqual([
      expect.objectContaining({ title: '导入中断：crash.csv', link: expect.stringContaining(id) }),
    ]);
    // And the restarted server works: a new import goes through.
    expect((await api('/api/leads', { token })).status).toBe(200);
  }, 150_000);

  it('stops within 10 s on SIGTERM during an import, failing it with nothing written and the uploader told', async () => {
    const leadsBefore = await count(`SELECT count(*) AS n FROM leads`);
    const id = await uploadAndWaitForWriting(token, 'term.csv');
    const asked = Date.now();
    await stop('SIGTERM');
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(server!.child.exitCode).toBe(0);
    const [row] = (await sql.query(`SELECT status, message FROM imports WHERE id = $1`, [id])).rows;
    expect(row.status).toBe('failed');
    expect(row.message).toContain('服务停止');
    expect(await count(`SELECT count(*) AS n FROM leads`)).toBe(leadsBefore);
    expect(await count(`SELECT count(*) AS n FROM import_rows WHERE import_id = $1`, [id])).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM notifications WHERE link LIKE $1 AND title LIKE '导入失败%'`, [`%${id}%`]),
    ).toBe(1);
  }, 90_000);
});
