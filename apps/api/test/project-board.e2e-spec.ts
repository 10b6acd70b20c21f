import { TestApp, type TestUser } from './harness';

interface Column {
  stage: string;
  count: number;
  totalInvestmentWan: number;
  contractedWan: number;
  items: Array<{ id: string; stage: string; name: string }>;
}

/**
 * The board's totals for leaders come from project_stage_totals, kept by triggers: after every
 * kind of write they must equal what summing the projects themselves gives.
 */
describe('project board totals', () => {
  let t: TestApp;
  let leader: TestUser;
  let staffA: TestUser;
  let staffB: TestUser;

  beforeAll(async () => {
    t = await TestApp.start('board');
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    leader = await t.createUser('board.leader', 'leader');
    staffA = await t.createUser('board.a', 'staff', teamA);
    staffB = await t.createUser('board.b', 'staff', teamB);
  });
  afterAll(() => t.close());

  const project = async (user: TestUser, body: Record<string, unknown>) => {
    const res = await t.post('/api/projects', { name: '配套项目', ...body }, user.token);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; version: number };
  };
  const board = async (user: TestUser, query = '') => {
    const res = await t.get(`/api/projects/board${query}`, user.token);
    expect(res.status).toBe(200);
    return res.body.columns as Column[];
  };
  const totalsOf = (columns: Column[]) =>
    columns.map(({ stage, count, totalInvestmentWan, contractedWan }) => ({
      stage,
      count,
      totalInvestmentWan,
      contractedWan,
    }));
  /** The same figures summed straight from the projects table. */
  const summed = async (teamId?: string) => {
    const rows: Array<{ stage: string; count: number; total: string; contracted: string }> = await t.dataSource.query(
      `SELECT stage, count(*)::int AS count, coalesce(sum(total_investment_wan), 0) AS total,
              coalesce(sum(contracted_wan), 0) AS contracted
         FROM projects WHERE deleted_at IS NULL ${teamId ? 'AND team_id = $1' : ''} GROUP BY stage`,
      teamId ? [teamId] : [],
    );
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    return (await board(leader)).map(({ stage }) => ({
      stage,
      count: byStage.get(stage)?.count ?? 0,
      totalInvestmentWan: Number(byStage.get(stage)?.total ?? 0),
      contractedWan: Number(byStage.get(stage)?.contracted ?? 0),
    }));
  };

  it('match the projects after creating, moving, editing money, deleting, restoring and reassigning', async () => {
    const a1 = await project(staffA, { totalInvestmentWan: 120000 });
    const a2 = await project(staffA, { totalInvestmentWan: 30000 });
    const b1 = await project(staffB, { totalInvestmentWan: 5000 });
    await project(staffB, {});
    expect(totalsOf(await board(leader))).toEqual(await summed());

    const signed = await t.post(
      `/api/projects/${a1.id}/transitions`,
      { to: 'signed', signedAt: '2026-11-02', contractedWan: 80000, version: a1.version },
      staffA.token,
    );
    expect(signed.status).toBe(200);
    const edited = await t.patch(`/api/projects/${a2.id}`, { totalInvestmentWan: 45000, version: 1 }, staffA.token);
    expect(edited.status).toBe(200);
    expect((await t.patch(`/api/projects/${b1.id}`, { name: '只改名称', version: 1 }, staffB.token)).status).toBe(200);
    expect((await t.delete(`/api/projects/${a2.id}`, staffA.token)).status).toBe(204);

    let columns = await board(leader);
    expect(totalsOf(columns)).toEqual(await summed());
    expect(columns.find((c) => c.stage === 'signed')).toMatchObject({
      count: 1,
      totalInvestmentWan: 120000,
      contractedWan: 80000,
    });
    expect(columns.find((c) => c.stage === 'negotiating')).toMatchObject({ count: 2, totalInvestmentWan: 5000 });

    const admin = await t.createUser('board.admin', 'admin');
    expect((await t.post(`/api/projects/${a2.id}/restore`, {}, admin.token)).status).toBe(201);
    // A project handed to another team's staff moves to that team's totals.
    await t.dataSource.query(`UPDATE projects SET owner_id = $1, team_id = $2 WHERE id = $3`, [
      staffB.id,
      staffB.teamId,
      a1.id,
    ]);
    columns = await board(leader);
    expect(totalsOf(columns)).toEqual(await summed());
    expect(totalsOf(await board(leader, `?teamId=${staffB.teamId}`))).toEqual(await summed(staffB.teamId!));
    expect(totalsOf(await board(leader, `?teamId=${staffA.teamId}`))).toEqual(await summed(staffA.teamId!));
    // A hard delete (as a clean-up script would) leaves no trace in the totals either.
    await t.dataSource.query(`DELETE FROM project_stage_changes WHERE project_id = $1`, [a2.id]);
    await t.dataSource.query(`UPDATE leads SET project_id = NULL WHERE project_id = $1`, [a2.id]);
    await t.dataSource.query(`DELETE FROM projects WHERE id = $1`, [a2.id]);
    expect(totalsOf(await board(leader))).toEqual(await summed());
  });

  it("gives each column its latest cards in that stage, and staff only their team's", async () => {
    const columns = await board(leader, '?perColumn=1');
    for (const column of columns) {
      expect(column.items.length).toBe(Math.min(1, column.count));
      expect(column.items.every((item) => item.stage === column.stage)).toBe(true);
    }
    const negotiating = await t.get('/api/projects?stage=negotiating&sort=updatedAt:desc&limit=1', leader.token);
    expect(columns.find((c) => c.stage === 'negotiating')!.items[0].id).toBe(negotiating.body.items[0].id);

    const mine = await board(staffA);
    const ids = mine.flatMap((c) => c.items.map((i) => i.id));
    const teamA: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM projects WHERE deleted_at IS NULL AND team_id = $1`,
      [staffA.teamId],
    );
    expect(ids.sort()).toEqual(teamA.map((p) => p.id).sort());
    expect(mine.reduce((n, c) => n + c.count, 0)).toBe(teamA.length);
  });

  it('sums only the matching projects when the board is filtered', async () => {
    await project(staffA, { name: '氢能重卡项目', totalInvestmentWan: 7000, isKey: true });
    const filtered = await board(leader, `?q=${encodeURIComponent('氢能')}`);
    expect(filtered.find((c) => c.stage === 'negotiating')).toMatchObject({ count: 1, totalInvestmentWan: 7000 });
    expect(filtered.reduce((n, c) => n + c.count, 0)).toBe(1);
    const key = await board(leader, '?isKey=true');
    expect(key.reduce((n, c) => n + c.count, 0)).toBe(1);
  });
});
