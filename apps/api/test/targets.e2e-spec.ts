import { TestApp, fieldsNamed, type TestUser } from './harness';

describe('annual targets', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staffA: TestUser;
  let staffB: TestUser;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    t = await TestApp.start('targets');
    teamA = await t.createTeam('汽车专班');
    teamB = await t.createTeam('轨交专班');
    admin = await t.createUser('target.admin', 'admin');
    leader = await t.createUser('target.leader', 'leader');
    staffA = await t.createUser('target.a', 'staff', teamA);
    staffB = await t.createUser('target.b', 'staff', teamB);
  });
  afterAll(() => t.close());

  const district = {
    year: 2026,
    newLeads: 1200,
    projectsSigned: 80,
    contractedWan: 3_000_000,
    paidInDomesticWan: 1_500_000,
    paidInForeignWan: 20_000,
    projectsStarted: 40,
    projectsInProduction: 25,
  };

  describe('POST /api/targets', () => {
    it("lets a leader set the district's targets for a year (teamId null), all seven figures", async () => {
      const res = await t.post('/api/targets', district, leader.token);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ...district,
        teamId: null,
        teamName: null,
        notes: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it("lets an admin set a team's targets; figures left out are 0", async () => {
      const res = await t.post(
        '/api/targets',
        { year: 2026, teamId: teamA, newLeads: 300, contractedWan: 800_000, notes: '含两个链主项目' },
        admin.token,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        year: 2026,
        teamId: teamA,
        teamName: '汽车专班',
        newLeads: 300,
        projectsSigned: 0,
        contractedWan: 800_000,
        paidInDomesticWan: 0,
        notes: '含两个链主项目',
      });
    });

    it('refuses a second target for the same year and team (or district) with 409', async () => {
      const team = await t.post('/api/targets', { year: 2026, teamId: teamA, newLeads: 1 }, leader.token);
      expect(team.status).toBe(409);
      expect(team.body.details[0].field).toBe('teamId');
      expect((await t.post('/api/targets', { year: 2026, newLeads: 1 }, leader.token)).status).toBe(409);
      expect((await t.post('/api/targets', { year: 2027, newLeads: 1 }, leader.token)).status).toBe(201);
    });

    it('is for leaders and admins only', async () => {
      const res = await t.post('/api/targets', { year: 2026, teamId: teamB, newLeads: 1 }, staffB.token);
      expect(res.status).toBe(403);
    });

    it('names bad fields: year, negative and fractional figures, unknown team, unknown fields', async () => {
      const bad = await t.post(
        '/api/targets',
        { year: 1999, newLeads: -1, contractedWan: 1.5, color: 'red' },
        leader.token,
      );
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['color', 'contractedWan', 'newLeads', 'year']);
      const noTeam = await t.post(
        '/api/targets',
        { year: 2026, teamId: '5b0c4d2e-1f3a-4b5c-8d9e-0f1a2b3c4d5e' },
        leader.token,
      );
      expect(noTeam.status).toBe(400);
      expect(noTeam.body.details[0].field).toBe('teamId');
    });
  });

  describe('GET /api/targets', () => {
    it('shows leaders every target of a year, the district first', async () => {
      const res = await t.get('/api/targets?year=2026', leader.token);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((x: { teamName: string | null }) => x.teamName)).toEqual([null, '汽车专班']);
    });

    it("shows staff the district's and their own team's only", async () => {
      await t.post('/api/targets', { year: 2026, teamId: teamB, newLeads: 50 }, leader.token);
      const a = await t.get('/api/targets?year=2026', staffA.token);
      expect(a.body.items.map((x: { teamId: string | null }) => x.teamId)).toEqual([null, teamA]);
      const bTarget = (await t.get(`/api/targets?year=2026&teamId=${teamB}`, leader.token)).body.items[0];
      expect((await t.get(`/api/targets/${bTarget.id}`, staffA.token)).status).toBe(404);
      expect((await t.get(`/api/targets/${bTarget.id}`, staffB.token)).status).toBe(200);
    });

    it('filters by `district`', async () => {
      const res = await t.get('/api/targets?teamId=district', leader.token);
      expect(res.body.items.map((x: { year: number }) => x.year)).toEqual([2027, 2026]);
      expect((await t.get('/api/targets?teamId=nonsense', leader.token)).status).toBe(400);
    });
  });

  describe('PATCH /api/targets/:id', () => {
    it('changes figures with the version, audited before and after', async () => {
      const target = (await t.get('/api/targets?year=2026&teamId=district', leader.token)).body.items[0];
      const res = await t.patch(
        `/api/targets/${target.id}`,
        { projectsSigned: 90, version: target.version },
        leader.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ projectsSigned: 90, newLeads: 1200, version: target.version + 1 });
      const trail = await t.get(`/api/audit?entity=target&entityId=${target.id}`, admin.token);
      const update = trail.body.items.find((e: { action: string }) => e.action === 'update');
      expect(update).toMatchObject({
        actorId: leader.id,
        before: { projectsSigned: 80 },
        after: { projectsSigned: 90 },
      });
    });

    it('refuses a stale version with 409 and staff with 403', async () => {
      const target = (await t.get('/api/targets?year=2026&teamId=district', leader.token)).body.items[0];
      expect(
        (await t.patch(`/api/targets/${target.id}`, { newLeads: 1, version: target.version - 1 }, admin.token)).status,
      ).toBe(409);
      expect(
        (await t.patch(`/api/targets/${target.id}`, { newLeads: 1, version: target.version }, staffA.token)).status,
      ).toBe(403);
    });
  });

  describe('DELETE /api/targets/:id', () => {
    it('removes a target so the year can be set again', async () => {
      const target = (await t.get('/api/targets?year=2027', leader.token)).body.items[0];
      expect((await t.delete(`/api/targets/${target.id}`, leader.token)).status).toBe(204);
      expect((await t.get(`/api/targets/${target.id}`, leader.token)).status).toBe(404);
      expect((await t.post('/api/targets', { year: 2027, newLeads: 5 }, leader.token)).status).toBe(201);
    });
  });
});
