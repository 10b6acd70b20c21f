import { Workbook } from 'exceljs';
import { TestApp, fieldsNamed, type TestUser } from './harness';

type Body = Record<string, unknown>;

describe('delegations: trips and receptions, visits, leads, the trip report and attribution', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let official: TestUser;
  let staffA: TestUser;
  let staffA2: TestUser;
  let staffB: TestUser;
  let staffB2: TestUser;

  const trip = {
    direction: 'outbound',
    name: '汽车专班赴沪招商小分队',
    cities: ['上海', '苏州'],
    startsOn: '2026-12-01',
    endsOn: '2026-12-03',
    purpose: '拜访新能源汽车零部件企业',
  };

  beforeAll(async () => {
    t = await TestApp.start('delegations');
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader', 'leader');
    official = await t.createUser('zhang.quzhang', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    staffA2 = await t.createUser('staff.a2', 'staff', teamA);
    staffB = await t.createUser('staff.b', 'staff', teamB);
    staffB2 = await t.createUser('staff.b2', 'staff', teamB);
  });
  afterAll(() => t.close());

  const ok = async <T = Body>(response: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> => {
    const res = await response;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const newTrip = (user: TestUser, body: Body = {}) =>
    ok(t.post('/api/delegations', { ...trip, ...body }, user.token), 201);
  const newCompany = (user: TestUser, name: string, body: Body = {}) =>
    ok(t.post('/api/companies', { name, ...body }, user.token), 201);
  const addVisit = (user: TestUser, delegationId: unknown, body: Body) =>
    ok(t.post(`/api/delegations/${delegationId}/visits`, body, user.token), 201);

  describe('POST /api/delegations', () => {
    it('plans a trip with its members and leading official, owned by the caller and their team', async () => {
      const created = await t.post(
        '/api/delegations',
        { ...trip, memberIds: [staffA.id, staffA2.id], leaderId: official.id },
        staffA.token,
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        direction: 'outbound',
        name: '汽车专班赴沪招商小分队',
        cities: ['上海', '苏州'],
        startsOn: '2026-12-01',
        endsOn: '2026-12-03',
        memberIds: [staffA.id, staffA2.id],
        members: [
          { id: staffA.id, displayName: 'staff.a' },
          { id: staffA2.id, displayName: 'staff.a2' },
        ],
        leaderId: official.id,
        leader: { id: official.id, displayName: 'zhang.quzhang' },
        purpose: '拜访新能源汽车零部件企业',
        ownerId: staffA.id,
        ownerName: 'staff.a',
        teamId: staffA.teamId,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it('refuses an end before the start (400 naming endsOn) and bad or unknown fields', async () => {
      const backwards = await t.post('/api/delegations', { ...trip, endsOn: '2026-11-30' }, staffA.token);
      expect(backwards.status).toBe(400);
      expect(backwards.body).toEqual({
        statusCode: 400,
        error: expect.any(String),
        code: 'input.invalid',
        message: expect.stringContaining('endsOn'),
        details: [{ field: 'endsOn', message: expect.any(String) }],
      });
      const bad = await t.post(
        '/api/delegations',
        { ...trip, direction: 'sideways', startsOn: '12/01/2026', memberIds: ['x'], budget: 5 },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect([...new Set(fieldsNamed(bad.body))]).toEqual(['budget', 'direction', 'memberIds', 'startsOn']);
    });

    it('needs members who exist and a leading official who is a leader', async () => {
      const staffAsOfficial = await t.post('/api/delegations', { ...trip, leaderId: staffA2.id }, staffA.token);
      expect(staffAsOfficial.status).toBe(400);
      expect(staffAsOfficial.body.details).toEqual([{ field: 'leaderId', message: expect.any(String) }]);
      const ghost = await t.post(
        '/api/delegations',
        { ...trip, memberIds: ['7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d'] },
        staffA.token,
      );
      expect(ghost.status).toBe(400);
      expect(ghost.body.details).toEqual([{ field: 'memberIds', message: expect.any(String) }]);
    });
  });

  describe('PATCH /api/delegations/:id', () => {
    it('edits with the version read, refuses a stale one (409) and a change of direction (400)', async () => {
      const delegation = await newTrip(staffA);
      const edited = await ok(
        t.patch(`/api/delegations/${delegation.id}`, { cities: ['上海', '宁波'], version: 1 }, staffA2.token),
      );
      expect(edited).toMatchObject({ cities: ['上海', '宁波'], version: 2 });
      const stale = await t.patch(
        `/api/delegations/${delegation.id}`,
        { name: '晚到的修改', version: 1 },
        staffA.token,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([{ field: 'version', message: expect.any(String) }]);
      const direction = await t.patch(
        `/api/delegations/${delegation.id}`,
        { direction: 'inbound', version: 2 },
        staffA.token,
      );
      expect(direction.status).toBe(400);
      expect(direction.body.details).toEqual([
        { field: 'direction', message: expect.stringContaining('unknown field') },
      ]);
      const trail = await ok<{ items: Body[] }>(
        t.get(`/api/audit?entity=delegation&entityId=${delegation.id}`, staffA.token),
      );
      expect(trail.items.find((e) => e.action === 'update')).toMatchObject({
        before: { cities: ['上海', '苏州'] },
        after: { cities: ['上海', '宁波'] },
      });
    });

    it('will not move the dates so that a visit falls outside the trip (422 naming the date)', async () => {
      const delegation = await newTrip(staffA);
      const company = await newCompany(staffA, '延锋汽车饰件系统有限公司');
      await addVisit(staffA, delegation.id, { companyId: company.id, visitedAt: '2026-12-03T10:00:00+08:00' });
      const shorter = await t.patch(
        `/api/delegations/${delegation.id}`,
        { endsOn: '2026-12-02', version: 1 },
        staffA.token,
      );
      expect(shorter.status).toBe(422);
      expect(shorter.body.details).toEqual([{ field: 'endsOn', message: expect.stringContaining('2026-12-03') }]);
      const later = await t.patch(
        `/api/delegations/${delegation.id}`,
        { startsOn: '2026-12-04', endsOn: '2026-12-05', version: 1 },
        staffA.token,
      );
      expect(later.status).toBe(422);
      expect(later.body.details[0].field).toBe('startsOn');
      expect((await ok(t.get(`/api/delegations/${delegation.id}`, staffA.token))).endsOn).toBe('2026-12-03');
    });
  });

  describe('team scoping', () => {
    it("answers 404 to another team's staff, lets a member from another team see the trip, and leaders all", async () => {
      const delegation = await newTrip(staffA, { memberIds: [staffB2.id] });
      const base = `/api/delegations/${delegation.id}`;
      for (const res of [
        await t.get(base, staffB.token),
        await t.patch(base, { name: 'x', version: 1 }, staffB.token),
        await t.delete(base, staffB.token),
        await t.get(`${base}/visits`, staffB.token),
        await t.post(
          `${base}/visits`,
          { companyId: delegation.id, visitedAt: '2026-12-01T10:00:00+08:00' },
          staffB.token,
        ),
        await t.get(`${base}/touches`, staffB.token),
        await t.get(`${base}/report`, staffB.token),
        await t.get(`${base}/report.xlsx`, staffB.token),
        await t.get(`/api/audit?entity=delegation&entityId=${delegation.id}`, staffB.token),
      ]) {
        expect(res.status).toBe(404);
      }
      expect(
        (await ok<{ items: Body[] }>(t.get('/api/delegations?limit=200', staffB.token))).items.map((d) => d.id),
      ).not.toContain(delegation.id);
      expect((await t.get(base, staffB2.token)).status).toBe(200);
      expect(
        (await ok<{ items: Body[] }>(t.get('/api/delegations?limit=200', staffB2.token))).items.map((d) => d.id),
      ).toContain(delegation.id);
      expect((await t.get(base, leader.token)).status).toBe(200);
    });
  });

  describe('visits', () => {
    it('refuses a visit outside the trip (400 naming visitedAt), judged by the China date', async () => {
      const delegation = await newTrip(staffA);
      const company = await newCompany(staffA, '联合汽车电子有限公司');
      for (const visitedAt of ['2026-11-30T15:00:00+08:00', '2026-12-04T09:00:00+08:00', '2026-12-03T16:30:00Z']) {
        const bad = await t.post(
          `/api/delegations/${delegation.id}/visits`,
          { companyId: company.id, visitedAt },
          staffA.token,
        );
        expect(bad.status).toBe(400);
        expect(bad.body).toEqual({
          statusCode: 400,
          error: expect.any(String),
          code: 'input.invalid',
          message: expect.stringContaining('visitedAt'),
          details: [{ field: 'visitedAt', message: expect.stringContaining('2026-12-01 至 2026-12-03') }],
        });
      }
      const lastEvening = await addVisit(staffA, delegation.id, {
        companyId: company.id,
        visitedAt: '2026-12-03T23:30:00+08:00',
      });
      const moved = await t.patch(
        `/api/delegations/${delegation.id}/visits/${lastEvening.id}`,
        { visitedAt: '2026-12-05T10:00:00+08:00', version: 1 },
        staffA.token,
      );
      expect(moved.status).toBe(400);
      expect(moved.body.details[0].field).toBe('visitedAt');
      const unknown = await t.post(
        `/api/delegations/${delegation.id}/visits`,
        { companyId: '7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d', visitedAt: '2026-12-02T10:00:00+08:00' },
        staffA.token,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'companyId', message: expect.any(String) }]);
      const stray = await t.post(
        `/api/delegations/${delegation.id}/visits`,
        { companyId: company.id, visitedAt: '2026-12-02T10:00:00+08:00', rating: 5 },
        staffA.token,
      );
      expect(stray.status).toBe(400);
      expect(stray.body.details).toEqual([{ field: 'rating', message: expect.stringContaining('unknown field') }]);
    });

    it('visit → activity → lead: a planned visit is recorded, writes a visit on the company timeline, then gives one lead', async () => {
      const delegation = await newTrip(staffA, { memberIds: [staffA.id, staffA2.id], leaderId: official.id });
      const company = await newCompany(staffA, '上海电驱动股份有限公司');
      const contact = await ok(
        t.post(
          `/api/companies/${company.id}/contacts`,
          { name: '孙董事长', title: '董事长', mobile: '13700003333' },
          staffA.token,
        ),
        201,
      );
      const planned = await addVisit(staffA, delegation.id, {
        companyId: company.id,
        visitedAt: '2026-12-02T10:00:00+08:00',
      });
      expect(planned).toMatchObject({
        recorded: false,
        activityId: null,
        leadId: null,
        companyName: '上海电驱动股份有限公司',
      });
      const early = await t.post(`/api/delegations/${delegation.id}/visits/${planned.id}/lead`, {}, staffA.token);
      expect(early.status).toBe(422);
      expect(early.body.details).toEqual([{ field: 'summary', message: expect.any(String) }]);
      const noTimeline = await ok<{ total: number }>(
        t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, staffA.token),
      );
      expect(noTimeline.total).toBe(0);

      const recorded = await t.patch(
        `/api/delegations/${delegation.id}/visits/${planned.id}`,
        {
          metWith: '孙董事长、投资部李经理',
          contactIds: [contact.id],
          summary: '介绍我区汽车产业链与电驱配套需求，对方有意在华中布局第二工厂',
          result: '对方同意 12 月底来区考察',
          nextStep: '发送区情简介与地块资料',
          version: 1,
        },
        staffA2.token,
      );
      expect(recorded.status).toBe(200);
      expect(recorded.body).toEqual({
        id: planned.id,
        delegationId: delegation.id,
        companyId: company.id,
        companyName: '上海电驱动股份有限公司',
        visitedAt: '2026-12-02T02:00:00.000Z',
        metWith: '孙董事长、投资部李经理',
        contactIds: [contact.id],
        summary: '介绍我区汽车产业链与电驱配套需求，对方有意在华中布局第二工厂',
        result: '对方同意 12 月底来区考察',
        nextStep: '发送区情简介与地块资料',
        activityId: expect.any(String),
        recorded: true,
        leadId: null,
        createdAt: expect.any(String),
        version: 2,
      });
      const timeline = await ok<{ items: Body[] }>(
        t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, staffA.token),
      );
      expect(timeline.items).toEqual([
        expect.objectContaining({
          id: recorded.body.activityId,
          kind: 'visit',
          occurredAt: '2026-12-02T02:00:00.000Z',
          summary:
            '【汽车专班赴沪招商小分队】介绍我区汽车产业链与电驱配套需求，对方有意在华中布局第二工厂\n成果：对方同意 12 月底来区考察',
          nextStep: '发送区情简介与地块资料',
          participants: '孙董事长、投资部李经理',
          actorId: staffA2.id,
        }),
      ]);
      // A second edit does not write the timeline again.
      await ok(
        t.patch(
          `/api/delegations/${delegation.id}/visits/${planned.id}`,
          { result: '已约定考察日期', version: 2 },
          staffA.token,
        ),
      );
      expect(
        (
          await ok<{ total: number }>(
            t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, staffA.token),
          )
        ).total,
      ).toBe(1);

      const made = await t.post(
        `/api/delegations/${delegation.id}/visits/${planned.id}/lead`,
        { estimatedWan: 150000 },
        staffA.token,
      );
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        name: '上海电驱动股份有限公司',
        companyId: company.id,
        source: 'outbound_visit',
        sourceRefId: delegation.id,
        status: 'new',
        ownerId: staffA.id,
        teamId: staffA.teamId,
        estimatedWan: 150000,
        contactName: '孙董事长',
        contactMobile: '13700003333',
        notes: '介绍我区汽车产业链与电驱配套需求，对方有意在华中布局第二工厂\n成果：已约定考察日期',
      });
      const visits = await ok<{ items: Body[] }>(t.get(`/api/delegations/${delegation.id}/visits`, staffA.token));
      expect(visits.items[0]).toMatchObject({ id: planned.id, leadId: made.body.id, version: 4 });
      const twice = await t.post(`/api/delegations/${delegation.id}/visits/${planned.id}/lead`, {}, staffA.token);
      expect(twice.status).toBe(422);
      expect(twice.body.details).toEqual([{ field: 'leadId', message: made.body.id }]);

      // Attribution: project ← lead ← visit ← delegation.
      await ok(t.patch(`/api/leads/${made.body.id}`, { status: 'qualified', version: 1 }, staffA.token));
      const { project } = await ok<{ project: Body }>(
        t.post(`/api/leads/${made.body.id}/convert`, { version: 2 }, staffA.token),
      );
      const chain = await ok<{ source: string; sourceRef: Body; chain: Body[] }>(
        t.get(`/api/projects/${project.id}/attribution`, staffA.token),
      );
      expect(chain.source).toBe('outbound_visit');
      expect(chain.chain.map((l) => [l.type, l.name])).toEqual([
        ['project', '上海电驱动股份有限公司'],
        ['lead', '上海电驱动股份有限公司'],
        ['visit', '拜访上海电驱动股份有限公司'],
        ['delegation', '汽车专班赴沪招商小分队'],
      ]);
      expect(chain.chain[2]).toMatchObject({
        typeLabel: '拜访',
        at: '2026-12-02T02:00:00.000Z',
        deleted: false,
        visible: true,
      });
      expect(chain.sourceRef).toEqual({
        type: 'delegation',
        typeLabel: '招商小分队',
        id: delegation.id,
        name: '汽车专班赴沪招商小分队',
        deleted: false,
        visible: true,
        at: '2026-11-30T16:00:00.000Z',
      });
    });

    it('records a reception for an inbound delegation and gives an inbound_visit lead', async () => {
      const reception = await newTrip(staffA, {
        direction: 'inbound',
        name: '宁德时代考察团来访',
        cities: ['宁德'],
        startsOn: '2026-12-15',
        endsOn: '2026-12-15',
      });
      const company = await newCompany(staffA, '宁德时代新能源科技股份有限公司');
      const visit = await addVisit(staffA, reception.id, {
        companyId: company.id,
        visitedAt: '2026-12-15T14:00:00+08:00',
        metWith: '吴副总裁一行 5 人',
        summary: '考察汽车零部件产业园 A-03 地块',
      });
      expect(visit.recorded).toBe(true);
      const timeline = await ok<{ items: Body[] }>(
        t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, staffA.token),
      );
      expect(timeline.items.map((a) => a.kind)).toEqual(['reception']);
      const made = await ok(
        t.post(`/api/delegations/${reception.id}/visits/${visit.id}/lead`, { name: '储能电池项目' }, staffA.token),
        201,
      );
      expect(made).toMatchObject({ name: '储能电池项目', source: 'inbound_visit', sourceRefId: reception.id });
      const chain = await ok<{ chain: Body[] }>(t.get(`/api/leads/${made.id}/attribution`, staffA.token));
      expect(chain.chain.map((l) => l.name)).toEqual([
        '储能电池项目',
        '接待宁德时代新能源科技股份有限公司',
        '宁德时代考察团来访',
      ]);
    });

    it('warns before making a lead on a company another team works (409), unless acknowledged', async () => {
      const delegation = await newTrip(staffA);
      const company = await newCompany(staffB, '中车株洲电力机车有限公司');
      await ok(t.post('/api/leads', { name: '轨交配套', source: 'online', companyId: company.id }, staffB.token), 201);
      const visit = await addVisit(staffA, delegation.id, {
        companyId: company.id,
        visitedAt: '2026-12-01T15:00:00+08:00',
        summary: '交流',
      });
      const warned = await t.post(`/api/delegations/${delegation.id}/visits/${visit.id}/lead`, {}, staffA.token);
      expect(warned.status).toBe(409);
      expect(warned.body.details).toEqual([{ field: 'companyId', message: expect.stringContaining('轨交专班') }]);
      expect(
        ((await ok(t.get(`/api/delegations/${delegation.id}/visits`, staffA.token))) as { items: Body[] }).items[0]
          .leadId,
      ).toBeNull();
      expect(
        (
          await t.post(
            `/api/delegations/${delegation.id}/visits/${visit.id}/lead`,
            { acknowledgeCollision: true },
            staffA.token,
          )
        ).status,
      ).toBe(201);
    });

    it('follows a company merge', async () => {
      const delegation = await newTrip(staffA);
      const keep = await newCompany(staffA, '博世汽车部件（苏州）有限公司');
      const dupe = await newCompany(staffA, '苏州博世');
      const visit = await addVisit(staffA, delegation.id, {
        companyId: dupe.id,
        visitedAt: '2026-12-02T09:00:00+08:00',
      });
      await ok(t.post(`/api/companies/${keep.id}/merge`, { sourceId: dupe.id }, leader.token), 201);
      const visits = await ok<{ items: Body[] }>(t.get(`/api/delegations/${delegation.id}/visits`, staffA.token));
      expect(visits.items).toEqual([expect.objectContaining({ id: visit.id, companyId: keep.id })]);
    });
  });

  describe('GET /api/delegations/:id/touches', () => {
    it('shows, for each company on the itinerary, which teams already work it and when', async () => {
      const delegation = await newTrip(staffA);
      const contested = await newCompany(staffB, '中车浦镇车辆有限公司');
      const fresh = await newCompany(staffA, '从未接触的企业');
      await ok(
        t.post('/api/leads', { name: '轨交车辆配套', source: 'online', companyId: contested.id }, staffB.token),
        201,
      );
      const v1 = await addVisit(staffA, delegation.id, {
        companyId: contested.id,
        visitedAt: '2026-12-01T10:00:00+08:00',
      });
      const v2 = await addVisit(staffA, delegation.id, { companyId: fresh.id, visitedAt: '2026-12-01T15:00:00+08:00' });
      const v3 = await addVisit(staffA, delegation.id, {
        companyId: contested.id,
        visitedAt: '2026-12-03T10:00:00+08:00',
      });
      const touches = await t.get(`/api/delegations/${delegation.id}/touches`, staffA.token);
      expect(touches.status).toBe(200);
      expect(touches.body).toEqual({
        items: [
          {
            companyId: contested.id,
            companyName: '中车浦镇车辆有限公司',
            visitIds: [v1.id, v3.id],
            touches: [
              {
                teamId: staffB.teamId,
                teamName: '轨交专班',
                leadCount: 1,
                projectCount: 0,
                lastActedAt: expect.any(String),
                ownTeam: false,
              },
            ],
            otherTeams: 1,
          },
          { companyId: fresh.id, companyName: '从未接触的企业', visitIds: [v2.id], touches: [], otherTeams: 0 },
        ],
        nextCursor: null,
        total: 2,
      });
    });
  });

  describe('GET /api/delegations/:id/report', () => {
    let delegation: Body;
    let visits: Body[];
    let leadId: string;

    beforeAll(async () => {
      delegation = await newTrip(staffA, {
        name: '汽车专班赴长三角招商',
        memberIds: [staffA.id, staffA2.id],
        leaderId: official.id,
      });
      const c1 = await newCompany(staffA, '蔚来汽车科技（安徽）有限公司', { city: '合肥' });
      const c2 = await newCompany(staffA, '上海捷氢科技股份有限公司', { city: '上海' });
      const contact = await ok(
        t.post(`/api/companies/${c1.id}/contacts`, { name: '郑总', title: '供应链副总裁' }, staffA.token),
        201,
      );
      visits = [
        await addVisit(staffA, delegation.id, {
          companyId: c1.id,
          visitedAt: '2026-12-01T10:00:00+08:00',
          contactIds: [contact.id],
          summary: '座谈零部件本地配套',
          result: '达成初步合作意向',
          nextStep: '组织配套企业对接',
        }),
        await addVisit(staffA, delegation.id, {
          companyId: c2.id,
          visitedAt: '2026-12-02T14:30:00+08:00',
          metWith: '王总',
          summary: '了解氢燃料电池电堆扩产计划',
        }),
        await addVisit(staffA, delegation.id, { companyId: c1.id, visitedAt: '2026-12-02T09:00:00+08:00' }),
      ];
      const made = await ok(
        t.post(
          `/api/delegations/${delegation.id}/visits/${visits[0].id}/lead`,
          { name: '整车配套产业园项目' },
          staffA.token,
        ),
        201,
      );
      leadId = made.id as string;
      await ok(t.patch(`/api/leads/${leadId}`, { status: 'qualified', version: 1 }, staffA.token));
      const { project } = await ok<{ project: Body }>(
        t.post(`/api/leads/${leadId}/convert`, { version: 2 }, staffA.token),
      );
      await ok(
        t.post(
          `/api/projects/${project.id}/transitions`,
          { to: 'signed', signedAt: '2026-12-20', contractedWan: 50000, version: project.version },
          staffA.token,
        ),
      );
    });

    it('is generated from the visits: who went where, how many days, whom they met, what came of it', async () => {
      const res = await t.get(`/api/delegations/${delegation.id}/report`, staffA2.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        title: '外出招商情况表',
        delegation: expect.objectContaining({
          id: delegation.id,
          name: '汽车专班赴长三角招商',
          direction: 'outbound',
          directionLabel: '走出去',
          cities: ['上海', '苏州'],
          startsOn: '2026-12-01',
          endsOn: '2026-12-03',
          days: 3,
          teamName: '汽车专班',
          leader: { id: official.id, displayName: 'zhang.quzhang' },
          members: [
            { id: staffA.id, displayName: 'staff.a' },
            { id: staffA2.id, displayName: 'staff.a2' },
          ],
        }),
        visits: [
          {
            id: visits[0].id,
            visitedAt: '2026-12-01T02:00:00.000Z',
            date: '2026-12-01',
            companyId: visits[0].companyId,
            companyName: '蔚来汽车科技（安徽）有限公司',
            companyCity: '合肥',
            metWith: null,
            contacts: [{ id: expect.any(String), name: '郑总', title: '供应链副总裁' }],
            summary: '座谈零部件本地配套',
            result: '达成初步合作意向',
            nextStep: '组织配套企业对接',
            lead: { id: leadId, name: '整车配套产业园项目', status: 'converted', deleted: false },
          },
          expect.objectContaining({ id: visits[2].id, date: '2026-12-02', summary: null, lead: null }),
          expect.objectContaining({
            id: visits[1].id,
            date: '2026-12-02',
            companyName: '上海捷氢科技股份有限公司',
            metWith: '王总',
            contacts: [],
          }),
        ],
        totals: {
          visits: 3,
          recordedVisits: 2,
          companies: 2,
          contacts: 1,
          visitDays: 2,
          leads: 1,
          qualifiedLeads: 1,
          convertedLeads: 1,
          projects: 1,
          signedProjects: 1,
          lostAfterSigning: 0,
          contractedWan: 50000,
        },
        generatedAt: expect.any(String),
      });
    });

    it('exports the same as a tidy .xlsx: title, particulars, header, one row per visit, totals', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/delegations/${delegation.id}/report.xlsx`,
        headers: { authorization: `Bearer ${staffA.token}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('外出招商情况表-2026-12-01.xlsx')}`,
      );
      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('外出招商情况表')!;
      const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(sheet.getCell('A1').value).toBe('汽车专班赴长三角招商 — 外出招商情况表');
      expect(sheet.getCell('A1').isMerged).toBe(true);
      expect(sheet.getCell('A2').value).toBe(
        '类型：走出去　时间：2026-12-01 至 2026-12-03（3 天）　目的地：上海、苏州　带队领导：zhang.quzhang　成员：staff.a、staff.a2　专班：汽车专班',
      );
      expect(row(3)).toEqual([
        '序号',
        '日期',
        '时间',
        '城市',
        '企业',
        '会见人员',
        '洽谈情况',
        '成果',
        '下一步',
        '线索',
      ]);
      // Date cells at the district's wall clock (exceljs reads them back as Dates with those UTC fields).
      expect([sheet.getCell('B4').numFmt, sheet.getCell('C4').numFmt]).toEqual(['yyyy-mm-dd', 'hh:mm']);
      expect(row(4)).toEqual([
        1,
        new Date('2026-12-01T00:00:00Z'),
        new Date('2026-12-01T10:00:00Z'),
        '合肥',
        '蔚来汽车科技（安徽）有限公司',
        '郑总（供应链副总裁）',
        '座谈零部件本地配套',
        '达成初步合作意向',
        '组织配套企业对接',
        '整车配套产业园项目（已转项目）',
      ]);
      expect(row(5)).toEqual([
        2,
        new Date('2026-12-02T00:00:00Z'),
        new Date('2026-12-02T09:00:00Z'),
        '合肥',
        '蔚来汽车科技（安徽）有限公司',
        '',
        '（未记录）',
        '',
        '',
        '',
      ]);
      expect(row(6)).toEqual([
        3,
        new Date('2026-12-02T00:00:00Z'),
        new Date('2026-12-02T14:30:00Z'),
        '上海',
        '上海捷氢科技股份有限公司',
        '王总',
        '了解氢燃料电池电堆扩产计划',
        '',
        '',
        '',
      ]);
      expect(row(7)).toEqual(['合计', '2 天', '', '', '2 家企业，3 次拜访', '1 位联系人', '', '', '', '1 条线索']);
      expect(sheet.getCell('A8').value).toBe(
        '成效：线索 1 条（意向明确 1 条），项目 1 个，签约 1 个，签约额 50000 万元',
      );
      expect(sheet.getCell('A4').border).toMatchObject({ top: { style: 'thin' } });
    });
  });

  describe('GET /api/delegations', () => {
    it('filters by direction, city and dates, and sorts by yield on the server with a cursor', async () => {
      const made: Body[] = [];
      for (const [name, leads] of [
        ['北京小分队甲', 1],
        ['北京小分队乙', 3],
        ['北京小分队丙', 2],
      ] as const) {
        const delegation = await newTrip(staffA2, {
          name,
          cities: ['北京'],
          startsOn: '2027-04-01',
          endsOn: '2027-04-02',
        });
        for (let i = 0; i < leads; i += 1) {
          const company = await newCompany(staffA2, `${name}企业${i}`);
          const visit = await addVisit(staffA2, delegation.id, {
            companyId: company.id,
            visitedAt: '2027-04-01T10:00:00+08:00',
            summary: '拜访',
          });
          await ok(t.post(`/api/delegations/${delegation.id}/visits/${visit.id}/lead`, {}, staffA2.token), 201);
        }
        made.push(delegation);
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/delegations?city=北京&direction=outbound&from=2027-04-01&to=2027-04-30&sort=leads:desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Body[]; nextCursor: string | null; total: number } = await ok(t.get(url, staffA.token));
        expect(page.total).toBe(3);
        names.push(...page.items.map((d) => d.name as string));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toEqual(['北京小分队乙', '北京小分队丙', '北京小分队甲']);
      const first = await ok<{ items: Body[] }>(
        t.get('/api/delegations?city=北京&sort=leads:desc&limit=1', staffA.token),
      );
      expect(first.items[0]).toMatchObject({
        id: made[1].id,
        members: [],
        leader: null,
        yield: {
          visits: 3,
          recordedVisits: 3,
          companies: 3,
          leads: 3,
          qualifiedLeads: 0,
          convertedLeads: 0,
          projects: 0,
          signedProjects: 0,
          lostAfterSigning: 0,
          contractedWan: 0,
        },
      });
      expect(
        (await ok<{ total: number }>(t.get('/api/delegations?city=北京&direction=inbound', staffA.token))).total,
      ).toBe(0);
      expect((await ok<{ total: number }>(t.get('/api/delegations?city=北京&to=2027-03-31', staffA.token))).total).toBe(
        0,
      );
      const badSort = await t.get('/api/delegations?sort=budget:desc', staffA.token);
      expect(badSort.status).toBe(400);
      expect(badSort.body.details).toEqual([{ field: 'sort', message: expect.any(String) }]);
      const badDate = await t.get('/api/delegations?from=April', staffA.token);
      expect(badDate.status).toBe(400);
      expect(badDate.body.details[0].field).toBe('from');
    });
  });

  describe('GET /api/delegations/calendar', () => {
    it('gives trips as whole China days overlapping the range', async () => {
      const delegation = await newTrip(staffA, { name: '日历小分队', startsOn: '2027-08-30', endsOn: '2027-09-01' });
      const res = await ok<{ items: Body[] }>(
        t.get(
          '/api/delegations/calendar?from=2027-09-01T00:00:00%2B08:00&to=2027-10-01T00:00:00%2B08:00',
          staffA.token,
        ),
      );
      expect(res.items).toEqual([
        {
          kind: 'delegation',
          id: delegation.id,
          title: '日历小分队',
          start: '2027-08-29T16:00:00.000Z',
          end: '2027-09-01T16:00:00.000Z',
          allDay: true,
          cities: ['上海', '苏州'],
          format: null,
          direction: 'outbound',
          teamId: staffA.teamId,
        },
      ]);
      const after = await ok<{ total: number }>(
        t.get(
          '/api/delegations/calendar?from=2027-09-02T00:00:00%2B08:00&to=2027-10-01T00:00:00%2B08:00',
          staffA.token,
        ),
      );
      expect(after.total).toBe(0);
    });
  });

  describe('DELETE /api/delegations/:id', () => {
    it('keeps its leads and their attribution, marked deleted; only admins list and restore it', async () => {
      const delegation = await newTrip(staffA, { name: '将被删除的小分队' });
      const company = await newCompany(staffA, '删除测试企业');
      const visit = await addVisit(staffA, delegation.id, {
        companyId: company.id,
        visitedAt: '2026-12-01T10:00:00+08:00',
        summary: '拜访',
      });
      const made = await ok(t.post(`/api/delegations/${delegation.id}/visits/${visit.id}/lead`, {}, staffA.token), 201);
      expect((await t.delete(`/api/delegations/${delegation.id}?version=9`, staffA.token)).status).toBe(409);
      expect((await t.delete(`/api/delegations/${delegation.id}`, staffA.token)).status).toBe(204);
      expect((await t.get(`/api/delegations/${delegation.id}`, staffA.token)).status).toBe(404);
      expect((await t.get(`/api/leads/${made.id}`, staffA.token)).status).toBe(200);
      const source = await ok<{ sourceRef: Body; chain: Body[] }>(
        t.get(`/api/leads/${made.id}/attribution`, staffA.token),
      );
      expect(source.sourceRef).toMatchObject({
        type: 'delegation',
        name: '将被删除的小分队',
        deleted: true,
        visible: false,
      });
      expect(source.chain.map((l) => [l.type, l.deleted])).toEqual([
        ['lead', false],
        ['visit', true],
        ['delegation', true],
      ]);
      expect((await t.get('/api/delegations?deleted=true', staffA.token)).status).toBe(403);
      expect(
        (await ok<{ items: Body[] }>(t.get('/api/delegations?deleted=true', admin.token))).items.map((d) => d.id),
      ).toContain(delegation.id);
      expect((await t.post(`/api/delegations/${delegation.id}/restore`, {}, admin.token)).status).toBe(201);
      expect((await t.get(`/api/delegations/${delegation.id}`, staffA.token)).status).toBe(200);
    });
  });

  describe('GET /api/docs-json', () => {
    it('documents every delegation route with explicit response schemas', async () => {
      const doc = (await t.get('/api/docs-json')).body;
      const routes: Array<[string, string, string]> = [
        ['/api/delegations', 'get', 'DelegationPageDto'],
        ['/api/delegations', 'post', 'DelegationResponseDto'],
        ['/api/delegations/calendar', 'get', 'CalendarResponseDto'],
        ['/api/delegations/{id}', 'get', 'DelegationResponseDto'],
        ['/api/delegations/{id}', 'patch', 'DelegationResponseDto'],
        ['/api/delegations/{id}/touches', 'get', 'ItineraryTouchListDto'],
        ['/api/delegations/{id}/report', 'get', 'DelegationReportResponseDto'],
        ['/api/delegations/{id}/visits', 'get', 'VisitListResponseDto'],
        ['/api/delegations/{id}/visits', 'post', 'VisitResponseDto'],
        ['/api/delegations/{id}/visits/{visitId}', 'patch', 'VisitResponseDto'],
        ['/api/delegations/{id}/visits/{visitId}/lead', 'post', 'LeadResponseDto'],
      ];
      for (const [path, method, schema] of routes) {
        const refs = Object.values(doc.paths[path]?.[method]?.responses ?? {}).map((r) => JSON.stringify(r));
        expect({ path, method, documented: refs.some((r) => r.includes(`#/components/schemas/${schema}`)) }).toEqual({
          path,
          method,
          documented: true,
        });
      }
      expect(Object.keys(doc.paths['/api/delegations/{id}/report.xlsx'].get.responses['200'].content)).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      expect(doc.components.schemas.ReportTotalsResponseDto.required).toEqual(
        expect.arrayContaining(['visits', 'companies', 'contacts', 'visitDays', 'leads', 'contractedWan']),
      );
    });
  });
});
