import { queryAndParameters } from '../src/common/persistence/query-shape';
import { Lead } from '../src/modules/leads/lead.entity';
import { TestApp, type TestUser } from './harness';

/**
 * Lists at a size where it shows: totals exact up to 10,000 rows and always current, past that the
 * planner's estimate, flagged; and keyset pages that never skip or repeat a row.
 */
describe('list totals', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start('totals');
    staff = await t.createUser('totals.staff', 'staff', await t.createTeam('汽车专班'));
    await t.dataSource.query(
      `INSERT INTO leads (name, source, status, owner_id, team_id)
       SELECT '批量线索' || g, 'online', 'following', $1, $2 FROM generate_series(1, 12000) g`,
      [staff.id, staff.teamId],
    );
    await t.dataSource.query('ANALYZE leads');
  });
  afterAll(() => t.close());

  it('gives a big list the planner’s estimate, flagged, without counting it', async () => {
    const { status, body } = await t.get('/api/leads?status=following&limit=5', staff.token);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(5);
    expect(body.totalIsEstimate).toBe(true);
    expect(body.total).toBeGreaterThan(10_000);
    expect(body.total).toBeLessThan(20_000);
    // The next page gives the same figure (kept for a few seconds) and pages on.
    const next = await t.get(`/api/leads?status=following&limit=5&cursor=${body.nextCursor}`, staff.token);
    expect(next.body).toMatchObject({ total: body.total, totalIsEstimate: true });
    expect(next.body.items[0].id).not.toBe(body.items[0].id);
  });

  it('counts a small list exactly, and its total follows every new record at once', async () => {
    const first = await t.get('/api/leads?status=new', staff.token);
    expect(first.body).toMatchObject({ total: 0, items: [] });
    expect(first.body.totalIsEstimate).toBeUndefined();
    for (const n of [1, 2, 3]) {
      expect((await t.post('/api/leads', { name: `新线索${n}`, source: 'online' }, staff.token)).status).toBe(201);
      const again = await t.get('/api/leads?status=new', staff.token);
      expect(again.body.total).toBe(n);
      expect(again.body.totalIsEstimate).toBeUndefined();
    }
  });
  it.each(['createdAt:desc', 'createdAt:asc'])(
    'pages through 12,000 leads written in one statement (one shared timestamp) each exactly once, sorted %s',
    async (sort) => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.get(
          `/api/leads?status=following&sort=${sort}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          staff.token,
        );
        expect(page.status).toBe(200);
        for (const item of page.body.items) seen.add(item.id);
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(pages).toBe(60);
      expect(seen.size).toBe(12_000);
    },
  );
  it('pages on exactly when the row its cursor names was deleted since, and skips nothing after a hard delete', async () => {
    const page = (cursor?: string) =>
      t.get(`/api/leads?status=following&sort=createdAt:desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`, staff.token);
    const first = await page();
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((l) => l.id);
    // Deleted in the console (soft): the page after it is exactly the next three.
    expect((await t.delete(`/api/leads/${first.body.items[2].id}`, staff.token)).status).toBe(204);
    const next = await page(first.body.nextCursor);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(3);
    expect(ids(next.body).some((id) => ids(first.body).includes(id))).toBe(false);
    // Removed from the table (a clean-up script): the next page may repeat, but loses no row.
    await t.dataSource.query(`DELETE FROM leads WHERE id = $1`, [next.body.items[2].id]);
    const after = await page(next.body.nextCursor);
    expect(after.status).toBe(200);
    expect(after.body.items).toHaveLength(3);
  });

  it('builds the SQL of a query shape once and binds each query its own values', async () => {
    const leads = () => t.dataSource.getRepository(Lead).createQueryBuilder('lead').leftJoin('lead.owner', 'owner');
    const byStatus = (status: string) => leads().where('lead.status = :status', { status }).limit(5);
    const first = byStatus('following');
    const built = jest.spyOn(first, 'getQuery');
    const [sql, params] = queryAndParameters(first);
    expect(built).toHaveBeenCalledTimes(1);
    const again = byStatus('new');
    const rebuilt = jest.spyOn(again, 'getQuery');
    expect(queryAndParameters(again)).toEqual([sql, ['new']]);
    expect(rebuilt).not.toHaveBeenCalled();
    expect(params).toEqual(['following']);
    // Another condition, join, order or limit is another shape, with SQL of its own.
    const others = [
      leads().where('lead.source = :status', { status: 'new' }).limit(5),
      byStatus('new').andWhere('lead.team_id = :team', { team: staff.teamId }),
      byStatus('new').leftJoin('lead.company', 'company'),
      byStatus('new').orderBy('lead.name', 'ASC'),
      byStatus('new').limit(6),
      byStatus('new').withDeleted(),
    ].map((qb) => queryAndParameters(qb)[0]);
    expect(new Set([sql, ...others]).size).toBe(others.length + 1);
    for (const other of others) expect((await t.dataSource.query(other.replace(/\$\d+/g, 'NULL'))).length).toBe(0);
  });
});
