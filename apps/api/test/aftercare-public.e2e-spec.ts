import { TestApp, fieldsNamed, type TestUser } from './harness';

const BASE = 'https://zs.example.gov.cn';

describe('aftercare: the enterprise’s QR request form and its one-time feedback links', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staffA: TestUser;
  let rep: TestUser;
  let outsider: TestUser;
  let company: { id: string; name: string };
  let token: string;
  let dept: { id: string };
  let ipCount = 0;
  /** A fresh client address, so that one test's submissions do not count against another's limit. */
  const nextIp = () => `198.51.100.${++ipCount}`;

  const submit = (linkToken: string, body: Record<string, unknown>, ip = nextIp()) =>
    t.request('POST', `/api/public/requests/${linkToken}`, { body, headers: { 'x-forwarded-for': ip } });
  const answer = (feedbackToken: string, body: Record<string, unknown>, ip = nextIp()) =>
    t.request('POST', `/api/public/requests/feedback/${feedbackToken}`, { body, headers: { 'x-forwarded-for': ip } });
  const valid = {
    category: 'utilities',
    description: '新厂房用电增容申请已提交一个月，尚未接电',
    contactName: '王经理',
    contactMobile: '13812345678',
  };
  const requestsOf = async (companyId: string) =>
    (await t.get(`/api/requests?companyId=${companyId}&limit=200`, admin.token)).body.items as Array<
      Record<string, unknown>
    >;

  /** A request logged, routed and resolved: its feedback link is live. */
  const resolvedRequest = async (description: string) => {
    const created = await t.post(
      '/api/requests',
      { companyId: company.id, category: 'permits', description, orgUnitId: dept.id },
      rep.token,
    );
    const resolved = await t.post(
      `/api/requests/${created.body.id}/transitions`,
      { to: 'resolved', resolution: '已上门指导并办结', version: 1 },
      leader.token,
    );
    if (resolved.status !== 200) throw new Error(JSON.stringify(resolved.body));
    const link = await t.get(`/api/requests/${created.body.id}/feedback-link`, rep.token);
    return { id: created.body.id as string, token: (link.body.url as string).split('/f/')[1], link: link.body };
  };

  beforeAll(async () => {
    t = await TestApp.start('aftercare_public', {
      PUBLIC_BASE_URL: BASE,
      TRUST_PROXY_HOPS: '1',
      REQUEST_FORM_LIMIT_PER_ADDRESS: '3',
      REQUEST_FORM_LIMIT_PER_COMPANY: '8',
    });
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('营商环境专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader.wang', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    rep = await t.createUser('rep.zhao', 'staff', teamB);
    outsider = await t.createUser('staff.c', 'staff');
    dept = (await t.post('/api/org-units', { name: '区行政审批局', kind: 'department' }, admin.token)).body;
    company = (await t.post('/api/companies', { name: '皓月食品有限公司' }, admin.token)).body;
    const project = await t.post('/api/projects', { name: '肉牛深加工项目', companyId: company.id }, staffA.token);
    await t.post(
      `/api/projects/${project.body.id}/transitions`,
      { to: 'registered', localUscc: '914403001922038216', signedAt: '2026-10-01', contractedWan: 1000, version: 1 },
      staffA.token,
    );
    await t.patch(
      `/api/aftercare/companies/${company.id}`,
      { responsibleLeaderId: leader.id, affairsRepId: rep.id, version: 0 },
      leader.token,
    );
  });
  afterAll(() => t.close());

  describe('GET /api/aftercare/companies/:id/request-link', () => {
    it('gives the representative the company’s form link and its QR code, the same on every ask', async () => {
      const res = await t.get(`/api/aftercare/companies/${company.id}/request-link`, rep.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        companyId: company.id,
        token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        url: `${BASE}/e/${res.body.token}`,
        qrSvg: expect.stringMatching(/^<svg[\s\S]*<\/svg>\s*$/),
        createdAt: expect.any(String),
      });
      token = res.body.token;
      expect((await t.get(`/api/aftercare/companies/${company.id}/request-link`, staffA.token)).body.token).toBe(token);
    });

    it('refuses staff who do not look after the company (403) and a company not in aftercare (422)', async () => {
      expect((await t.get(`/api/aftercare/companies/${company.id}/request-link`, outsider.token)).status).toBe(403);
      const other = await t.post('/api/companies', { name: '未落地企业' }, admin.token);
      const res = await t.get(`/api/aftercare/companies/${other.body.id}/request-link`, leader.token);
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ field: 'companyId', message: '企业未纳入包保服务' }]);
    });
  });

  describe('GET /api/public/requests/:token', () => {
    it('shows the form without login: only the company’s name and the categories', async () => {
      const res = await t.get(`/api/public/requests/${token}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        companyName: '皓月食品有限公司',
        categories: [
          { value: 'land', label: '用地' },
          { value: 'permits', label: '审批办证' },
          { value: 'financing', label: '融资' },
          { value: 'talent', label: '人才用工' },
          { value: 'utilities', label: '水电气暖' },
          { value: 'policy', label: '政策兑现' },
          { value: 'other', label: '其他' },
        ],
      });
    });

    it('answers 404 for a token that does not exist or is malformed', async () => {
      expect((await t.get('/api/public/requests/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      expect((await t.get('/api/public/requests/not-a-token')).status).toBe(404);
    });
  });

  describe('POST /api/public/requests/:token', () => {
    it('makes an open request on the company with the category’s deadline, seen by its representative', async () => {
      const res = await submit(token, { ...valid, cannotBeDone: true });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ ok: true, message: '诉求已收到，政府事务代表会尽快与您联系。' });
      const [request] = await requestsOf(company.id);
      expect(request).toMatchObject({
        category: 'utilities',
        cannotBeDone: true,
        description: valid.description,
        source: 'enterprise',
        contactName: '王经理',
        contactMobile: '13812345678',
        orgUnitId: null,
        status: 'open',
        loggedById: null,
      });
      expect((Date.parse(request.dueAt as string) - Date.parse(request.createdAt as string)) / 86_400_000).toBeCloseTo(
        7,
        3,
      );
      const mine = await t.get('/api/requests?source=enterprise', rep.token);
      expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([request.id]);
      const timeline = await t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, rep.token);
      expect(timeline.body.items[0].summary).toBe(`企业通过二维码提交诉求（水电气暖，办不成事）：${valid.description}`);
    });

    it('names every missing or wrong field in the enterprise’s words, unknown ones too, and stores nothing', async () => {
      const before = (await requestsOf(company.id)).length;
      const res = await submit(token, { category: 'weather', description: '  ', contactMobile: '12345', admin: true });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'category', message: '请选择诉求类别' },
          { field: 'description', message: '请填写诉求内容' },
          { field: 'contactName', message: '请填写联系人' },
          { field: 'contactMobile', message: '请填写正确的 11 位手机号码' },
          { field: 'admin', message: '未知字段 admin' },
        ]),
      );
      const long = await submit(token, { ...valid, description: '长'.repeat(2001) });
      expect(long.body.details).toEqual([{ field: 'description', message: '诉求内容最多 2000 个字' }]);
      expect(await requestsOf(company.id)).toHaveLength(before);
    });

    it('accepts a filled honeypot like a success and drops it', async () => {
      const before = (await requestsOf(company.id)).length;
      const res = await submit(token, { ...valid, website: 'http://spam.example' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ ok: true, message: '诉求已收到，政府事务代表会尽快与您联系。' });
      expect(await requestsOf(company.id)).toHaveLength(before);
    });

    it('limits each address with a clear 429 and Retry-After, while other addresses go on', async () => {
      const ip = '203.0.113.50';
      for (let i = 0; i < 3; i++) expect((await submit(token, valid, ip)).status).toBe(201);
      const limited = await submit(token, valid, ip);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
        message: expect.stringMatching(/^提交过于频繁，请 \d+ 分钟后再试/),
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await submit(token, valid, '203.0.113.51')).status).toBe(201);
    });

    it('limits each company, whatever the address', async () => {
      // 1 + 3 + 1 accepted so far; the company's limit is 8.
      for (let i = 0; i < 3; i++) expect((await submit(token, valid)).status).toBe(201);
      expect((await submit(token, valid)).status).toBe(429);
      expect((await requestsOf(company.id)).filter((r) => r.source === 'enterprise')).toHaveLength(8);
    });

    it('stops answering an old link once it is replaced (404), and takes requests through the new one', async () => {
      expect(
        (await t.post(`/api/aftercare/companies/${company.id}/request-link/rotate`, {}, outsider.token)).status,
      ).toBe(403);
      const rotated = await t.post(`/api/aftercare/companies/${company.id}/request-link/rotate`, {}, rep.token);
      expect(rotated.status).toBe(200);
      expect(rotated.body.token).not.toBe(token);
      expect((await submit(token, valid)).status).toBe(404);
      expect((await t.get(`/api/public/requests/${rotated.body.token}`)).status).toBe(200);
      const trail = await t.get(`/api/audit?entity=aftercare_request_link&entityId=${company.id}`, rep.token);
      expect(trail.body.items[0].action).toBe('rotate');
    });
  });

  describe('feedback links (/api/public/requests/feedback/:token)', () => {
    it('are there only once a request is resolved (422 before)', async () => {
      const created = await t.post(
        '/api/requests',
        { companyId: company.id, category: 'talent', description: '招工难' },
        rep.token,
      );
      const res = await t.get(`/api/requests/${created.body.id}/feedback-link`, rep.token);
      expect(res.status).toBe(422);
      expect(res.body.message).toBe('诉求办结后才有企业评价链接');
    });

    it('show the enterprise its request and the resolution, and nothing else', async () => {
      const request = await resolvedRequest('食品生产许可证延续');
      expect(request.link).toEqual({
        requestId: request.id,
        url: `${BASE}/f/${request.token}`,
        qrSvg: expect.stringMatching(/^<svg/),
        used: false,
      });
      const view = await t.get(`/api/public/requests/feedback/${request.token}`);
      expect(view.status).toBe(200);
      expect(view.body).toEqual({
        companyName: '皓月食品有限公司',
        category: 'permits',
        categoryLabel: '审批办证',
        description: '食品生产许可证延续',
        resolution: '已上门指导并办结',
        resolvedAt: expect.any(String),
        submittedAt: expect.any(String),
      });
    });

    it('take the confirmation and rating once: then 410, and the request is confirmed with its rating', async () => {
      const request = await resolvedRequest('冷库消防验收');
      const first = await answer(request.token, { confirmed: true, satisfaction: 5, comment: '办事效率高' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ ok: true, message: '感谢您的评价！' });
      const again = await answer(request.token, { confirmed: true, satisfaction: 1 });
      expect(again.status).toBe(410);
      expect(again.body).toEqual({ statusCode: 410, error: 'Gone', code: 'gone', message: '该评价链接已使用或已失效' });
      expect((await t.get(`/api/public/requests/feedback/${request.token}`)).status).toBe(410);
      const after = await t.get(`/api/requests/${request.id}`, rep.token);
      expect(after.body).toMatchObject({
        status: 'confirmed',
        confirmedAt: expect.any(String),
        satisfaction: 5,
        satisfactionComment: '办事效率高',
      });
      expect((await t.get(`/api/requests/${request.id}/feedback-link`, rep.token)).body.used).toBe(true);
      const timeline = await t.get(`/api/activities?subjectType=company&subjectId=${company.id}`, rep.token);
      expect(timeline.body.items[0].summary).toBe('企业确认诉求（审批办证）已解决，满意度 5 分：办事效率高');
    });

    it('take one answer when two arrive at the same moment', async () => {
      const request = await resolvedRequest('环评批复');
      const both = await Promise.all([
        answer(request.token, { confirmed: true, satisfaction: 5 }),
        answer(request.token, { confirmed: false, satisfaction: 1 }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 410]);
      const trail = await t.get(`/api/audit?entity=enterprise_request&entityId=${request.id}`, rep.token);
      expect(
        trail.body.items.filter((e: { action: string }) => e.action === 'confirm' || e.action === 'reject'),
      ).toHaveLength(1);
    });

    it('work only for their own request: another request stays untouched, a wrong token gets 404', async () => {
      const mine = await resolvedRequest('排污许可变更');
      const other = await resolvedRequest('特种设备登记');
      expect((await answer(mine.token, { confirmed: true, satisfaction: 4 })).status).toBe(200);
      expect((await t.get(`/api/requests/${other.id}`, rep.token)).body).toMatchObject({
        status: 'resolved',
        satisfaction: null,
      });
      expect((await answer('BBBBBBBBBBBBBBBBBBBBBB', { confirmed: true, satisfaction: 4 })).status).toBe(404);
      expect((await t.get('/api/public/requests/feedback/x')).status).toBe(404);
      expect((await answer(token, { confirmed: true, satisfaction: 4 })).status).toBe(404);
    });

    it('escalate to the 包保领导 when the enterprise says it is not solved', async () => {
      const request = await resolvedRequest('厂区道路硬化');
      const res = await answer(request.token, { confirmed: false, satisfaction: 2, comment: '道路仍未硬化' });
      expect(res.status).toBe(200);
      const after = await t.get(`/api/requests/${request.id}`, leader.token);
      expect(after.body).toMatchObject({
        status: 'escalated',
        escalationReason: 'enterprise_rejected',
        escalatedToId: leader.id,
        satisfaction: 2,
      });
      const notes = await t.get('/api/notifications?kind=request_overdue', leader.token);
      expect(notes.body.items[0]).toMatchObject({
        title: '企业诉求升级：皓月食品有限公司',
        body: expect.stringContaining('企业不认可办理结果'),
        link: `/aftercare/requests/${request.id}`,
      });
      expect((await answer(request.token, { confirmed: true, satisfaction: 5 })).status).toBe(410);
    });

    it('name a rating outside 1–5, a missing confirmation and unknown fields, and keep the link usable', async () => {
      const request = await resolvedRequest('食堂卫生许可');
      const bad = await answer(request.token, { satisfaction: 6, extra: 'x' });
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['confirmed', 'extra', 'satisfaction']);
      expect((await answer(request.token, { confirmed: true, satisfaction: 3 })).status).toBe(200);
    });
  });

  describe('the notification of an enterprise’s own request', () => {
    /** A company in aftercare (marked by the admin) with the given people, and its form link. */
    const companyInAftercare = async (
      name: string,
      people: { responsibleLeaderId?: string; affairsRepId?: string },
    ) => {
      const created = (await t.post('/api/companies', { name }, admin.token)).body as { id: string };
      const assigned = await t.patch(
        `/api/aftercare/companies/${created.id}`,
        { aftercareEligible: true, ...people, version: 0 },
        admin.token,
      );
      if (assigned.status !== 200) throw new Error(JSON.stringify(assigned.body));
      const link = await t.get(`/api/aftercare/companies/${created.id}/request-link`, admin.token);
      return { id: created.id, token: link.body.token as string };
    };
    const sendRequest = async (linkToken: string, companyId: string) => {
      expect((await submit(linkToken, valid)).status).toBe(201);
      const [latest] = await requestsOf(companyId);
      return latest.id as string;
    };
    const linkingTo = async (user: TestUser, requestId: string) =>
      (
        (await t.get('/api/notifications?kind=request_submitted&limit=100', user.token)).body.items as Array<{
          link: string;
        }>
      ).filter((n) => n.link === `/aftercare/requests/${requestId}`);

    it('goes to the representative once, linking to the request; not to the leader, other teams or outsiders', async () => {
      const rep2 = await t.createUser('rep.qian', 'staff', await t.createTeam('服务专班'));
      const target = await companyInAftercare('星河电子有限公司', {
        responsibleLeaderId: leader.id,
        affairsRepId: rep2.id,
      });
      const id = await sendRequest(target.token, target.id);
      const mine = await linkingTo(rep2, id);
      expect(mine).toEqual([
        {
          id: expect.any(String),
          kind: 'request_submitted',
          title: '企业新诉求：星河电子有限公司',
          body: `王经理（13812345678）通过二维码提交了水电气暖诉求：${valid.description}。请尽快联系企业并转办。`,
          link: `/aftercare/requests/${id}`,
          readAt: null,
          createdAt: expect.any(String),
        },
      ]);
      for (const other of [leader, admin, staffA, rep, outsider]) expect(await linkingTo(other, id)).toEqual([]);
      expect((await t.get(mine[0].link.replace('/aftercare', '/api'), rep2.token)).status).toBe(200);
    });

    it('goes to the 包保领导 when the company has no representative', async () => {
      const leader2 = await t.createUser('leader.li', 'leader');
      const target = await companyInAftercare('云帆物流有限公司', { responsibleLeaderId: leader2.id });
      const id = await sendRequest(target.token, target.id);
      expect(await linkingTo(leader2, id)).toHaveLength(1);
      for (const other of [leader, admin, staffA, rep, outsider]) expect(await linkingTo(other, id)).toEqual([]);
    });

    it('goes to every leader when the company has neither, saying so; never to staff', async () => {
      const target = await companyInAftercare('长风机械有限公司', {});
      const id = await sendRequest(target.token, target.id);
      const [note] = await linkingTo(leader, id);
      expect(note).toMatchObject({ body: expect.stringContaining('该企业尚未指定政府事务代表和包保领导') });
      for (const other of [admin, staffA, rep, outsider]) expect(await linkingTo(other, id)).toEqual([]);
    });

    it('is not sent for a dropped honeypot submission, nor for a request logged by staff', async () => {
      const rep3 = await t.createUser('rep.sun', 'staff');
      const target = await companyInAftercare('海岳建材有限公司', { affairsRepId: rep3.id });
      expect((await submit(target.token, { ...valid, website: 'http://spam.example' })).status).toBe(201);
      const logged = await t.post(
        '/api/requests',
        { companyId: target.id, category: 'land', description: '扩建用地指标' },
        admin.token,
      );
      expect(logged.status).toBe(201);
      expect((await t.get('/api/notifications?kind=request_submitted', rep3.token)).body.total).toBe(0);
    });
  });

  describe('GET /api/docs-json', () => {
    it('documents the aftercare routes with their DTOs', async () => {
      const doc = (await t.get('/api/docs-json')).body;
      for (const path of [
        '/api/aftercare/my-enterprises',
        '/api/aftercare/companies/{id}/request-link',
        '/api/requests/stats',
        '/api/requests/{id}/transitions',
        '/api/public/requests/{token}',
        '/api/public/requests/feedback/{token}',
        '/api/cultivation',
      ]) {
        expect(doc.paths[path]).toBeDefined();
      }
      expect(Object.keys(doc.paths['/api/public/requests/feedback/{token}'].post.responses)).toEqual(
        expect.arrayContaining(['200', '404', '410', '429']),
      );
      expect(doc.components.schemas.RequestResponseDto.properties.status.enum).toEqual([
        'open',
        'in_progress',
        'resolved',
        'confirmed',
        'escalated',
      ]);
      expect(doc.components.schemas.MyEnterpriseResponseDto.required).toEqual(
        expect.arrayContaining(['latestActivity', 'openRequestCount', 'projects']),
      );
    });
  });
});
