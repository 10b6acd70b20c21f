import { buildDashboardFixture, type DashboardFixture } from './dashboard-fixture';
import { TestApp } from './harness';

interface Drill {
  path: string;
  query: Record<string, string>;
}

describe("the leaders' dashboard", () => {
  let t: TestApp;
  let f: DashboardFixture;
  const Y = '2026-01-01T00:00:00+08:00';
  const Y1 = '2027-01-01T00:00:00+08:00';

  beforeAll(async () => {
    t = await TestApp.start('dashboard', { STALLED_DAYS: '30', FIRST_RESPONSE_HOURS: '24' });
    f = await buildDashboardFixture(t);
    await t.post(
      '/api/targets',
      {
        year: 2026,
        newLeads: 18,
        projectsSigned: 4,
        contractedWan: 100000,
        paidInDomesticWan: 40000,
        projectsStarted: 0,
      },
      f.leader.token,
    );
    await t.post('/api/targets', { year: 2026, teamId: f.teamA, newLeads: 10, projectsSigned: 2 }, f.leader.token);
  }, 120_000);
  afterAll(() => t.close());

  /** The list the drill names, read through the API as `token` sees it. */
  const follow = async (drill: Drill, token: string) => {
    const query = new URLSearchParams({ ...drill.query, limit: '200' });
    const res = await t.get(`/api${drill.path}?${query}`, token);
    if (res.status !== 200) throw new Error(`${drill.path}: ${JSON.stringify(res.body)}`);
    return res.body as { items: Array<Record<string, unknown>>; total: number };
  };
  const sum = (items: Array<Record<string, unknown>>, field: string) =>
    items.reduce((s, i) => s + Number(i[field] ?? 0), 0);

  describe('GET /api/dashboard/summary', () => {
    it("counts the district's year exactly, against the district's targets", async () => {
      const res = await t.get('/api/dashboard/summary?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ year: 2026, from: Y, to: Y1, teamId: null, teamName: null });
      const figures = Object.fromEntries(res.body.figures.map((x: { metric: string }) => [x.metric, x]));
      expect(figures.newLeads).toEqual({
        metric: 'newLeads',
        label: '新增线索',
        unit: 'count',
        actual: 9,
        actualYi: null,
        target: 18,
        progress: 0.5,
        drill: { path: '/leads', query: { from: Y, to: Y1 } },
      });
      expect(figures.projectsSigned).toMatchObject({ actual: 3, target: 4, progress: 0.75 });
      expect(figures.contractedWan).toMatchObject({
        unit: 'wan',
        actual: 69000,
        actualYi: 6.9,
        target: 100000,
        progress: 0.69,
      });
      expect(figures.paidInDomesticWan).toMatchObject({ actual: 20000, actualYi: 2, target: 40000, progress: 0.5 });
      expect(figures.paidInForeignWan).toMatchObject({ actual: 3000, actualYi: 0.3, target: 0, progress: null });
      expect(figures.projectsStarted).toMatchObject({ actual: 2, target: 0, progress: null });
      expect(figures.projectsInProduction).toMatchObject({ actual: 1, target: 0, progress: null });
      expect(figures.projectsSigned.drill).toEqual({
        path: '/projects',
        query: { reachedStage: 'signed', reachedFrom: Y, reachedTo: Y1 },
      });
      expect(figures.paidInForeignWan.drill.query).toEqual({
        reachedStage: 'signed',
        reachedFrom: Y,
        reachedTo: Y1,
        capitalOrigin: 'foreign',
      });
      expect(res.body.stalledProjects).toEqual({ value: 1, drill: { path: '/projects', query: { stalled: 'true' } } });
      expect(res.body.stalledDays).toBe(30);
    });

    it('drills every figure down to a list whose rows add up to the figure', async () => {
      const res = await t.get('/api/dashboard/summary?year=2026', f.leader.token);
      const field: Record<string, string> = {
        contractedWan: 'contractedWan',
        paidInDomesticWan: 'paidInWan',
        paidInForeignWan: 'paidInWan',
      };
      for (const figure of res.body.figures as Array<{ metric: string; actual: number; drill: Drill }>) {
        const list = await follow(figure.drill, f.leader.token);
        expect([figure.metric, field[figure.metric] ? sum(list.items, field[figure.metric]) : list.total]).toEqual([
          figure.metric,
          figure.actual,
        ]);
      }
      expect((await follow(res.body.stalledProjects.drill, f.leader.token)).items.map((p) => p.id)).toEqual([
        f.projects.p4,
      ]);
    });

    it('cuts to a period inside the year: March to May', async () => {
      const res = await t.get('/api/dashboard/summary?year=2026&from=2026-03-01&to=2026-06-01', f.leader.token);
      const actual = Object.fromEntries(
        res.body.figures.map((x: { metric: string; actual: number }) => [x.metric, x.actual]),
      );
      expect(actual).toEqual({
        newLeads: 8,
        projectsSigned: 2,
        contractedWan: 62000,
        paidInDomesticWan: 20000,
        paidInForeignWan: 0,
        projectsStarted: 0,
        projectsInProduction: 0,
      });
    });

    it("gives staff their own team's figures against the team's targets", async () => {
      const res = await t.get('/api/dashboard/summary?year=2026', f.staffA.token);
      expect(res.status).toBe(200);
      expect(res.body.period).toMatchObject({ teamId: f.teamA, teamName: '汽车专班' });
      const figures = Object.fromEntries(res.body.figures.map((x: { metric: string }) => [x.metric, x]));
      expect(
        Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, (v as { actual: number }).actual])),
      ).toEqual({
        newLeads: 5,
        projectsSigned: 2,
        contractedWan: 57000,
        paidInDomesticWan: 20000,
        paidInForeignWan: 3000,
        projectsStarted: 2,
        projectsInProduction: 1,
      });
      expect(figures.newLeads).toMatchObject({
        target: 10,
        progress: 0.5,
        drill: { path: '/leads', query: { from: Y, to: Y1, teamId: f.teamA } },
      });
      expect(figures.contractedWan).toMatchObject({ target: 0, progress: null });
      for (const figure of res.body.figures.filter((x: { unit: string }) => x.unit === 'count')) {
        expect((await follow(figure.drill, f.staffA.token)).total).toBe(figure.actual);
      }
      expect(res.body.stalledProjects.value).toBe(0);
    });

    it("refuses staff another team's dashboard (403) and leaders a team that does not exist (400)", async () => {
      expect((await t.get(`/api/dashboard/summary?teamId=${f.teamB}`, f.staffA.token)).status).toBe(403);
      const teamless = await t.createUser('dash.teamless', 'staff');
      expect((await t.get('/api/dashboard/summary', teamless.token)).status).toBe(403);
      const bad = await t.get('/api/dashboard/summary?teamId=5b0c4d2e-1f3a-4b5c-8d9e-0f1a2b3c4d5e', f.leader.token);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('teamId');
    });

    it("lets a leader open any team's dashboard", async () => {
      const res = await t.get(`/api/dashboard/summary?year=2026&teamId=${f.teamB}`, f.leader.token);
      expect(res.body.figures.map((x: { actual: number }) => x.actual)).toEqual([4, 1, 12000, 0, 0, 0, 0]);
      expect(res.body.stalledProjects).toEqual({
        value: 1,
        drill: { path: '/projects', query: { stalled: 'true', teamId: f.teamB } },
      });
    });

    it('names a bad period', async () => {
      for (const [query, field] of [
        ['year=2026&from=2025-12-01', 'from'],
        ['year=2026&from=2026-05-01&to=2026-04-01', 'to'],
        ['year=2026&to=2027-02-01', 'to'],
        ['year=2026&from=2026-02-30', 'from'],
        ['year=26', 'year'],
      ]) {
        const res = await t.get(`/api/dashboard/summary?${query}`, f.leader.token);
        expect([query, res.status, res.body.details?.[0]?.field]).toEqual([query, 400, field]);
      }
    });
  });

  describe('GET /api/dashboard/funnel', () => {
    it('shows projects by stage now with their investment, and how many reached each stage in the year', async () => {
      const res = await t.get('/api/dashboard/funnel?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      const rows = res.body.stages.map(
        (s: {
          stage: string;
          count: number;
          investmentWan: number;
          investmentYi: number;
          reachedInPeriod: { value: number } | null;
        }) => [s.stage, s.count, s.investmentWan, s.investmentYi, s.reachedInPeriod?.value ?? null],
      );
      expect(rows).toEqual([
        ['negotiating', 1, 9000, 0.9, 4],
        ['signed', 0, 0, 0, 3],
        ['registered', 1, 15000, 1.5, 3],
        ['under_construction', 1, 80000, 8, 2],
        ['in_production', 1, 40000, 4, 1],
        ['on_hold', 0, 0, 0, null],
        ['lost', 1, 8000, 0.8, null],
      ]);
      expect(res.body.stages[0].drill).toEqual({ path: '/projects', query: { stage: 'negotiating' } });
      for (const stage of res.body.stages) {
        expect((await follow(stage.drill, f.leader.token)).total).toBe(stage.count);
        if (stage.reachedInPeriod)
          expect((await follow(stage.reachedInPeriod.drill, f.leader.token)).total).toBe(stage.reachedInPeriod.value);
      }
    });
  });

  describe('GET /api/dashboard/teams', () => {
    it('gives each team its figures against its own targets', async () => {
      const res = await t.get('/api/dashboard/teams?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.teams.map(
          (team: { teamName: string; figures: Array<{ actual: number }>; stalledProjects: { value: number } }) => [
            team.teamName,
            [team.figures.map((x) => x.actual), team.stalledProjects.value],
          ],
        ),
      );
      expect(byName).toEqual({
        汽车专班: [[5, 2, 57000, 20000, 3000, 2, 1], 0],
        轨交专班: [[4, 1, 12000, 0, 0, 0, 0], 1],
      });
      const teamA = res.body.teams.find((x: { teamId: string }) => x.teamId === f.teamA);
      expect(teamA.figures[0]).toMatchObject({
        target: 10,
        progress: 0.5,
        drill: { path: '/leads', query: { from: Y, to: Y1, teamId: f.teamA } },
      });
    });

    it('shows staff their own team only', async () => {
      const res = await t.get('/api/dashboard/teams?year=2026', f.staffB.token);
      expect(res.body.teams.map((x: { teamId: string }) => x.teamId)).toEqual([f.teamB]);
    });
  });

  describe('GET /api/dashboard/months', () => {
    it('counts each month of the year, every month with its own drill', async () => {
      const res = await t.get('/api/dashboard/months?year=2026', f.leader.token);
      expect(res.body.months).toHaveLength(12);
      const table = res.body.months.map((m: Record<string, { value: number }> & { month: string }) => [
        m.month,
        m.newLeads.value,
        m.projectsSigned.value,
        m.contractedWan.value,
        m.projectsStarted.value,
        m.projectsInProduction.value,
      ]);
      expect(table.filter((row: number[]) => row.slice(1).some((v) => v !== 0))).toEqual([
        ['2026-02', 1, 0, 0, 1, 0],
        ['2026-03', 2, 1, 50000, 0, 0],
        ['2026-04', 4, 0, 0, 0, 0],
        ['2026-05', 2, 1, 12000, 0, 0],
        ['2026-06', 0, 0, 0, 1, 0],
        ['2026-07', 0, 1, 7000, 0, 0],
        ['2026-09', 0, 0, 0, 0, 1],
      ]);
      const march = res.body.months[2];
      expect(march.newLeads.drill).toEqual({
        path: '/leads',
        query: { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
      });
      expect((await follow(march.newLeads.drill, f.leader.token)).total).toBe(2);
      expect((await follow(march.projectsSigned.drill, f.leader.token)).items.map((p) => p.id)).toEqual([
        f.projects.p1,
      ]);
    });

    it('cuts the first and last month to the period', async () => {
      const res = await t.get('/api/dashboard/months?year=2026&from=2026-03-10&to=2026-05-03', f.leader.token);
      expect(
        res.body.months.map((m: { month: string; from: string; to: string; newLeads: { value: number } }) => [
          m.month,
          m.from,
          m.to,
          m.newLeads.value,
        ]),
      ).toEqual([
        ['2026-03', '2026-03-10T00:00:00+08:00', '2026-04-01T00:00:00+08:00', 1],
        ['2026-04', '2026-04-01T00:00:00+08:00', '2026-05-01T00:00:00+08:00', 4],
        ['2026-05', '2026-05-01T00:00:00+08:00', '2026-05-03T00:00:00+08:00', 1],
      ]);
    });
  });

  describe('GET /api/dashboard/chains', () => {
    it("cuts the figures by chain segment and shows the map's levels", async () => {
      const res = await t.get('/api/dashboard/chains?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      const chain = res.body.chains.find((c: { code: string }) => c.code === f.chainCode);
      const node = chain.nodes.find((n: { nodeId: string }) => n.nodeId === f.chainNode);
      expect({
        level: node.level,
        localCompanies: node.localCompanies.value,
        newLeads: node.newLeads.value,
        projects: node.projects.value,
        investmentWan: node.investmentWan.value,
        projectsSigned: node.projectsSigned.value,
        contractedWan: node.contractedWan.value,
      }).toEqual({
        level: 'gap',
        localCompanies: 0,
        newLeads: 1,
        projects: 1,
        investmentWan: 80000,
        projectsSigned: 1,
        contractedWan: 50000,
      });
      expect(chain.gapCount + chain.weakCount + chain.strongCount).toBe(chain.nodes.length);
      expect(node.projectsSigned.drill).toEqual({
        path: '/projects',
        query: { chainNode: f.chainNode, reachedStage: 'signed', reachedFrom: Y, reachedTo: Y1 },
      });
      expect((await follow(node.newLeads.drill, f.leader.token)).total).toBe(1);
      expect((await follow(node.projectsSigned.drill, f.leader.token)).items.map((p) => p.id)).toEqual([f.projects.p1]);
      expect(node.localCompanies.drill).toEqual({
        path: '/companies',
        query: { chainNode: f.chainNode, isTarget: 'false' },
      });
    });
  });

  describe('GET /api/dashboard/stalled', () => {
    it('lists stalled projects with owner and 包保领导, and counts them per leader and owner', async () => {
      const res = await t.get('/api/dashboard/stalled?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      expect(res.body.total).toEqual({ value: 1, drill: { path: '/projects', query: { stalled: 'true' } } });
      expect(res.body.items).toEqual([
        {
          id: f.projects.p4,
          name: '信号系统项目',
          stage: 'negotiating',
          teamId: f.teamB,
          teamName: '轨交专班',
          ownerId: f.staffB.id,
          ownerName: 'dash.b',
          responsibleLeaderId: f.leader.id,
          responsibleLeaderName: 'dash.leader',
          totalInvestmentWan: 9000,
          lastProgressAt: expect.any(String),
          idleDays: 60,
          drill: { path: `/projects/${f.projects.p4}`, query: {} },
        },
      ]);
      expect(res.body.byLeader).toEqual([
        {
          userId: f.leader.id,
          name: 'dash.leader',
          count: {
            value: 1,
            drill: { path: '/projects', query: { stalled: 'true', responsibleLeaderId: f.leader.id } },
          },
        },
      ]);
      expect(
        res.body.byOwner.map((g: { userId: string; count: { value: number } }) => [g.userId, g.count.value]),
      ).toEqual([[f.staffB.id, 1]]);
      expect((await follow(res.body.byLeader[0].count.drill, f.leader.token)).total).toBe(1);
    });

    it('shows staff of another team nothing stalled', async () => {
      const res = await t.get('/api/dashboard/stalled', f.staffA.token);
      expect([res.body.total.value, res.body.items]).toEqual([0, []]);
    });
  });

  describe('GET /api/dashboard/investment', () => {
    it('puts projected, contracted and actual investment and jobs side by side', async () => {
      const res = await t.get('/api/dashboard/investment?year=2026', f.leader.token);
      const rows = Object.fromEntries(
        res.body.rows.map((r: Record<string, number> & { key: string }) => [
          r.key,
          [r.projects, r.projectedWan, r.contractedWan, r.actualWan, r.projectedJobs, r.contractedJobs, r.actualJobs],
        ]),
      );
      expect(rows).toEqual({
        negotiating: [1, 9000, 0, 0, 0, 0, 0],
        signed: [0, 0, 0, 0, 0, 0, 0],
        registered: [1, 15000, 12000, 0, 0, 0, 0],
        under_construction: [1, 80000, 50000, 20000, 500, 300, 100],
        in_production: [1, 40000, 30000, 10000, 0, 0, 0],
        on_hold: [0, 0, 0, 0, 0, 0, 0],
        lost: [1, 8000, 7000, 3000, 0, 0, 0],
        all: [5, 152000, 99000, 33000, 500, 300, 100],
        signed_in_period: [3, 103000, 69000, 23000, 500, 300, 100],
      });
      for (const row of res.body.rows) {
        const list = await follow(row.drill, f.leader.token);
        expect([row.key, list.total, sum(list.items, 'totalInvestmentWan'), sum(list.items, 'paidInWan')]).toEqual([
          row.key,
          row.projects,
          row.projectedWan,
          row.actualWan,
        ]);
      }
    });
  });

  describe('GET /api/dashboard/top', () => {
    it('ranks cards by what they yielded in the year', async () => {
      const res = await t.get('/api/dashboard/top?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      expect(res.body.cards).toEqual([
        {
          id: f.card,
          kind: 'card',
          name: '汽车零部件产业园地块',
          leads: { value: 1, drill: { path: '/leads', query: { sourceRefId: f.card, from: Y, to: Y1 } } },
          signedProjects: {
            value: 1,
            drill: {
              path: '/projects',
              query: { sourceRefId: f.card, reachedStage: 'signed', reachedFrom: Y, reachedTo: Y1 },
            },
          },
          contractedWan: {
            value: 50000,
            drill: {
              path: '/projects',
              query: { sourceRefId: f.card, reachedStage: 'signed', reachedFrom: Y, reachedTo: Y1 },
            },
          },
          opens: 0,
          interests: 0,
          drill: { path: `/promo-projects/${f.card}`, query: {} },
        },
      ]);
      expect(res.body.roadshows).toEqual([]);
      expect(res.body.trips).toEqual([]);
      expect((await follow(res.body.cards[0].leads.drill, f.leader.token)).total).toBe(1);
    });

    it("counts a team's yield only for that team", async () => {
      const res = await t.get(`/api/dashboard/top?year=2026&teamId=${f.teamB}`, f.leader.token);
      expect(res.body.cards).toEqual([]);
    });
  });

  describe('GET /api/dashboard/response-times', () => {
    it('times the first response of inbound leads: median, p90 and the share within 24 hours', async () => {
      const res = await t.get('/api/dashboard/response-times?year=2026', f.leader.token);
      expect(res.status).toBe(200);
      expect(res.body.targetHours).toBe(24);
      const brief = (
        r: Record<string, unknown> & {
          leads: { value: number };
          responded: { value: number };
          unanswered: { value: number };
        },
      ) => [
        r.source,
        r.leads.value,
        r.responded.value,
        r.unanswered.value,
        r.medianHours,
        r.p90Hours,
        r.withinTarget,
        r.decided,
        r.shareWithinTarget,
      ];
      expect(brief(res.body.overall)).toEqual(['all', 4, 3, 1, 10, 26, 2, 4, 0.5]);
      expect(res.body.bySource.map(brief)).toEqual([
        ['card_interest', 2, 2, 0, 16, 27.2, 1, 2, 0.5],
        ['inbound_visit', 1, 1, 0, 10, 10, 1, 1, 1],
        ['online', 1, 0, 1, null, null, 0, 1, 0],
      ]);
      expect(res.body.overall.unanswered.drill).toEqual({
        path: '/leads',
        query: { source: 'card_interest,inbound_visit,online', from: Y, to: Y1, responded: 'false' },
      });
      expect((await follow(res.body.overall.leads.drill, f.leader.token)).total).toBe(4);
      expect((await follow(res.body.overall.unanswered.drill, f.leader.token)).total).toBe(1);
    });
  });
});
