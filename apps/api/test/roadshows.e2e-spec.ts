import { TestApp, fieldsNamed, type TestUser } from './harness';

type Body = Record<string, unknown>;

describe('roadshows: planning, attendees, leads, on-site signings, yield and attribution', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staffA: TestUser;
  let staffA2: TestUser;
  let staffB: TestUser;

  const plan = {
    name: '2026 汽车零部件产业（上海）推介会',
    city: '上海',
    venue: '上海国际会议中心 3 号厅',
    startsAt: '2026-12-10T09:00:00+08:00',
    endsAt: '2026-12-11T17:00:00+08:00',
    format: 'hybrid',
    hosts: ['区人民政府', '区投资促进局'],
    chainCodes: ['automotive'],
    budgetWan: 60,
  };

  beforeAll(async () => {
    t = await TestApp.start('roadshows');
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    staffA2 = await t.createUser('staff.a2', 'staff', teamA);
    staffB = await t.createUser('staff.b', 'staff', teamB);
    // The chain taxonomy (automotive, rail_transit…) is seeded with the schema.
    const chains = await ok<{ items: Array<{ code: string }> }>(t.get('/api/chains', admin.token));
    expect(chains.items.map((c) => c.code)).toEqual(expect.arrayContaining(['automotive', 'rail_transit']));
  });
  afterAll(() => t.close());

  const ok = async <T = Body>(response: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> => {
    const res = await response;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const newRoadshow = (user: TestUser, body: Body = {}) =>
    ok(t.post('/api/roadshows', { ...plan, ...body }, user.token), 201);
  const newCompany = (user: TestUser, name: string) => ok(t.post('/api/companies', { name }, user.token), 201);
  const lead = (user: TestUser, id: unknown) => ok(t.get(`/api/leads/${id}`, user.token));
  const qualify = async (user: TestUser, id: string) => {
    const current = await lead(user, id);
    return ok(t.patch(`/api/leads/${id}`, { status: 'qualified', version: current.version }, user.token));
  };
  const convert = async (user: TestUser, id: string) => {
    const current = await qualify(user, id);
    return (await ok<{ project: Body }>(t.post(`/api/leads/${id}/convert`, { version: current.version }, user.token)))
      .project;
  };
  const move = (user: TestUser, project: Body, body: Body) =>
    ok(t.post(`/api/projects/${project.id}/transitions`, { version: project.version, ...body }, user.token));

  describe('POST /api/roadshows', () => {
    it('plans an event owned by the caller and their team', async () => {
      const created = await t.post('/api/roadshows', plan, staffA.token);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: '2026 汽车零部件产业（上海）推介会',
        city: '上海',
        venue: '上海国际会议中心 3 号厅',
        startsAt: '2026-12-10T01:00:00.000Z',
        endsAt: '2026-12-11T09:00:00.000Z',
        format: 'hybrid',
        hosts: ['区人民政府', '区投资促进局'],
        chainCodes: ['automotive'],
        budgetWan: 60,
        promoProjectIds: [],
        promoProjects: [],
        notes: null,
        ownerId: staffA.id,
        ownerName: 'staff.a',
        teamId: staffA.teamId,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it('refuses an end before the start with 400 naming endsAt, and changes nothing', async () => {
      const before = (await ok<{ total: number }>(t.get('/api/roadshows', staffA.token))).total;
      const bad = await t.post('/api/roadshows', { ...plan, endsAt: '2026-12-09T17:00:00+08:00' }, staffA.token);
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({
        statusCode: 400,
        error: expect.any(String),
        code: 'input.invalid',
        message: expect.stringContaining('endsAt'),
        details: [{ field: 'endsAt', message: expect.stringContaining('结束时间不能早于开始时间') }],
      });
      expect((await ok<{ total: number }>(t.get('/api/roadshows', staffA.token))).total).toBe(before);
    });

    it('names every bad field, unknown fields included', async () => {
      const bad = await t.post(
        '/api/roadshows',
        { ...plan, format: 'tv', budgetWan: 1.5, startsAt: 'soon', promoProjectIds: ['x'], yieldLeads: 99 },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['budgetWan', 'format', 'promoProjectIds', 'startsAt', 'yieldLeads']);
      expect(bad.body.details.find((d: { field: string }) => d.field === 'yieldLeads').message).toContain(
        'unknown field',
      );
    });

    it('accepts only existing chain codes and promoted projects', async () => {
      const chain = await t.post(
        '/api/roadshows',
        { ...plan, chainCodes: ['automotive', 'space_elevators'] },
        staffA.token,
      );
      expect(chain.status).toBe(400);
      expect(chain.body.details).toEqual([{ field: 'chainCodes', message: expect.any(String) }]);
      const promo = await t.post(
        '/api/roadshows',
        { ...plan, promoProjectIds: ['7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d'] },
        staffA.token,
      );
      // A reference to a record the caller may not use (here: none at all) is a rule, 422.
      expect(promo.status).toBe(422);
      expect(promo.body.details).toEqual([{ field: 'promoProjectIds', message: expect.any(String) }]);
    });

    it('shows the promoted projects shown at the event by title', async () => {
      const card = await ok(
        t.post('/api/promo-projects', { kind: 'land', title: '汽车零部件产业园 A-03 地块' }, staffA.token),
        201,
      );
      const roadshow = await newRoadshow(staffA, { promoProjectIds: [card.id] });
      expect(roadshow.promoProjects).toEqual([
        { id: card.id, title: '汽车零部件产业园 A-03 地块', status: 'draft', missing: false },
      ]);
    });

    it('lets staff give the event to a teammate but not to another team', async () => {
      expect((await newRoadshow(staffA, { ownerId: staffA2.id })).ownerId).toBe(staffA2.id);
      expect((await t.post('/api/roadshows', { ...plan, ownerId: staffB.id }, staffA.token)).status).toBe(422);
    });
  });

  describe('PATCH /api/roadshows/:id', () => {
    it('edits with the version read and is audited', async () => {
      const roadshow = await newRoadshow(staffA);
      const edited = await t.patch(
        `/api/roadshows/${roadshow.id}`,
        { venue: '浦东香格里拉', budgetWan: 80, version: 1 },
        staffA2.token,
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ venue: '浦东香格里拉', budgetWan: 80, version: 2 });
      const trail = await ok<{ items: Body[] }>(
        t.get(`/api/audit?entity=roadshow&entityId=${roadshow.id}`, staffA2.token),
      );
      expect(trail.items.find((e) => e.action === 'update')).toMatchObject({
        actorId: staffA2.id,
        before: { budgetWan: 60, venue: '上海国际会议中心 3 号厅' },
        after: { budgetWan: 80, venue: '浦东香格里拉' },
      });
    });

    it('refuses a stale version with 409 and keeps the first write', async () => {
      const roadshow = await newRoadshow(staffA);
      await ok(t.patch(`/api/roadshows/${roadshow.id}`, { name: '第一次修改', version: 1 }, staffA.token));
      const stale = await t.patch(`/api/roadshows/${roadshow.id}`, { name: '第二次修改', version: 1 }, staffA2.token);
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([{ field: 'version', message: expect.any(String) }]);
      expect((await ok(t.get(`/api/roadshows/${roadshow.id}`, staffA.token))).name).toBe('第一次修改');
    });

    it('checks a new end against the stored start (400 naming endsAt)', async () => {
      const roadshow = await newRoadshow(staffA);
      const bad = await t.patch(
        `/api/roadshows/${roadshow.id}`,
        { endsAt: '2026-12-01T09:00:00+08:00', version: 1 },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'endsAt', message: expect.any(String) }]);
    });
  });

  describe('team scoping', () => {
    it("answers 404 to another team's staff for everything about an event, while leaders see it", async () => {
      const roadshow = await newRoadshow(staffA, { name: '保密推介会' });
      const base = `/api/roadshows/${roadshow.id}`;
      for (const res of [
        await t.get(base, staffB.token),
        await t.patch(base, { name: 'x', version: 1 }, staffB.token),
        await t.delete(base, staffB.token),
        await t.get(`${base}/yield`, staffB.token),
        await t.get(`${base}/attendees`, staffB.token),
        await t.post(`${base}/attendees`, { company: { name: '某企业' } }, staffB.token),
        await t.post(`${base}/leads`, { name: '越权线索' }, staffB.token),
        await t.post(`${base}/signings`, { project: { name: 'x' }, contractedWan: 1 }, staffB.token),
        await t.get(`/api/audit?entity=roadshow&entityId=${roadshow.id}`, staffB.token),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          statusCode: 404,
          error: expect.any(String),
          code: 'record.not_found',
          message: expect.any(String),
        });
      }
      const listB = await ok<{ items: Body[] }>(t.get('/api/roadshows?limit=200', staffB.token));
      expect(listB.items.map((r) => r.id)).not.toContain(roadshow.id);
      const calendarB = await ok<{ items: Body[] }>(
        t.get('/api/roadshows/calendar?from=2026-12-01T00:00:00%2B08:00&to=2027-01-01T00:00:00%2B08:00', staffB.token),
      );
      expect(calendarB.items.map((r) => r.id)).not.toContain(roadshow.id);
      expect((await t.get(base, leader.token)).status).toBe(200);
      expect((await t.get(base, staffA2.token)).status).toBe(200);
    });
  });

  describe('attendees', () => {
    it('adds an existing company, and a new company with its contact in one call, then checks them in', async () => {
      const roadshow = await newRoadshow(staffA);
      const company = await newCompany(staffA, '华域汽车系统股份有限公司');
      const existing = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        { companyId: company.id, status: 'confirmed' },
        staffA.token,
      );
      expect(existing.status).toBe(201);
      expect(existing.body).toEqual({
        id: expect.any(String),
        roadshowId: roadshow.id,
        companyId: company.id,
        companyName: '华域汽车系统股份有限公司',
        contactId: null,
        contactName: null,
        contactTitle: null,
        status: 'confirmed',
        checkedInAt: null,
        note: null,
        createdAt: expect.any(String),
        version: 1,
      });
      const onTheSpot = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        {
          company: {
            name: '苏州汇川联合动力系统股份有限公司',
            uscc: '914403001922038216',
            province: '江苏',
            city: '苏州',
          },
          contact: { name: '周总', title: '副总经理', mobile: '13800001111' },
          note: '现场登记',
        },
        staffA.token,
      );
      expect(onTheSpot.status).toBe(201);
      expect(onTheSpot.body).toMatchObject({
        companyName: '苏州汇川联合动力系统股份有限公司',
        contactName: '周总',
        contactTitle: '副总经理',
        status: 'invited',
      });
      const newCompanyRecord = await ok(t.get(`/api/companies/${onTheSpot.body.companyId}`, staffB.token));
      expect(newCompanyRecord).toMatchObject({ uscc: '914403001922038216', city: '苏州' });

      const checked = await t.post(
        `/api/roadshows/${roadshow.id}/attendees/${onTheSpot.body.id}/check-in`,
        { checkedInAt: '2026-12-10T08:45:00+08:00' },
        staffA2.token,
      );
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ checkedInAt: '2026-12-10T00:45:00.000Z', status: 'confirmed', version: 2 });
      const again = await t.post(
        `/api/roadshows/${roadshow.id}/attendees/${onTheSpot.body.id}/check-in`,
        { checkedInAt: '2026-12-10T10:00:00+08:00' },
        staffA.token,
      );
      expect(again.body).toMatchObject({ checkedInAt: '2026-12-10T00:45:00.000Z', version: 2 });

      const list = await ok<{ items: Body[]; total: number }>(
        t.get(`/api/roadshows/${roadshow.id}/attendees`, staffA2.token),
      );
      expect(list.total).toBe(2);
      expect(list.items.map((a) => a.companyName)).toEqual([
        '华域汽车系统股份有限公司',
        '苏州汇川联合动力系统股份有限公司',
      ]);
    });

    it('checks in a walk-in as they are added, and undoes a mistaken check-in', async () => {
      const roadshow = await newRoadshow(staffA);
      const walkIn = await ok(
        t.post(
          `/api/roadshows/${roadshow.id}/attendees`,
          { company: { name: '宁波拓普集团股份有限公司' }, checkedInAt: '2026-12-11T13:20:00+08:00' },
          staffA.token,
        ),
        201,
      );
      expect(walkIn).toMatchObject({ status: 'confirmed', checkedInAt: '2026-12-11T05:20:00.000Z' });
      const undone = await ok(t.delete(`/api/roadshows/${roadshow.id}/attendees/${walkIn.id}/check-in`, staffA.token));
      expect(undone).toMatchObject({ checkedInAt: null, version: 2 });
    });

    it('refuses a check-in outside the event days (400 naming checkedInAt), including "now" for a future event', async () => {
      const roadshow = await newRoadshow(staffA);
      const company = await newCompany(staffA, '均胜电子');
      const attendee = await ok(
        t.post(`/api/roadshows/${roadshow.id}/attendees`, { companyId: company.id }, staffA.token),
        201,
      );
      for (const body of [{ checkedInAt: '2026-12-12T09:00:00+08:00' }, {}]) {
        const bad = await t.post(`/api/roadshows/${roadshow.id}/attendees/${attendee.id}/check-in`, body, staffA.token);
        expect(bad.status).toBe(400);
        expect(bad.body.details).toEqual([
          { field: 'checkedInAt', message: expect.stringContaining('2026-12-10 至 2026-12-11') },
        ]);
      }
    });

    it('refuses the same company twice (409), both or neither of companyId and company (400), and a contact of another company (400)', async () => {
      const roadshow = await newRoadshow(staffA);
      const company = await newCompany(staffA, '敏实集团');
      const other = await newCompany(staffA, '福耀玻璃');
      const contact = await ok(t.post(`/api/companies/${other.id}/contacts`, { name: '曹总' }, staffA.token), 201);
      await ok(t.post(`/api/roadshows/${roadshow.id}/attendees`, { companyId: company.id }, staffA.token), 201);
      const twice = await t.post(`/api/roadshows/${roadshow.id}/attendees`, { companyId: company.id }, staffA.token);
      expect(twice.status).toBe(409);
      expect(twice.body.details).toEqual([{ field: 'companyId', message: expect.any(String) }]);
      const both = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        { companyId: company.id, company: { name: 'x' } },
        staffA.token,
      );
      expect(both.status).toBe(400);
      expect(both.body.details[0].field).toBe('companyId');
      expect((await t.post(`/api/roadshows/${roadshow.id}/attendees`, {}, staffA.token)).status).toBe(400);
      const wrongContact = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        { companyId: company.id, contactId: contact.id },
        staffA.token,
      );
      expect(wrongContact.status).toBe(400);
      expect(wrongContact.body.details).toEqual([{ field: 'contactId', message: expect.any(String) }]);
    });

    it('warns of a likely duplicate when creating a company on the spot, and creates nothing', async () => {
      const roadshow = await newRoadshow(staffA);
      await newCompany(staffA, '比亚迪股份有限公司');
      const dup = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        { company: { name: '比亚迪' }, contact: { name: '王经理' } },
        staffA.token,
      );
      expect(dup.status).toBe(409);
      expect(dup.body.details[0].field).toBe('company.name');
      expect((await ok<{ total: number }>(t.get(`/api/roadshows/${roadshow.id}/attendees`, staffA.token))).total).toBe(
        0,
      );
      const badUscc = await t.post(
        `/api/roadshows/${roadshow.id}/attendees`,
        { company: { name: '某新公司', uscc: '91110000100010433M' } },
        staffA.token,
      );
      expect(badUscc.status).toBe(400);
      expect(badUscc.body.details[0].field).toBe('company.uscc');
    });

    it('follows a company merge', async () => {
      const roadshow = await newRoadshow(staffA);
      const keep = await newCompany(staffA, '上汽集团');
      const dupe = await ok(t.post('/api/companies', { name: '上海汽车集团股份有限公司' }, staffA.token), 201);
      const attendee = await ok(
        t.post(`/api/roadshows/${roadshow.id}/attendees`, { companyId: dupe.id }, staffA.token),
        201,
      );
      await ok(t.post(`/api/companies/${keep.id}/merge`, { sourceId: dupe.id }, leader.token), 201);
      const list = await ok<{ items: Body[] }>(t.get(`/api/roadshows/${roadshow.id}/attendees`, staffA.token));
      expect(list.items).toEqual([
        expect.objectContaining({ id: attendee.id, companyId: keep.id, companyName: '上汽集团' }),
      ]);
    });
  });

  describe('POST /api/roadshows/:id/leads', () => {
    it("logs a lead from an attendee: source roadshow, the company and the contact's name and mobile", async () => {
      const roadshow = await newRoadshow(staffA);
      const attendee = await ok(
        t.post(
          `/api/roadshows/${roadshow.id}/attendees`,
          { company: { name: '中航锂电科技有限公司' }, contact: { name: '刘总', mobile: '13900002222' } },
          staffA.token,
        ),
        201,
      );
      const logged = await t.post(
        `/api/roadshows/${roadshow.id}/leads`,
        { attendeeId: attendee.id, estimatedWan: 30000 },
        staffA2.token,
      );
      expect(logged.status).toBe(201);
      expect(logged.body).toMatchObject({
        name: '中航锂电科技有限公司',
        companyId: attendee.companyId,
        source: 'roadshow',
        sourceRefId: roadshow.id,
        status: 'new',
        ownerId: staffA2.id,
        teamId: staffA2.teamId,
        estimatedWan: 30000,
        contactName: '刘总',
        contactMobile: '13900002222',
        version: 1,
      });
    });

    it('needs a name or a company, refuses a foreign attendee, and warns of another team on the company (409)', async () => {
      const roadshow = await newRoadshow(staffA);
      const noName = await t.post(`/api/roadshows/${roadshow.id}/leads`, {}, staffA.token);
      expect(noName.status).toBe(400);
      expect(noName.body.details).toEqual([{ field: 'name', message: expect.any(String) }]);
      const other = await newRoadshow(staffA);
      const foreign = await ok(
        t.post(`/api/roadshows/${other.id}/attendees`, { company: { name: '国轩高科' } }, staffA.token),
        201,
      );
      const wrong = await t.post(`/api/roadshows/${roadshow.id}/leads`, { attendeeId: foreign.id }, staffA.token);
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'attendeeId', message: expect.any(String) }]);
      const sourceRef = await t.post(
        `/api/roadshows/${roadshow.id}/leads`,
        { name: 'x', source: 'online' },
        staffA.token,
      );
      expect(sourceRef.status).toBe(400);
      expect(sourceRef.body.details).toEqual([{ field: 'source', message: expect.stringContaining('unknown field') }]);

      const company = await newCompany(staffB, '中国中车');
      await ok(t.post('/api/leads', { name: '轨交配套', source: 'online', companyId: company.id }, staffB.token), 201);
      const collision = await t.post(`/api/roadshows/${roadshow.id}/leads`, { companyId: company.id }, staffA.token);
      expect(collision.status).toBe(409);
      expect(collision.body.message).toContain('轨交专班');
      expect(collision.body.details).toEqual([{ field: 'companyId', message: expect.any(String) }]);
      expect(
        (
          await t.post(
            `/api/roadshows/${roadshow.id}/leads`,
            { companyId: company.id, acknowledgeCollision: true },
            staffA.token,
          )
        ).status,
      ).toBe(201);
    });
  });

  describe('POST /api/roadshows/:id/signings', () => {
    it('signs a project directly at the event, attributed to it, on its first day by default', async () => {
      const roadshow = await newRoadshow(staffA);
      const signed = await t.post(
        `/api/roadshows/${roadshow.id}/signings`,
        { project: { name: '年产 50 万套座椅项目', totalInvestmentWan: 100000 }, contractedWan: 80000 },
        staffA.token,
      );
      expect(signed.status).toBe(201);
      expect(signed.body).toMatchObject({
        name: '年产 50 万套座椅项目',
        stage: 'signed',
        signedAt: '2026-12-10',
        contractedWan: 80000,
        leadId: null,
        leadSource: 'roadshow',
        sourceRefId: roadshow.id,
        ownerId: staffA.id,
      });
      const history = await ok<{ items: Body[] }>(t.get(`/api/projects/${signed.body.id}/history`, staffA.token));
      expect(history.items.map((h) => [h.fromStage, h.toStage, h.note])).toEqual([
        [null, 'negotiating', '新建项目'],
        ['negotiating', 'signed', `推介会「${roadshow.name}」现场签约`],
      ]);
    });

    it('signs from a new lead of the event: qualified, converted and signed in one call', async () => {
      const roadshow = await newRoadshow(staffA);
      const logged = await ok(
        t.post(`/api/roadshows/${roadshow.id}/leads`, { name: '电驱总成项目' }, staffA.token),
        201,
      );
      const signed = await ok(
        t.post(
          `/api/roadshows/${roadshow.id}/signings`,
          { leadId: logged.id, contractedWan: 12000, signedAt: '2026-12-11' },
          staffA.token,
        ),
        201,
      );
      expect(signed).toMatchObject({
        stage: 'signed',
        leadId: logged.id,
        leadSource: 'roadshow',
        sourceRefId: roadshow.id,
        signedAt: '2026-12-11',
        contractedWan: 12000,
      });
      expect(await lead(staffA, logged.id)).toMatchObject({ status: 'converted', projectId: signed.id });
    });

    it("refuses another event's lead (422), a date off the event (400), both or neither of leadId and project (400), and missing evidence (400)", async () => {
      const roadshow = await newRoadshow(staffA);
      const other = await newRoadshow(staffA);
      const foreign = await ok(t.post(`/api/roadshows/${other.id}/leads`, { name: '别场线索' }, staffA.token), 201);
      const notOurs = await t.post(
        `/api/roadshows/${roadshow.id}/signings`,
        { leadId: foreign.id, contractedWan: 1 },
        staffA.token,
      );
      expect(notOurs.status).toBe(422);
      expect(notOurs.body.details).toEqual([{ field: 'leadId', message: expect.any(String) }]);
      expect((await lead(staffA, foreign.id)).status).toBe('new');
      const offDay = await t.post(
        `/api/roadshows/${roadshow.id}/signings`,
        { project: { name: 'x' }, contractedWan: 1, signedAt: '2026-12-20' },
        staffA.token,
      );
      expect(offDay.status).toBe(400);
      expect(offDay.body.details).toEqual([{ field: 'signedAt', message: expect.any(String) }]);
      const neither = await t.post(`/api/roadshows/${roadshow.id}/signings`, { contractedWan: 1 }, staffA.token);
      expect(neither.status).toBe(400);
      expect(neither.body.details[0].field).toBe('leadId');
      const noEvidence = await t.post(
        `/api/roadshows/${roadshow.id}/signings`,
        { project: { name: 'x' } },
        staffA.token,
      );
      expect(noEvidence.status).toBe(400);
      expect(noEvidence.body.details[0].field).toBe('contractedWan');
      const projects = await ok<{ total: number }>(t.get(`/api/projects?sourceRefId=${roadshow.id}`, staffA.token));
      expect(projects.total).toBe(0);
    });
  });

  describe('GET /api/roadshows/:id/yield', () => {
    it('counts from the records: converted leads stay qualified, a project lost after signing leaves the signed count', async () => {
      const roadshow = await newRoadshow(staffA, { name: '收益测算推介会', budgetWan: 60 });
      const base = `/api/roadshows/${roadshow.id}`;
      // Attendance: two came (checked in), one declined.
      const [c1, c2, c3] = [
        await newCompany(staffA, '收益企业一'),
        await newCompany(staffA, '收益企业二'),
        await newCompany(staffA, '收益企业三'),
      ];
      const a1 = await ok(t.post(`${base}/attendees`, { companyId: c1.id, status: 'confirmed' }, staffA.token), 201);
      const a2 = await ok(t.post(`${base}/attendees`, { companyId: c2.id }, staffA.token), 201);
      await ok(t.post(`${base}/attendees`, { companyId: c3.id, status: 'declined' }, staffA.token), 201);
      await ok(
        t.post(`${base}/attendees/${a1.id}/check-in`, { checkedInAt: '2026-12-10T09:10:00+08:00' }, staffA.token),
      );
      await ok(
        t.post(`${base}/attendees/${a2.id}/check-in`, { checkedInAt: '2026-12-10T09:20:00+08:00' }, staffA.token),
      );

      const log = (body: Body) => ok(t.post(`${base}/leads`, body, staffA.token), 201);
      const l1 = await log({ attendeeId: a1.id });
      const l2 = await log({ attendeeId: a2.id });
      const l3 = await log({ name: '意向明确的线索' });
      const l4 = await log({ name: '无效线索' });
      const l5 = await log({ name: '删掉的线索' });
      const l7 = await log({ name: '在谈的线索' });
      // L1: converted, signed on the first day, then registered: still signed.
      const p1 = await convert(staffA, l1.id as string);
      const p1Signed = await move(staffA, p1, { to: 'signed', signedAt: '2026-12-10', contractedWan: 5000 });
      await move(staffA, p1Signed, { to: 'registered', localUscc: '91330100799655058B' });
      // L2: converted, signed after the event, then lost: not signed now, lost after signing.
      const p2 = await convert(staffA, l2.id as string);
      const p2Signed = await move(staffA, p2, { to: 'signed', signedAt: '2026-12-20', contractedWan: 3000 });
      await move(staffA, p2Signed, { to: 'lost', reason: '企业投资计划取消' });
      // L3 qualified only; L4 invalid; L5 deleted (not counted); L7 converted and still negotiating.
      await qualify(staffA, l3.id as string);
      await ok(
        t.patch(`/api/leads/${l4.id}`, { status: 'invalid', invalidReason: '重复登记', version: 1 }, staffA.token),
      );
      expect((await t.delete(`/api/leads/${l5.id}`, staffA.token)).status).toBe(204);
      await convert(staffA, l7.id as string);
      // A direct on-site signing (P3), a signing from a new lead (L6 → P4) and one later put on hold (L8 → P6).
      await ok(
        t.post(`${base}/signings`, { project: { name: '现场签约项目' }, contractedWan: 8000 }, staffA.token),
        201,
      );
      const l6 = await log({ name: '现场签约的线索' });
      await ok(
        t.post(`${base}/signings`, { leadId: l6.id, contractedWan: 2000, signedAt: '2026-12-11' }, staffA.token),
        201,
      );
      const l8 = await log({ name: '签约后暂缓的线索' });
      const p6 = await ok(t.post(`${base}/signings`, { leadId: l8.id, contractedWan: 1000 }, staffA.token), 201);
      await move(staffA, p6, { to: 'on_hold', reason: '等待用地指标' });
      // Noise that must not count: another event's lead and a project of another source.
      const other = await newRoadshow(staffA);
      await ok(t.post(`/api/roadshows/${other.id}/leads`, { name: '别场线索' }, staffA.token), 201);
      await ok(t.post('/api/projects', { name: '无关项目' }, staffA.token), 201);

      const counted = await t.get(`${base}/yield`, staffA2.token);
      expect(counted.status).toBe(200);
      expect(counted.body).toEqual({
        roadshowId: roadshow.id,
        budgetWan: 60,
        invited: 3,
        declined: 1,
        attendees: 2,
        checkedIn: 2,
        leads: 7, // L1 L2 L3 L4 L6 L7 L8
        qualifiedLeads: 6, // all but the invalid L4; converted ones count as qualified
        convertedLeads: 5, // L1 L2 L6 L7 L8
        projects: 6, // P1 P2 P3 P4 P5(L7) P6
        signedProjects: 4, // P1 (registered) P3 P4 P6 (on hold after signing)
        lostAfterSigning: 1, // P2
        contractedWan: 16000, // 5000 + 8000 + 2000 + 1000; P2's 3000 no longer counts
        signedAtEvent: 4, // signed on 12-10 or 12-11
        costPerLeadWan: 8.57, // 60 / 7
        costPerSignedProjectWan: 15, // 60 / 4
        countedAt: expect.any(String),
      });
    });

    it('gives null costs without a budget or without leads', async () => {
      const roadshow = await newRoadshow(staffA, { budgetWan: null });
      expect(await ok(t.get(`/api/roadshows/${roadshow.id}/yield`, staffA.token))).toMatchObject({
        leads: 0,
        signedProjects: 0,
        contractedWan: 0,
        costPerLeadWan: null,
        costPerSignedProjectWan: null,
      });
    });
  });

  describe('GET /api/roadshows', () => {
    let ranked: Body[];

    beforeAll(async () => {
      // Three events in Chengdu with 3, 1 and 2 leads; the one with 1 lead signs the most.
      ranked = [];
      for (const [name, leads, contracted] of [
        ['成都推介会甲', 3, 100],
        ['成都推介会乙', 1, 9000],
        ['成都推介会丙', 2, 500],
      ] as const) {
        const roadshow = await newRoadshow(staffA2, {
          name,
          city: '成都',
          format: 'online',
          chainCodes: ['rail_transit'],
          startsAt: '2027-03-01T09:00:00+08:00',
          endsAt: '2027-03-01T12:00:00+08:00',
        });
        for (let i = 0; i < leads; i += 1)
          await ok(t.post(`/api/roadshows/${roadshow.id}/leads`, { name: `${name}线索${i}` }, staffA2.token), 201);
        await ok(
          t.post(
            `/api/roadshows/${roadshow.id}/signings`,
            { project: { name: `${name}签约` }, contractedWan: contracted },
            staffA2.token,
          ),
          201,
        );
        ranked.push(roadshow);
      }
    });

    it('filters by city, format, chain and date range, with each item carrying its yield', async () => {
      const page = await ok<{ items: Body[]; total: number; nextCursor: string | null }>(
        t.get(
          '/api/roadshows?city=成都&format=online&chainCode=rail_transit&from=2027-03-01T00:00:00%2B08:00&to=2027-03-02T00:00:00%2B08:00&sort=name:asc',
          staffA.token,
        ),
      );
      expect(page.total).toBe(3);
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((r) => r.name)).toEqual(['成都推介会丙', '成都推介会乙', '成都推介会甲']);
      expect(page.items[2]).toMatchObject({
        id: ranked[0].id,
        ownerName: 'staff.a2',
        yield: {
          attendees: 0,
          checkedIn: 0,
          leads: 3,
          qualifiedLeads: 0,
          convertedLeads: 0,
          projects: 1,
          signedProjects: 1,
          lostAfterSigning: 0,
          contractedWan: 100,
        },
      });
      expect(
        (await ok<{ total: number }>(t.get('/api/roadshows?city=成都&from=2027-03-02T00:00:00%2B08:00', staffA.token)))
          .total,
      ).toBe(0);
      expect((await ok<{ total: number }>(t.get('/api/roadshows?q=推介会乙', staffA.token))).total).toBe(1);
    });

    it('sorts by yield on the server, page by page with a cursor', async () => {
      const byLeads: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/roadshows?city=成都&sort=leads:desc&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Body[]; nextCursor: string | null; total: number } = await ok(t.get(query, staffA.token));
        expect(page.total).toBe(3);
        byLeads.push(...page.items.map((r) => r.name as string));
        cursor = page.nextCursor;
      } while (cursor);
      expect(byLeads).toEqual(['成都推介会甲', '成都推介会丙', '成都推介会乙']);
      const byMoney = await ok<{ items: Body[] }>(
        t.get('/api/roadshows?city=成都&sort=contractedWan:desc&limit=2', staffA.token),
      );
      expect(byMoney.items.map((r) => r.name)).toEqual(['成都推介会乙', '成都推介会丙']);
      const rest = await ok<{ items: Body[]; nextCursor: string | null }>(
        t.get(
          `/api/roadshows?city=成都&sort=contractedWan:desc&limit=2&cursor=${(byMoney as unknown as { nextCursor: string }).nextCursor}`,
          staffA.token,
        ),
      );
      expect(rest.items.map((r) => r.name)).toEqual(['成都推介会甲']);
      expect(rest.nextCursor).toBeNull();
      // The default order (startsAt:desc) pages through equal start times by id, each event once.
      const seen: string[] = [];
      let next: string | null = null;
      do {
        const url: string = `/api/roadshows?city=成都&limit=2${next ? `&cursor=${next}` : ''}`;
        const page: { items: Body[]; nextCursor: string | null } = await ok(t.get(url, staffA.token));
        seen.push(...page.items.map((r) => r.id as string));
        next = page.nextCursor;
      } while (next);
      expect(seen.sort()).toEqual(ranked.map((r) => r.id as string).sort());
      expect((await t.get('/api/roadshows?cursor=not-a-cursor', staffA.token)).body.details).toEqual([
        { field: 'cursor', message: expect.any(String) },
      ]);
    });

    it('refuses an unknown sort field and a bad filter (400 naming them); deleted ones only for admins (403)', async () => {
      const sort = await t.get('/api/roadshows?sort=popularity:desc', staffA.token);
      expect(sort.status).toBe(400);
      expect(sort.body.details).toEqual([{ field: 'sort', message: expect.any(String) }]);
      const format = await t.get('/api/roadshows?format=radio&colour=red', staffA.token);
      expect(format.status).toBe(400);
      expect(fieldsNamed(format.body)).toEqual(['colour', 'format']);
      expect((await t.get('/api/roadshows?deleted=true', leader.token)).status).toBe(403);
    });
  });

  describe('GET /api/roadshows/calendar', () => {
    it('lists the events overlapping the range, in order', async () => {
      const early = await newRoadshow(staffA, {
        name: '日历一',
        startsAt: '2027-05-31T14:00:00+08:00',
        endsAt: '2027-06-01T12:00:00+08:00',
      });
      const late = await newRoadshow(staffA, {
        name: '日历二',
        startsAt: '2027-06-20T09:00:00+08:00',
        endsAt: '2027-06-20T11:00:00+08:00',
        format: 'offline',
        city: '北京',
      });
      await newRoadshow(staffA, {
        name: '日历外',
        startsAt: '2027-07-02T09:00:00+08:00',
        endsAt: '2027-07-02T11:00:00+08:00',
      });
      const june = await t.get(
        '/api/roadshows/calendar?from=2027-06-01T00:00:00%2B08:00&to=2027-07-01T00:00:00%2B08:00',
        staffA.token,
      );
      expect(june.status).toBe(200);
      expect(june.body).toEqual({
        items: [
          {
            kind: 'roadshow',
            id: early.id,
            title: '日历一',
            start: '2027-05-31T06:00:00.000Z',
            end: '2027-06-01T04:00:00.000Z',
            allDay: false,
            cities: ['上海'],
            format: 'hybrid',
            direction: null,
            teamId: staffA.teamId,
          },
          {
            kind: 'roadshow',
            id: late.id,
            title: '日历二',
            start: '2027-06-20T01:00:00.000Z',
            end: '2027-06-20T03:00:00.000Z',
            allDay: false,
            cities: ['北京'],
            format: 'offline',
            direction: null,
            teamId: staffA.teamId,
          },
        ],
        nextCursor: null,
        total: 2,
      });
    });

    it('needs a range of at most 366 days that ends after it starts', async () => {
      expect(
        (await t.get('/api/roadshows/calendar', staffA.token)).body.details
          .map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['from', 'to']);
      const backwards = await t.get(
        '/api/roadshows/calendar?from=2027-06-01T00:00:00Z&to=2027-05-01T00:00:00Z',
        staffA.token,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.details).toEqual([{ field: 'to', message: expect.any(String) }]);
      expect(
        (await t.get('/api/roadshows/calendar?from=2027-01-01T00:00:00Z&to=2028-06-01T00:00:00Z', staffA.token)).status,
      ).toBe(400);
    });
  });

  describe('DELETE /api/roadshows/:id', () => {
    it('keeps the leads and projects it produced; their attribution shows the event as deleted; an admin can restore it', async () => {
      const roadshow = await newRoadshow(staffA, { name: '将被删除的推介会' });
      const logged = await ok(t.post(`/api/roadshows/${roadshow.id}/leads`, { name: '留存线索' }, staffA.token), 201);
      const project = await convert(staffA, logged.id as string);

      expect((await t.delete(`/api/roadshows/${roadshow.id}?version=2`, staffA.token)).status).toBe(409);
      expect((await t.delete(`/api/roadshows/${roadshow.id}?version=1`, staffA.token)).status).toBe(204);
      expect((await t.get(`/api/roadshows/${roadshow.id}`, staffA.token)).status).toBe(404);
      expect((await t.get(`/api/roadshows/${roadshow.id}/yield`, staffA.token)).status).toBe(404);
      const list = await ok<{ items: Body[] }>(t.get('/api/roadshows?limit=200', staffA.token));
      expect(list.items.map((r) => r.id)).not.toContain(roadshow.id);

      expect(await lead(staffA, logged.id as string)).toMatchObject({
        source: 'roadshow',
        sourceRefId: roadshow.id,
        status: 'converted',
      });
      const source = await t.get(`/api/leads/${logged.id}/attribution`, staffA.token);
      expect(source.status).toBe(200);
      const deletedRef = {
        type: 'roadshow',
        typeLabel: '推介会',
        id: roadshow.id,
        name: '将被删除的推介会',
        deleted: true,
        visible: false,
        at: '2026-12-10T01:00:00.000Z',
      };
      expect(source.body).toEqual({
        source: 'roadshow',
        sourceLabel: '推介会',
        sourceRefId: roadshow.id,
        sourceRef: deletedRef,
        chain: [
          {
            type: 'lead',
            typeLabel: '线索',
            id: logged.id,
            name: '留存线索',
            deleted: false,
            visible: true,
            at: expect.any(String),
            status: 'converted',
          },
          deletedRef,
        ],
      });
      const chain = await ok<{ chain: Body[] }>(t.get(`/api/projects/${project.id}/attribution`, staffA.token));
      expect(chain.chain.map((l) => [l.type, l.deleted])).toEqual([
        ['project', false],
        ['lead', false],
        ['roadshow', true],
      ]);

      const trail = await ok<{ items: Body[] }>(
        t.get(`/api/audit?entity=roadshow&entityId=${roadshow.id}`, staffA2.token),
      );
      expect(trail.items.map((e) => e.action)).toContain('delete');
      expect((await t.post(`/api/roadshows/${roadshow.id}/restore`, {}, leader.token)).status).toBe(403);
      const deletedList = await ok<{ items: Body[] }>(t.get('/api/roadshows?deleted=true', admin.token));
      expect(deletedList.items.map((r) => r.id)).toContain(roadshow.id);
      expect(await ok(t.post(`/api/roadshows/${roadshow.id}/restore`, {}, admin.token), 201)).toMatchObject({
        id: roadshow.id,
      });
      expect((await ok(t.get(`/api/leads/${logged.id}/attribution`, staffA.token))).sourceRef).toMatchObject({
        deleted: false,
        visible: true,
      });
    });
  });

  describe('GET /api/projects/:id/attribution', () => {
    it('traces a project to a roadshow through its lead', async () => {
      const roadshow = await newRoadshow(staffA, { name: '溯源推介会' });
      const logged = await ok(t.post(`/api/roadshows/${roadshow.id}/leads`, { name: '溯源线索' }, staffA.token), 201);
      const project = await convert(staffA, logged.id as string);
      const res = await t.get(`/api/projects/${project.id}/attribution`, staffA2.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        source: 'roadshow',
        sourceLabel: '推介会',
        sourceRefId: roadshow.id,
        sourceRef: expect.objectContaining({
          type: 'roadshow',
          id: roadshow.id,
          name: '溯源推介会',
          deleted: false,
          visible: true,
        }),
        chain: [
          {
            type: 'project',
            typeLabel: '项目',
            id: project.id,
            name: '溯源线索',
            deleted: false,
            visible: true,
            at: expect.any(String),
            stage: 'negotiating',
          },
          expect.objectContaining({ type: 'lead', id: logged.id, name: '溯源线索', status: 'converted' }),
          expect.objectContaining({ type: 'roadshow', id: roadshow.id }),
        ],
      });
      expect((await t.get(`/api/projects/${project.id}/attribution`, staffB.token)).status).toBe(404);
    });

    it('traces a QR card interest to its card, and a referral to the referring company', async () => {
      const card = await ok(
        t.post('/api/promo-projects', { kind: 'standard_factory', title: '智能网联标准厂房' }, staffA.token),
        201,
      );
      const cardLead = await ok(
        t.post('/api/leads', { name: '扫码意向', source: 'card_interest', sourceRefId: card.id }, staffA.token),
        201,
      );
      const cardProject = await convert(staffA, cardLead.id as string);
      const viaCard = await ok<{ sourceRef: Body; chain: Body[] }>(
        t.get(`/api/projects/${cardProject.id}/attribution`, staffA.token),
      );
      expect(viaCard.sourceRef).toEqual({
        type: 'promo_project',
        typeLabel: '二维码项目卡',
        id: card.id,
        name: '智能网联标准厂房',
        deleted: false,
        visible: true,
        at: null,
      });
      expect(viaCard.chain.map((l) => l.type)).toEqual(['project', 'lead', 'promo_project']);

      const referrer = await newCompany(staffA, '推荐企业有限公司');
      const referral = await ok(
        t.post(
          '/api/leads',
          { name: '以商招商线索', source: 'business_referral', sourceRefId: referrer.id },
          staffA.token,
        ),
        201,
      );
      const viaReferral = await ok<{ sourceRef: Body }>(t.get(`/api/leads/${referral.id}/attribution`, staffA.token));
      expect(viaReferral.sourceRef).toMatchObject({
        type: 'company',
        typeLabel: '推荐企业',
        id: referrer.id,
        name: '推荐企业有限公司',
        visible: true,
      });
    });

    it('shows a project with no source link as a chain of itself', async () => {
      const project = await ok(t.post('/api/projects', { name: '自建项目' }, staffA.token), 201);
      expect(await ok(t.get(`/api/projects/${project.id}/attribution`, staffA.token))).toEqual({
        source: null,
        sourceLabel: null,
        sourceRefId: null,
        sourceRef: null,
        chain: [expect.objectContaining({ type: 'project', id: project.id })],
      });
    });
  });

  describe('GET /api/docs-json', () => {
    it('documents every roadshow and attribution route with explicit response schemas', async () => {
      const doc = (await t.get('/api/docs-json')).body;
      const routes: Array<[string, string, string]> = [
        ['/api/roadshows', 'get', 'RoadshowPageDto'],
        ['/api/roadshows', 'post', 'RoadshowDetailResponseDto'],
        ['/api/roadshows/calendar', 'get', 'CalendarResponseDto'],
        ['/api/roadshows/{id}', 'get', 'RoadshowDetailResponseDto'],
        ['/api/roadshows/{id}', 'patch', 'RoadshowDetailResponseDto'],
        ['/api/roadshows/{id}/yield', 'get', 'RoadshowYieldResponseDto'],
        ['/api/roadshows/{id}/attendees', 'get', 'AttendeeListResponseDto'],
        ['/api/roadshows/{id}/attendees', 'post', 'AttendeeResponseDto'],
        ['/api/roadshows/{id}/attendees/{attendeeId}/check-in', 'post', 'AttendeeResponseDto'],
        ['/api/roadshows/{id}/leads', 'post', 'LeadResponseDto'],
        ['/api/roadshows/{id}/signings', 'post', 'ProjectResponseDto'],
        ['/api/projects/{id}/attribution', 'get', 'AttributionResponseDto'],
        ['/api/leads/{id}/attribution', 'get', 'AttributionResponseDto'],
      ];
      for (const [path, method, schema] of routes) {
        const responses = doc.paths[path]?.[method]?.responses ?? {};
        const refs = Object.values(responses).map((r) => JSON.stringify(r));
        expect({ path, method, documented: refs.some((r) => r.includes(`#/components/schemas/${schema}`)) }).toEqual({
          path,
          method,
          documented: true,
        });
      }
      const yieldSchema = doc.components.schemas.RoadshowYieldResponseDto;
      expect(yieldSchema.required).toEqual(
        expect.arrayContaining([
          'leads',
          'qualifiedLeads',
          'signedProjects',
          'lostAfterSigning',
          'contractedWan',
          'costPerLeadWan',
        ]),
      );
      expect(doc.components.schemas.CreateRoadshowDto.properties.format.enum).toEqual(['offline', 'online', 'hybrid']);
      expect(doc.components.schemas.AttributionLinkResponseDto.properties.type.enum).toEqual([
        'project',
        'lead',
        'roadshow',
        'visit',
        'delegation',
        'promo_project',
        'company',
      ]);
    });
  });
});
