import { RequestEscalationService } from '../src/modules/aftercare/requests/request-escalation.service';
import { UsersService } from '../src/modules/users/users.service';
import { TEST_PASSWORD, TestApp, fieldsNamed, type TestUser } from './harness';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

describe('aftercare: assignments, enterprises’ requests, escalation, statistics and the cultivation pool', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let leader2: TestUser;
  let staffA: TestUser;
  let rep: TestUser;
  let outsider: TestUser;
  let landDept: TestUser;
  let permitsDept: TestUser;
  let landUnit: { id: string; name: string };
  let permitsUnit: { id: string; name: string };
  let townUnit: { id: string; name: string };
  let landed: { id: string; name: string };
  let notLanded: { id: string; name: string };

  const newCompany = async (name: string) => {
    const res = await t.post('/api/companies', { name, allowDuplicateName: true }, admin.token);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; name: string };
  };
  /** A project of the company at registered: the company has landed. */
  const land = async (company: { id: string; name: string }, owner: TestUser) => {
    const project = await t.post(
      '/api/projects',
      { name: `${company.name}投资项目`, companyId: company.id },
      owner.token,
    );
    const moved = await t.post(
      `/api/projects/${project.body.id}/transitions`,
      { to: 'registered', localUscc: '914403001922038216', signedAt: '2026-10-01', contractedWan: 1000, version: 1 },
      owner.token,
    );
    if (moved.status !== 201 && moved.status !== 200) throw new Error(JSON.stringify(moved.body));
    return project.body as { id: string };
  };
  const orgUnit = async (name: string, kind: 'department' | 'town') => {
    const res = await t.post('/api/org-units', { name, kind }, admin.token);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; name: string };
  };
  /** A user of a department (orgUnitId), in no team. */
  const departmentUser = async (username: string, orgUnitId: string): Promise<TestUser> => {
    const user = await t.app.get(UsersService).create(null, {
      username,
      displayName: username,
      role: 'staff',
      teamId: null,
      orgUnitId,
      password: TEST_PASSWORD,
    });
    return { id: user.id, username, role: 'staff', teamId: null, token: await t.login(username) };
  };
  const newRequest = async (body: Record<string, unknown>, user: TestUser = rep) => {
    const res = await t.post(
      '/api/requests',
      { companyId: landed.id, category: 'permits', description: '新厂房施工许可办理缓慢', ...body },
      user.token,
    );
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  };
  const timeline = async (companyId: string) =>
    (await t.get(`/api/activities?subjectType=company&subjectId=${companyId}`, admin.token)).body.items as Array<{
      summary: string;
      meta: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    t = await TestApp.start('aftercare', { REQUEST_DUE_DAYS_LAND: '20' });
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('营商环境专班');
    const teamC = await t.createTeam('轨交专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader.wang', 'leader');
    leader2 = await t.createUser('leader.li', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    rep = await t.createUser('rep.zhao', 'staff', teamB);
    outsider = await t.createUser('staff.c', 'staff', teamC);
    landUnit = await orgUnit('区自然资源局', 'department');
    permitsUnit = await orgUnit('区行政审批局', 'department');
    townUnit = await orgUnit('青年街道', 'town');
    landDept = await departmentUser('dept.land', landUnit.id);
    permitsDept = await departmentUser('dept.permits', permitsUnit.id);
    landed = await newCompany('长客配套有限公司');
    await land(landed, staffA);
    notLanded = await newCompany('研奥电气股份有限公司');
  });
  afterAll(() => t.close());

  describe('PATCH /api/aftercare/companies/:id', () => {
    it('lets a leader give a landed company its 包保领导 and 政府事务代表, on its timeline and in the trail', async () => {
      const res = await t.patch(
        `/api/aftercare/companies/${landed.id}`,
        { responsibleLeaderId: leader.id, affairsRepId: rep.id, version: 0 },
        leader.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        companyId: landed.id,
        companyName: '长客配套有限公司',
        landed: true,
        aftercareEligible: false,
        inAftercare: true,
        responsibleLeader: { id: leader.id, displayName: 'leader.wang' },
        affairsRep: { id: rep.id, displayName: 'rep.zhao' },
        version: 1,
        updatedAt: expect.any(String),
      });
      expect((await timeline(landed.id)).map((a) => a.summary)).toContain(
        '包保服务：包保领导设为leader.wang；政府事务代表设为rep.zhao',
      );
      const trail = await t.get(`/api/audit?entity=aftercare_assignment&entityId=${landed.id}`, staffA.token);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });

    it('refuses staff with 403, and a leader marking a company with 403 (admins only)', async () => {
      expect(
        (await t.patch(`/api/aftercare/companies/${landed.id}`, { affairsRepId: staffA.id, version: 1 }, staffA.token))
          .status,
      ).toBe(403);
      expect(
        (
          await t.patch(
            `/api/aftercare/companies/${notLanded.id}`,
            { aftercareEligible: true, version: 0 },
            leader.token,
          )
        ).status,
      ).toBe(403);
    });

    it('refuses people for a company that has neither landed nor been marked, with 422', async () => {
      const res = await t.patch(
        `/api/aftercare/companies/${notLanded.id}`,
        { responsibleLeaderId: leader.id, version: 0 },
        leader.token,
      );
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'rule.violated',
        message: '企业尚无落地项目，需管理员先将其纳入包保服务 (company not in aftercare)',
        details: [{ field: 'companyId', message: '企业未落地且未纳入包保服务' }],
      });
    });

    it('lets an admin mark a company that has not landed, after which a leader assigns it', async () => {
      const marked = await t.patch(
        `/api/aftercare/companies/${notLanded.id}`,
        { aftercareEligible: true, version: 0 },
        admin.token,
      );
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({ landed: false, aftercareEligible: true, inAftercare: true, version: 1 });
      const assigned = await t.patch(
        `/api/aftercare/companies/${notLanded.id}`,
        { responsibleLeaderId: leader2.id, affairsRepId: rep.id, version: 1 },
        leader.token,
      );
      expect(assigned.status).toBe(200);
      expect(assigned.body.responsibleLeader).toEqual({ id: leader2.id, displayName: 'leader.li' });
    });

    it('names a 包保领导 who is not a leader, an unknown user and a bad id', async () => {
      const staffLeader = await t.patch(
        `/api/aftercare/companies/${landed.id}`,
        { responsibleLeaderId: staffA.id, version: 1 },
        leader.token,
      );
      expect(staffLeader.status).toBe(400);
      expect(staffLeader.body.details).toEqual([{ field: 'responsibleLeaderId', message: '包保领导须为领导或管理员' }]);
      const unknown = await t.patch(
        `/api/aftercare/companies/${landed.id}`,
        { affairsRepId: '7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d', version: 1 },
        leader.token,
      );
      expect(unknown.body.details).toEqual([{ field: 'affairsRepId', message: '用户不存在或已停用' }]);
      const bad = await t.patch(
        `/api/aftercare/companies/${landed.id}`,
        { affairsRepId: 'x', version: -1, extra: 1 },
        leader.token,
      );
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['affairsRepId', 'extra', 'version']);
    });

    it('refuses a stale version with 409 and keeps the newer assignment', async () => {
      const stale = await t.patch(
        `/api/aftercare/companies/${landed.id}`,
        { affairsRepId: staffA.id, version: 0 },
        leader.token,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([{ field: 'version', message: '版本已过期' }]);
      expect((await t.get(`/api/aftercare/companies/${landed.id}`, staffA.token)).body.affairsRep.id).toBe(rep.id);
    });

    it('answers 404 for a company that does not exist', async () => {
      expect(
        (await t.patch('/api/aftercare/companies/7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d', { version: 0 }, leader.token))
          .status,
      ).toBe(404);
      expect((await t.get('/api/aftercare/companies/not-a-uuid', leader.token)).status).toBe(400);
    });
  });

  describe('GET /api/aftercare/companies', () => {
    it('lists companies in aftercare — landed or marked — and filters by leader and by what is unassigned', async () => {
      const other = await newCompany('未纳入的企业');
      const all = await t.get('/api/aftercare/companies', staffA.token);
      expect(all.status).toBe(200);
      expect(all.body.items.map((c: { companyName: string }) => c.companyName).sort()).toEqual(
        ['研奥电气股份有限公司', '长客配套有限公司'].sort(),
      );
      expect(all.body.items.map((c: { companyId: string }) => c.companyId)).not.toContain(other.id);
      const byLeader = await t.get(`/api/aftercare/companies?leaderId=${leader2.id}`, staffA.token);
      expect(byLeader.body.items.map((c: { companyName: string }) => c.companyName)).toEqual(['研奥电气股份有限公司']);
      const fresh = await newCompany('新落地企业');
      await land(fresh, staffA);
      const unassigned = await t.get('/api/aftercare/companies?unassigned=true', leader.token);
      expect(unassigned.body.items.map((c: { companyName: string }) => c.companyName)).toEqual(['新落地企业']);
    });
  });

  describe('POST /api/requests', () => {
    it('logs a request with the category’s default deadline, on the company’s timeline', async () => {
      const before = Date.now();
      const res = await t.post(
        '/api/requests',
        {
          companyId: landed.id,
          category: 'permits',
          description: '新厂房施工许可办理缓慢',
          contactName: '王经理',
          contactMobile: '13812345678',
        },
        rep.token,
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        companyId: landed.id,
        companyName: '长客配套有限公司',
        category: 'permits',
        cannotBeDone: false,
        description: '新厂房施工许可办理缓慢',
        source: 'staff',
        contactName: '王经理',
        contactMobile: '13812345678',
        orgUnitId: null,
        orgUnitName: null,
        routedAt: null,
        dueAt: expect.any(String),
        overdue: false,
        status: 'open',
        resolution: null,
        resolvedAt: null,
        resolvedById: null,
        escalatedAt: null,
        escalationReason: null,
        escalatedToId: null,
        confirmedAt: null,
        satisfaction: null,
        satisfactionComment: null,
        loggedById: rep.id,
        loggedByName: 'rep.zhao',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      const days = (Date.parse(res.body.dueAt) - Date.parse(res.body.createdAt)) / DAY_MS;
      expect(days).toBeCloseTo(10, 3);
      expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect((await timeline(landed.id)).map((a) => a.summary)).toContain(
        '登记企业诉求（审批办证）：新厂房施工许可办理缓慢',
      );
    });

    it('takes the deadline days from configuration (REQUEST_DUE_DAYS_LAND=20) and lists them', async () => {
      const request = await newRequest({ category: 'land', description: '二期用地指标' });
      expect((Date.parse(request.dueAt) - Date.parse(request.createdAt)) / DAY_MS).toBeCloseTo(20, 3);
      const categories = await t.get('/api/requests/categories', staffA.token);
      expect(categories.body).toEqual({
        items: [
          { category: 'land', label: '用地', dueDays: 20 },
          { category: 'permits', label: '审批办证', dueDays: 10 },
          { category: 'financing', label: '融资', dueDays: 15 },
          { category: 'talent', label: '人才用工', dueDays: 15 },
          { category: 'utilities', label: '水电气暖', dueDays: 7 },
          { category: 'policy', label: '政策兑现', dueDays: 15 },
          { category: 'other', label: '其他', dueDays: 10 },
        ],
        nextCursor: null,
        total: 7,
      });
    });

    it('takes an explicit deadline, which must lie in the future', async () => {
      const dueAt = new Date(Date.now() + 3 * DAY_MS).toISOString();
      expect((await newRequest({ dueAt })).dueAt).toBe(dueAt);
      const past = await t.post(
        '/api/requests',
        { companyId: landed.id, category: 'other', description: 'x', dueAt: '2020-01-01T00:00:00Z' },
        rep.token,
      );
      expect(past.status).toBe(400);
      expect(past.body.details).toEqual([{ field: 'dueAt', message: '办理期限须晚于现在' }]);
    });

    it('names every bad field, unknown ones too, and stores nothing', async () => {
      const res = await t.post(
        '/api/requests',
        { companyId: 'x', category: 'weather', description: '', contactMobile: '110', status: 'resolved' },
        rep.token,
      );
      expect(res.status).toBe(400);
      expect(fieldsNamed(res.body)).toEqual(['category', 'companyId', 'contactMobile', 'description', 'status']);
    });

    it('refuses a company that is not in aftercare with 422, and routing to a town with 400', async () => {
      const other = await newCompany('仅在谈企业');
      const res = await t.post(
        '/api/requests',
        { companyId: other.id, category: 'other', description: 'x' },
        rep.token,
      );
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ field: 'companyId', message: '企业未纳入包保服务' }]);
      const town = await t.post(
        '/api/requests',
        { companyId: landed.id, category: 'other', description: 'x', orgUnitId: townUnit.id },
        rep.token,
      );
      expect(town.status).toBe(400);
      expect(town.body.details).toEqual([{ field: 'orgUnitId', message: '诉求只能转办到部门' }]);
    });
  });

  describe('routing and department visibility', () => {
    let request: { id: string; version: number };

    beforeAll(async () => {
      request = await newRequest({ category: 'land', description: '厂区道路占用土地审批' });
    });

    it('lets the representative route the request to a department, on the timeline', async () => {
      const res = await t.post(
        `/api/requests/${request.id}/route`,
        { orgUnitId: landUnit.id, note: '请一周内答复', version: 1 },
        rep.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'open',
        orgUnitId: landUnit.id,
        orgUnitName: '区自然资源局',
        routedAt: expect.any(String),
        version: 2,
      });
      expect((await timeline(landed.id)).map((a) => a.summary)).toContain(
        '企业诉求（用地）转办至区自然资源局：请一周内答复',
      );
      request = res.body;
    });

    it('shows the department its requests, and nobody else’s; another department and an outsider get 404', async () => {
      const mine = await t.get('/api/requests', landDept.token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([request.id]);
      expect((await t.get(`/api/requests/${request.id}`, landDept.token)).status).toBe(200);
      expect((await t.get('/api/requests', permitsDept.token)).body).toEqual({ items: [], nextCursor: null, total: 0 });
      expect((await t.get(`/api/requests/${request.id}`, permitsDept.token)).status).toBe(404);
      expect((await t.get(`/api/requests/${request.id}`, outsider.token)).status).toBe(404);
      expect(
        (await t.get(`/api/audit?entity=enterprise_request&entityId=${request.id}`, permitsDept.token)).status,
      ).toBe(404);
      expect((await t.get(`/api/audit?entity=enterprise_request&entityId=${request.id}`, landDept.token)).status).toBe(
        200,
      );
    });

    it('shows staff the requests of companies their team works; routedToMe narrows a department’s list', async () => {
      expect((await t.get(`/api/requests/${request.id}`, staffA.token)).status).toBe(200);
      const routed = await t.get('/api/requests?routedToMe=true', landDept.token);
      expect(routed.body.total).toBe(1);
      const noUnit = await t.get('/api/requests?routedToMe=true', staffA.token);
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.details).toEqual([{ field: 'routedToMe', message: '您不属于任何部门' }]);
    });

    it('does not let the department route or edit the request (403), nor another department move it (404)', async () => {
      expect(
        (await t.post(`/api/requests/${request.id}/route`, { orgUnitId: permitsUnit.id, version: 2 }, landDept.token))
          .status,
      ).toBe(403);
      expect(
        (await t.patch(`/api/requests/${request.id}`, { description: '改', version: 2 }, landDept.token)).status,
      ).toBe(403);
      expect(
        (await t.post(`/api/requests/${request.id}/transitions`, { to: 'in_progress', version: 2 }, permitsDept.token))
          .status,
      ).toBe(404);
    });

    it('lets the department start and resolve it; the representative may not resolve it (403)', async () => {
      const started = await t.post(
        `/api/requests/${request.id}/transitions`,
        { to: 'in_progress', version: 2 },
        landDept.token,
      );
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'in_progress', version: 3 });
      expect(
        (
          await t.post(
            `/api/requests/${request.id}/transitions`,
            { to: 'resolved', resolution: '已办', version: 3 },
            rep.token,
          )
        ).status,
      ).toBe(403);
      const noResolution = await t.post(
        `/api/requests/${request.id}/transitions`,
        { to: 'resolved', version: 3 },
        landDept.token,
      );
      expect(noResolution.status).toBe(400);
      expect(noResolution.body.details).toContainEqual({ field: 'resolution', message: '办结时须填写办理结果' });
      const resolved = await t.post(
        `/api/requests/${request.id}/transitions`,
        { to: 'resolved', resolution: '已完成用地预审并出具意见', version: 3 },
        landDept.token,
      );
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolution: '已完成用地预审并出具意见',
        resolvedAt: expect.any(String),
        resolvedById: landDept.id,
        version: 4,
      });
      expect((await timeline(landed.id)).map((a) => a.summary)).toContain(
        '企业诉求（用地）已办结：已完成用地预审并出具意见',
      );
    });

    it('refuses a move its status does not allow with 422, and a stale version with 409', async () => {
      const again = await t.post(
        `/api/requests/${request.id}/transitions`,
        { to: 'in_progress', version: 4 },
        landDept.token,
      );
      expect(again.status).toBe(422);
      expect(again.body.message).toBe('「已办结」的诉求不能开始办理');
      const fresh = await newRequest({ orgUnitId: permitsUnit.id });
      const stale = await t.post(
        `/api/requests/${fresh.id}/transitions`,
        { to: 'in_progress', version: 7 },
        permitsDept.token,
      );
      expect(stale.status).toBe(409);
      expect((await t.get(`/api/requests/${fresh.id}`, permitsDept.token)).body.status).toBe('open');
      const unknownTarget = await t.post(
        `/api/requests/${fresh.id}/transitions`,
        { to: 'confirmed', version: 1 },
        permitsDept.token,
      );
      expect(unknownTarget.status).toBe(400);
    });

    it('keeps every step in the trail', async () => {
      const trail = await t.get(`/api/audit?entity=enterprise_request&entityId=${request.id}`, rep.token);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
        'resolve',
        'start',
        'route',
        'create',
      ]);
      expect(JSON.stringify(trail.body)).not.toContain('feedbackToken');
    });
  });

  describe('escalation of overdue requests (RequestEscalationService.escalateOverdue)', () => {
    let overdue: { id: string; dueAt: string };
    let later: { id: string };

    beforeAll(async () => {
      overdue = await newRequest({
        category: 'utilities',
        description: '用电增容迟迟未接电',
        dueAt: new Date(Date.now() + HOUR_MS).toISOString(),
        orgUnitId: permitsUnit.id,
      });
      later = await newRequest({
        category: 'utilities',
        description: '燃气开户',
        dueAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
      });
    });

    it('escalates a request past its deadline to the 包保领导 once, however often it runs', async () => {
      const now = new Date(Date.parse(overdue.dueAt) + HOUR_MS);
      const escalation = t.app.get(RequestEscalationService);
      const first = await escalation.escalateOverdue(now);
      expect(first.map((r) => r.id)).toEqual([overdue.id]);
      expect(await escalation.escalateOverdue(now)).toEqual([]);

      const after = await t.get(`/api/requests/${overdue.id}`, leader.token);
      expect(after.body).toMatchObject({
        status: 'escalated',
        escalatedAt: now.toISOString(),
        escalationReason: 'overdue',
        escalatedToId: leader.id,
        overdue: false,
        version: 2,
      });
      expect((await t.get(`/api/requests/${later.id}`, leader.token)).body.status).toBe('open');

      const notes = await t.get('/api/notifications?kind=request_overdue', leader.token);
      expect(notes.body.items).toEqual([
        {
          id: expect.any(String),
          kind: 'request_overdue',
          title: '企业诉求逾期：长客配套有限公司',
          body: expect.stringMatching(/^水电气暖诉求「用电增容迟迟未接电」逾期未办结（办理期限 .+），请协调解决。$/),
          link: `/aftercare/requests/${overdue.id}`,
          readAt: null,
          createdAt: expect.any(String),
        },
      ]);
      expect((await t.get('/api/notifications?kind=request_overdue', rep.token)).body.total).toBe(1);
      const lines = (await timeline(landed.id)).filter((a) => a.meta?.aftercare === 'request_escalated');
      expect(lines.map((a) => a.summary)).toEqual([
        '企业诉求（水电气暖）逾期未办结，已升级至包保领导leader.wang：用电增容迟迟未接电',
      ]);
      const trail = await t.get(`/api/audit?entity=enterprise_request&entityId=${overdue.id}`, leader.token);
      expect(trail.body.items[0]).toMatchObject({
        action: 'escalate',
        actorId: null,
        before: { status: 'open' },
        after: { status: 'escalated' },
      });
    });

    it('escalates each request once when several instances run at the same moment', async () => {
      const a = await newRequest({
        category: 'other',
        description: '并发一',
        dueAt: new Date(Date.now() + 1.5 * HOUR_MS).toISOString(),
      });
      const b = await newRequest({
        category: 'other',
        description: '并发二',
        dueAt: new Date(Date.now() + 1.5 * HOUR_MS).toISOString(),
      });
      const now = new Date(Date.now() + 1.75 * HOUR_MS);
      const escalation = t.app.get(RequestEscalationService);
      const runs = await Promise.all([
        escalation.escalateOverdue(now),
        escalation.escalateOverdue(now),
        escalation.escalateOverdue(now),
      ]);
      expect(
        runs
          .flat()
          .map((r) => r.id)
          .sort(),
      ).toEqual([a.id, b.id].sort());
      expect((await t.get('/api/notifications?kind=request_overdue', leader.token)).body.total).toBe(3);
    });

    it('puts escalated and “could not be done” requests on the leaders’ list; staff get 403', async () => {
      const cannot = await newRequest({
        category: 'financing',
        description: '贷款贴息政策无人受理',
        cannotBeDone: true,
      });
      const review = await t.get('/api/requests/review', leader.token);
      expect(review.status).toBe(200);
      const ids = review.body.items.map((r: { id: string }) => r.id);
      expect(ids).toContain(overdue.id);
      expect(ids).toContain(cannot.id);
      expect(ids).not.toContain(later.id);
      expect(
        review.body.items.every(
          (r: { status: string; cannotBeDone: boolean }) => r.status === 'escalated' || r.cannotBeDone,
        ),
      ).toBe(true);
      expect((await t.get('/api/requests/review', rep.token)).status).toBe(403);
    });

    it('lets anyone who sees a request escalate it by hand, notifying the leader', async () => {
      const request = await newRequest({
        category: 'talent',
        description: '高级技工招聘困难',
        orgUnitId: permitsUnit.id,
      });
      const res = await t.post(
        `/api/requests/${request.id}/transitions`,
        { to: 'escalated', note: '需跨部门协调', version: 1 },
        permitsDept.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'escalated', escalationReason: 'manual', escalatedToId: leader.id });
      const notes = await t.get('/api/notifications?kind=request_overdue&limit=1', leader.token);
      expect(notes.body.items[0]).toMatchObject({
        title: '企业诉求升级：长客配套有限公司',
        link: `/aftercare/requests/${request.id}`,
      });
    });

    it('routes an escalated request again only with a new deadline', async () => {
      const current = (await t.get(`/api/requests/${overdue.id}`, leader.token)).body;
      const noDue = await t.post(
        `/api/requests/${overdue.id}/route`,
        { orgUnitId: landUnit.id, version: current.version },
        leader.token,
      );
      expect(noDue.status).toBe(400);
      expect(noDue.body.details).toEqual([{ field: 'dueAt', message: '升级的诉求重新转办时须给出新的办理期限' }]);
      const dueAt = new Date(Date.now() + 5 * DAY_MS).toISOString();
      const rerouted = await t.post(
        `/api/requests/${overdue.id}/route`,
        { orgUnitId: landUnit.id, dueAt, version: current.version },
        leader.token,
      );
      expect(rerouted.status).toBe(200);
      expect(rerouted.body).toMatchObject({
        status: 'open',
        orgUnitId: landUnit.id,
        dueAt,
        escalationReason: 'overdue',
      });
      expect((await t.get(`/api/requests/${overdue.id}`, permitsDept.token)).status).toBe(404);
    });
  });

  describe('GET /api/aftercare/my-enterprises', () => {
    it('gives the representative their enterprises with the latest activity, open requests and project stages', async () => {
      const res = await t.get('/api/aftercare/my-enterprises', rep.token);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      const mine = res.body.items.find((e: { companyId: string }) => e.companyId === landed.id);
      const open = (await t.get(`/api/requests?companyId=${landed.id}&limit=200`, leader.token)).body.items.filter(
        (r: { status: string }) => ['open', 'in_progress', 'escalated'].includes(r.status),
      ).length;
      expect(mine).toEqual({
        companyId: landed.id,
        companyName: '长客配套有限公司',
        roles: ['affairs_rep'],
        responsibleLeader: { id: leader.id, displayName: 'leader.wang' },
        affairsRep: { id: rep.id, displayName: 'rep.zhao' },
        latestActivity: {
          id: expect.any(String),
          kind: 'note',
          occurredAt: expect.any(String),
          summary: expect.any(String),
          actorName: expect.any(String),
        },
        openRequestCount: open,
        overdueRequestCount: 0,
        projects: [{ id: expect.any(String), name: '长客配套有限公司投资项目', stage: 'registered' }],
      });
    });

    it('gives a leader their own, and anyone’s on request; staff may not ask for someone else’s (403)', async () => {
      const own = await t.get('/api/aftercare/my-enterprises', leader2.token);
      expect(own.body.items.map((e: { companyName: string; roles: string[] }) => [e.companyName, e.roles])).toEqual([
        ['研奥电气股份有限公司', ['responsible_leader']],
      ]);
      const byRep = await t.get(`/api/aftercare/my-enterprises?repId=${rep.id}`, leader2.token);
      expect(byRep.body.total).toBe(2);
      const both = await t.get(`/api/aftercare/my-enterprises?repId=${rep.id}&leaderId=${leader.id}`, admin.token);
      expect(both.body.items.map((e: { companyName: string }) => e.companyName)).toEqual(['长客配套有限公司']);
      expect((await t.get(`/api/aftercare/my-enterprises?leaderId=${leader.id}`, rep.token)).status).toBe(403);
      expect((await t.get('/api/aftercare/my-enterprises', outsider.token)).body).toEqual({
        items: [],
        nextCursor: null,
        total: 0,
      });
    });
  });

  describe('GET /api/requests/stats', () => {
    /** Requests made through the API, then placed in March 2025 with known times (China time). */
    const placed = async (fields: {
      created: string;
      dueHours: number;
      resolvedHours?: number;
      status: string;
      unit: string | null;
      satisfaction?: number;
      escalated?: boolean;
    }) => {
      const request = await newRequest({
        category: 'other',
        description: `统计样本 ${fields.created}`,
        ...(fields.unit ? { orgUnitId: fields.unit } : {}),
      });
      const created = Date.parse(fields.created);
      await t.dataSource.query(
        `UPDATE enterprise_requests SET created_at = $2, due_at = $3, resolved_at = $4, status = $5, satisfaction = $6, escalated_at = $7 WHERE id = $1`,
        [
          request.id,
          new Date(created),
          new Date(created + fields.dueHours * HOUR_MS),
          fields.resolvedHours === undefined ? null : new Date(created + fields.resolvedHours * HOUR_MS),
          fields.status,
          fields.satisfaction ?? null,
          fields.escalated ? new Date(created + fields.dueHours * HOUR_MS) : null,
        ],
      );
    };

    beforeAll(async () => {
      await placed({
        created: '2025-03-01T09:00:00+08:00',
        dueHours: 480,
        resolvedHours: 10,
        status: 'confirmed',
        unit: landUnit.id,
        satisfaction: 5,
      });
      await placed({
        created: '2025-03-02T09:00:00+08:00',
        dueHours: 24,
        resolvedHours: 30,
        status: 'resolved',
        unit: landUnit.id,
      });
      await placed({
        created: '2025-03-03T09:00:00+08:00',
        dueHours: 168,
        status: 'escalated',
        unit: landUnit.id,
        escalated: true,
      });
      await placed({
        created: '2025-03-05T09:00:00+08:00',
        dueHours: 240,
        resolvedHours: 4,
        status: 'confirmed',
        unit: permitsUnit.id,
        satisfaction: 3,
      });
      await placed({ created: '2025-03-31T23:30:00+08:00', dueHours: 24 * 365 * 80, status: 'open', unit: null });
      await placed({ created: '2025-04-01T00:00:00+08:00', dueHours: 1, status: 'open', unit: landUnit.id });
      await placed({ created: '2025-02-28T23:59:00+08:00', dueHours: 1, status: 'open', unit: landUnit.id });
    });

    it('gives per department the count, resolved, overdue, escalated, hours to resolve and satisfaction, exactly', async () => {
      const res = await t.get('/api/requests/stats?from=2025-03-01&to=2025-03-31', leader.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2025-03-01',
        to: '2025-03-31',
        rows: [
          {
            orgUnitId: landUnit.id,
            orgUnitName: '区自然资源局',
            count: 3,
            resolved: 2,
            overdue: 2,
            escalated: 1,
            medianHoursToResolve: 20,
            avgHoursToResolve: 20,
            avgSatisfaction: 5,
            ratedCount: 1,
          },
          {
            orgUnitId: permitsUnit.id,
            orgUnitName: '区行政审批局',
            count: 1,
            resolved: 1,
            overdue: 0,
            escalated: 0,
            medianHoursToResolve: 4,
            avgHoursToResolve: 4,
            avgSatisfaction: 3,
            ratedCount: 1,
          },
          {
            orgUnitId: null,
            orgUnitName: '未转办',
            count: 1,
            resolved: 0,
            overdue: 0,
            escalated: 0,
            medianHoursToResolve: null,
            avgHoursToResolve: null,
            avgSatisfaction: null,
            ratedCount: 0,
          },
        ],
        total: {
          orgUnitId: null,
          orgUnitName: '合计',
          count: 5,
          resolved: 3,
          overdue: 2,
          escalated: 1,
          medianHoursToResolve: 10,
          avgHoursToResolve: 14.7,
          avgSatisfaction: 4,
          ratedCount: 2,
        },
      });
    });

    it('gives zeros for a range without requests', async () => {
      const res = await t.get('/api/requests/stats?from=2001-01-01&to=2001-01-31', leader.token);
      expect(res.body).toEqual({
        from: '2001-01-01',
        to: '2001-01-31',
        rows: [],
        total: {
          orgUnitId: null,
          orgUnitName: '合计',
          count: 0,
          resolved: 0,
          overdue: 0,
          escalated: 0,
          medianHoursToResolve: null,
          avgHoursToResolve: null,
          avgSatisfaction: null,
          ratedCount: 0,
        },
      });
    });

    it('is for leaders and admins (403 for staff), and names bad dates', async () => {
      expect((await t.get('/api/requests/stats', staffA.token)).status).toBe(403);
      const reversed = await t.get('/api/requests/stats?from=2025-04-01&to=2025-03-01', admin.token);
      expect(reversed.status).toBe(400);
      expect(reversed.body.details).toEqual([{ field: 'from', message: '开始日期不能晚于结束日期' }]);
      const bad = await t.get('/api/requests/stats?from=March', admin.token);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'from', message: expect.stringContaining('YYYY-MM-DD') }]);
    });
  });

  describe('PATCH /api/requests/:id', () => {
    it('lets the representative mark a request 办不成事 and change its deadline, versioned', async () => {
      const request = await newRequest({ category: 'policy', description: '研发补贴兑现' });
      const dueAt = new Date(Date.now() + 30 * DAY_MS).toISOString();
      const res = await t.patch(`/api/requests/${request.id}`, { cannotBeDone: true, dueAt, version: 1 }, rep.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ cannotBeDone: true, dueAt, version: 2 });
      expect(
        (await t.patch(`/api/requests/${request.id}`, { cannotBeDone: false, version: 1 }, rep.token)).status,
      ).toBe(409);
      expect(
        (await t.patch(`/api/requests/${request.id}`, { description: 'x', version: 2 }, outsider.token)).status,
      ).toBe(404);
    });
  });

  it('refuses a bad PATCH of a request, naming each field, and changes nothing', async () => {
    const request = await newRequest({ category: 'policy', description: '研发补贴兑现' });
    const bad = await t.patch(
      `/api/requests/${request.id}`,
      { companyId: notLanded.id, category: 'bogus', description: '', contactMobile: '110', dueAt: 'soon', version: 1 },
      rep.token,
    );
    expect(bad.status).toBe(400);
    expect(fieldsNamed(bad.body)).toEqual(['category', 'companyId', 'contactMobile', 'description', 'dueAt']);
    expect((await t.get(`/api/requests/${request.id}`, rep.token)).body).toMatchObject({
      companyId: landed.id,
      category: 'policy',
      description: '研发补贴兑现',
      version: 1,
    });
  });

  describe('/api/cultivation', () => {
    const plan = (
      goal: string,
      milestones: Array<{ title: string; dueOn: string; doneOn: string | null }>,
      companyId: string,
    ) =>
      t.post(
        '/api/cultivation',
        { companyId, goal, measures: '一企一策：协调用地、对接授信、申报资质', milestones },
        staffA.token,
      );

    it('enters a company into the pool with its plan, on the company’s timeline', async () => {
      const res = await plan(
        'above_scale',
        [
          { title: '财务规范化', dueOn: '2026-06-30', doneOn: '2026-06-20' },
          { title: '营收突破 2000 万元', dueOn: '2026-11-30', doneOn: null },
        ],
        landed.id,
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        companyId: landed.id,
        companyName: '长客配套有限公司',
        goal: 'above_scale',
        measures: '一企一策：协调用地、对接授信、申报资质',
        ownerId: staffA.id,
        ownerName: 'staff.a',
        milestones: [
          { title: '财务规范化', dueOn: '2026-06-30', doneOn: '2026-06-20' },
          { title: '营收突破 2000 万元', dueOn: '2026-11-30', doneOn: null },
        ],
        milestonesDone: 1,
        progress: 0.5,
        nextDueOn: '2026-11-30',
        achievedOn: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await timeline(landed.id)).map((a) => a.summary)).toContain(
        '列入企业培育库（拟入规），负责人staff.a：一企一策：协调用地、对接授信、申报资质',
      );
    });

    it('refuses the same company twice for one goal (409), another owner named by staff (403), and bad milestones (400)', async () => {
      const twice = await plan('above_scale', [], landed.id);
      expect(twice.status).toBe(409);
      expect(twice.body.details).toEqual([{ field: 'goal', message: '已在培育库中' }]);
      const owner = await t.post(
        '/api/cultivation',
        { companyId: landed.id, goal: 'srdi', measures: 'x', ownerId: rep.id },
        staffA.token,
      );
      expect(owner.status).toBe(403);
      const bad = await plan('srdi', [{ title: '', dueOn: '2026-13-01', doneOn: 'soon' }], landed.id);
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['milestones.0.doneOn', 'milestones.0.dueOn', 'milestones.0.title']);
      const goal = await t.post(
        '/api/cultivation',
        { companyId: landed.id, goal: 'unicorn', measures: 'x' },
        staffA.token,
      );
      expect(goal.body.details.map((d: { field: string }) => d.field)).toEqual(['goal']);
    });

    it('lists a goal’s pool closest to the goal first: share done, then the nearest due date; reached goals last', async () => {
      const a = await newCompany('培育甲');
      const b = await newCompany('培育乙');
      const c = await newCompany('培育丙');
      const d = await newCompany('培育丁');
      await plan(
        'srdi',
        [
          { title: '1', dueOn: '2026-12-01', doneOn: null },
          { title: '2', dueOn: '2027-03-01', doneOn: null },
        ],
        a.id,
      );
      await plan(
        'srdi',
        [
          { title: '1', dueOn: '2026-05-01', doneOn: '2026-05-01' },
          { title: '2', dueOn: '2027-01-01', doneOn: null },
        ],
        b.id,
      );
      await plan(
        'srdi',
        [
          { title: '1', dueOn: '2026-05-01', doneOn: '2026-05-01' },
          { title: '2', dueOn: '2026-12-15', doneOn: null },
        ],
        c.id,
      );
      const reached = await plan('srdi', [{ title: '1', dueOn: '2026-05-01', doneOn: '2026-05-01' }], d.id);
      await t.patch(`/api/cultivation/${reached.body.id}`, { achievedOn: '2026-10-01', version: 1 }, staffA.token);
      const res = await t.get('/api/cultivation?goal=srdi', rep.token);
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { companyName: string }) => e.companyName)).toEqual([
        '培育丙',
        '培育乙',
        '培育甲',
        '培育丁',
      ]);
      expect(res.body.total).toBe(4);
      const page = await t.get('/api/cultivation?goal=srdi&limit=3', rep.token);
      const next = await t.get(`/api/cultivation?goal=srdi&limit=3&cursor=${page.body.nextCursor}`, rep.token);
      expect(next.body).toMatchObject({ nextCursor: null, total: 4 });
      expect(next.body.items.map((e: { companyName: string }) => e.companyName)).toEqual(['培育丁']);
      expect((await t.get('/api/cultivation?goal=srdi&achieved=false', rep.token)).body.total).toBe(3);
      expect((await t.get('/api/cultivation?cursor=nonsense', rep.token)).status).toBe(400);
    });

    it('writes milestones done and the goal reached to the timeline; only the owner or a leader may change the plan', async () => {
      const company = await newCompany('上市后备企业');
      const entry = (
        await plan(
          'listing',
          [
            { title: '完成股改', dueOn: '2026-12-31', doneOn: null },
            { title: '辅导备案', dueOn: '2027-06-30', doneOn: null },
          ],
          company.id,
        )
      ).body;
      expect(
        (await t.patch(`/api/cultivation/${entry.id}`, { measures: '别人改', version: 1 }, rep.token)).status,
      ).toBe(403);
      const bad = await t.patch(
        `/api/cultivation/${entry.id}`,
        {
          companyId: landed.id,
          goal: 'ipo',
          measures: '',
          milestones: [{ title: '', dueOn: '2026-13-01' }],
          version: 1,
        },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      const fields: string[] = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields.filter((f) => !f.startsWith('milestones')).sort()).toEqual(['companyId', 'goal', 'measures']);
      expect(fields.some((f) => f.startsWith('milestones'))).toBe(true);
      expect((await t.get(`/api/cultivation/${entry.id}`, staffA.token)).body).toMatchObject({
        goal: 'listing',
        version: 1,
      });
      const done = await t.patch(
        `/api/cultivation/${entry.id}`,
        {
          milestones: [
            { title: '完成股改', dueOn: '2026-12-31', doneOn: '2026-11-20' },
            { title: '辅导备案', dueOn: '2027-06-30', doneOn: null },
          ],
          version: 1,
        },
        staffA.token,
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ milestonesDone: 1, progress: 0.5, nextDueOn: '2027-06-30', version: 2 });
      const reached = await t.patch(
        `/api/cultivation/${entry.id}`,
        { achievedOn: '2027-07-01', version: 2 },
        leader.token,
      );
      expect(reached.body.achievedOn).toBe('2027-07-01');
      expect(
        (await t.patch(`/api/cultivation/${entry.id}`, { achievedOn: null, version: 2 }, leader.token)).status,
      ).toBe(409);
      const lines = (await timeline(company.id)).map((a) => a.summary);
      expect(lines).toEqual([
        '达成培育目标：上市后备（2027-07-01）',
        '培育计划（上市后备）完成里程碑「完成股改」，进度 1/2',
        '列入企业培育库（上市后备），负责人staff.a：一企一策：协调用地、对接授信、申报资质',
      ]);
    });

    it('takes a company out of the pool (owner or leader), then 404', async () => {
      const company = await newCompany('移出测试企业');
      const entry = (await plan('above_scale', [], company.id)).body;
      expect((await t.delete(`/api/cultivation/${entry.id}`, rep.token)).status).toBe(403);
      expect((await t.delete(`/api/cultivation/${entry.id}`, leader.token)).status).toBe(204);
      expect((await t.get(`/api/cultivation/${entry.id}`, leader.token)).status).toBe(404);
      expect((await plan('above_scale', [], company.id)).status).toBe(201);
    });
  });

  describe('POST /api/companies/:id/merge', () => {
    it('moves the duplicate’s aftercare, requests and pool entries to the company it is merged into', async () => {
      const target = await newCompany('合并目标企业');
      const source = await newCompany('合并来源企业');
      await land(target, staffA);
      await land(source, staffA);
      await t.patch(`/api/aftercare/companies/${target.id}`, { affairsRepId: rep.id, version: 0 }, leader.token);
      await t.patch(`/api/aftercare/companies/${source.id}`, { affairsRepId: staffA.id, version: 0 }, leader.token);
      const request = await newRequest({ companyId: source.id });
      expect((await t.post(`/api/companies/${target.id}/merge`, { sourceId: source.id }, leader.token)).status).toBe(
        201,
      );
      expect((await t.get(`/api/requests/${request.id}`, leader.token)).body.companyId).toBe(target.id);
      const merged = (await t.get(`/api/aftercare/companies/${target.id}`, leader.token)).body;
      const changed = await t.patch(
        `/api/aftercare/companies/${target.id}`,
        { responsibleLeaderId: leader.id, version: merged.version },
        leader.token,
      );
      expect(changed.status).toBe(200);
      const rows = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM aftercare_assignments WHERE company_id = $1 AND deleted_at IS NULL',
        [target.id],
      );
      expect(rows[0].n).toBe(1);
    });
  });
});
