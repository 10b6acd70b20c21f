import { TestApp, type TestUser } from './harness';

/** The lock import-writer.ts takes: whoever holds it, every other import's write waits. */
const IMPORT_LOCK = `SELECT pg_advisory_xact_lock(hashtext('lianqiao:imports'))`;
const STATEMENT_TIMEOUT_MS = 500;

describe('an import that waits for another (statement timeout)', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    // A short statement timeout stands in for the default 30 s: the wait below is four times as long.
    t = await TestApp.start('import_lock_wait', { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) });
    staff = await t.createUser('wait.staff', 'staff', await t.createTeam('等待专班'));
  });
  afterAll(() => t.close());

  const status = async (id: string) => (await t.get(`/api/imports/${id}`, staff.token)).body;

  it('writes once the other import lets go of the lock, however long past the statement timeout it waited', async () => {
    const csv = [
      '线索名称,企业名称,来源,负责人账号',
      '等锁线索一,等锁企业甲,推介会,',
      '等锁线索二,等锁企业乙,online,',
    ].join('\r\n');
    const boundary = '----lianqiaowait';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nleads\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="wait.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    // Another import's write transaction, holding the lock (on a connection of its own, no timeout).
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    await other.query('SET statement_timeout = 0');
    await other.startTransaction();
    await other.query(IMPORT_LOCK);
    let id: string;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${staff.token}`,
        },
        payload,
      });
      expect(res.statusCode).toBe(202);
      id = res.json().id;
      for (let i = 0; i < 100 && (await status(id)).status !== 'writing'; i++)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, STATEMENT_TIMEOUT_MS * 4));
      expect(await status(id)).toMatchObject({ status: 'writing', message: null });
    } finally {
      await other.commitTransaction();
      await other.release();
    }
    let done = await status(id);
    for (let i = 0; i < 200 && done.status === 'writing'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = await status(id);
    }
    expect(done).toMatchObject({ status: 'done', createdCount: 2, errorCount: 0 });
    const [{ leads }] = await t.dataSource.query(
      `SELECT count(*)::int AS leads FROM leads WHERE name IN ('等锁线索一', '等锁线索二')`,
    );
    expect(leads).toBe(2);
  });
});
