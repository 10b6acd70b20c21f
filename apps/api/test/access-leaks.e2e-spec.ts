import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { TestApp, type TestUser } from './harness';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The leaks found by trying the product as a hostile staff member of another team (issue 13), each
 * replayed: before the one access policy, every test here failed.
 */
describe('access: the leaks of issue 13 stay closed', () => {
  let t: TestApp;
  let staffA: TestUser;
  let mateA: TestUser;
  let staffB: TestUser;
  let leader: TestUser;

  const ok = async <T = Body>(response: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> => {
    const res = await response;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const refused = (res: { status: number; body: Body }, field: string) => {
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, message: expect.stringContaining(field) });
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
  };

  const roadshowPlan = {
    city: '上海',
    startsAt: '2026-12-10T09:00:00+08:00',
    endsAt: '2026-12-11T17:00:00+08:00',
    format: 'offline',
  };
  const tripPlan = {
    direction: 'outbound',
    cities: ['上海'],
    startsOn: '2026-12-01',
    endsOn: '2026-12-03',
    purpose: '拜访',
  };
  const LAND = {
    kind: 'land',
    title: '乙专班地块',
    summary: '可即时供地。',
    landMu: 100,
    contactName: '李专员',
    contactPhone: '0731-8888 1234',
  };

  let roadshowB: Body;
  let tripB: Body;
  let draftCardB: Body;

  beforeAll(async () => {
    t = await TestApp.start('access_leaks');
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    leader = await t.createUser('leader', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    mateA = await t.createUser('mate.a', 'staff', teamA);
    staffB = await t.createUser('staff.b', 'staff', teamB);
    roadshowB = await ok(t.post('/api/roadshows', { ...roadshowPlan, name: '乙专班秘密推介会' }, staffB.token), 201);
    tripB = await ok(t.post('/api/delegations', { ...tripPlan, name: '乙专班秘密行程' }, staffB.token), 201);
    draftCardB = await ok(t.post('/api/promo-projects', { ...LAND, title: '乙专班草稿卡' }, staffB.token), 201);
  });
  afterAll(() => t.close());

  describe('1. personal data of a contact', () => {
    let company: Body;
    let contact: Body;

    beforeAll(async () => {
      company = await ok(t.post('/api/companies', { name: '联系人测试企业' }, staffA.token), 201);
      contact = await ok(
        t.post(
          `/api/companies/${company.id}/contacts`,
          { name: '王总', mobile: '13812341234', wechat: 'wang_zong_wx', email: 'wang.zong@example.com' },
          staffA.token,
        ),
        201,
      );
      await ok(
        t.patch(
          `/api/companies/${company.id}/contacts/${contact.id}`,
          { mobile: '13999998888', email: 'wz@example.com', version: contact.version },
          staffA.token,
        ),
      );
    });

    it("masks the mobile, e-mail and WeChat id in the trail (before and after) for another team's staff", async () => {
      const trail = await ok(t.get(`/api/audit?entity=contact&entityId=${contact.id}`, staffB.token));
      expect(trail.items).toHaveLength(2);
      const text = JSON.stringify(trail);
      for (const secret of ['13812341234', '13999998888', 'wang_zong_wx', 'wang.zong@example.com', 'wz@example.com'])
        expect(text).not.toContain(secret);
      const update = trail.items.find((e: Body) => e.action === 'update');
      expect(update.before).toMatchObject({ mobile: '138****1234', wechat: null, email: 'w***@example.com' });
      expect(update.after).toMatchObject({ mobile: '139****8888', wechat: null, email: 'w***@example.com' });
    });

    it('shows them whole to the owner, the team and leaders', async () => {
      for (const user of [staffA, mateA, leader]) {
        const trail = await ok(t.get(`/api/audit?entity=contact&entityId=${contact.id}`, user.token));
        const update = trail.items.find((e: Body) => e.action === 'update');
        expect(update.before).toMatchObject({ mobile: '13812341234', wechat: 'wang_zong_wx' });
        expect(update.after).toMatchObject({ mobile: '13999998888', email: 'wz@example.com' });
      }
    });

    it('masks the e-mail like the mobile in the contact list (one rule for personal data)', async () => {
      const theirs = await ok<Body[]>(
        t.get(`/api/companies/${company.id}/contacts`, staffB.token).then((r) => ({ ...r, body: r.body.items })),
      );
      expect(theirs[0]).toMatchObject({
        mobile: '139****8888',
        mobileMasked: true,
        wechat: null,
        email: 'w***@example.com',
      });
      const ours = await ok<Body>(t.get(`/api/companies/${company.id}/contacts`, mateA.token));
      expect(ours.items[0]).toMatchObject({ mobile: '13999998888', email: 'wz@example.com', wechat: 'wang_zong_wx' });
    });

    it('refuses an unknown audit entity with 400 naming it', async () => {
      const res = await t.get(`/api/audit?entity=nothing&entityId=${contact.id}`, leader.token);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['entity']);
    });
  });

  describe('2. reference fields accept only what the caller may see and use', () => {
    it("refuses another team's roadshow, trip or draft card as a lead's or project's sourceRefId (422)", async () => {
      for (const ref of [roadshowB.id, tripB.id, draftCardB.id]) {
        refused(
          await t.post('/api/leads', { name: '借别人的活动', source: 'roadshow', sourceRefId: ref }, staffA.token),
          'sourceRefId',
        );
        refused(
          await t.post(
            '/api/projects',
            { name: '借别人的活动', leadSource: 'roadshow', sourceRefId: ref },
            staffA.token,
          ),
          'sourceRefId',
        );
      }
      const lead = await ok(t.post('/api/leads', { name: '自己的线索', source: 'online' }, staffA.token), 201);
      // The source is set once, at creation: a change names the field as not allowed.
      const patched = await t.patch(
        `/api/leads/${lead.id}`,
        { sourceRefId: roadshowB.id, version: lead.version },
        staffA.token,
      );
      expect([patched.status, patched.body.details.map((d: { field: string }) => d.field)]).toEqual([
        400,
        ['sourceRefId'],
      ]);
      const project = await ok(t.post('/api/projects', { name: '自己的项目' }, staffA.token), 201);
      const moved = await t.patch(
        `/api/projects/${project.id}`,
        { sourceRefId: roadshowB.id, version: project.version },
        staffA.token,
      );
      expect([moved.status, moved.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['sourceRefId']]);
    });

    it("accepts their own team's roadshow and a made-up id is refused the same way", async () => {
      const own = await ok(t.post('/api/roadshows', { ...roadshowPlan, name: '甲专班推介会' }, mateA.token), 201);
      await ok(
        t.post('/api/leads', { name: '本专班活动的线索', source: 'roadshow', sourceRefId: own.id }, staffA.token),
        201,
      );
      refused(
        await t.post(
          '/api/leads',
          { name: 'x', source: 'roadshow', sourceRefId: '7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d' },
          staffA.token,
        ),
        'sourceRefId',
      );
    });

    it("refuses another team's company-less references: ownerId, companyId of nothing", async () => {
      refused(
        await t.post(
          '/api/leads',
          { name: 'x', source: 'online', companyId: '7d0c7a5e-2f7e-4a43-9c3e-4f8d3a1b2c3d' },
          staffA.token,
        ),
        'companyId',
      );
    });

    describe('records referenced before the rule (old data) do not leak either', () => {
      let lead: Body;
      let project: Body;
      beforeAll(async () => {
        lead = await ok(t.post('/api/leads', { name: '旧数据线索', source: 'roadshow' }, staffA.token), 201);
        project = await ok(t.post('/api/projects', { name: '旧数据项目', leadSource: 'roadshow' }, staffA.token), 201);
        await t.dataSource.query('UPDATE leads SET source_ref_id = $1 WHERE id = $2', [roadshowB.id, lead.id]);
        await t.dataSource.query(
          `UPDATE projects SET source_ref_id = $1, stage = 'signed', contracted_wan = 99999999, signed_at = now() WHERE id = $2`,
          [roadshowB.id, project.id],
        );
      });

      it("hides the other team's roadshow name in the attribution of the lead and the project", async () => {
        for (const url of [`/api/leads/${lead.id}/attribution`, `/api/projects/${project.id}/attribution`]) {
          const body = await ok(t.get(url, staffA.token));
          expect(JSON.stringify(body)).not.toContain('乙专班秘密推介会');
          expect(body.sourceRef).toMatchObject({ id: roadshowB.id, visible: false });
        }
      });

      it("keeps the other team's roadshow out of the caller's dashboard top list", async () => {
        const top = await ok(t.get('/api/dashboard/top?year=2026', staffA.token));
        expect(JSON.stringify(top)).not.toContain('乙专班秘密推介会');
      });

      it("does not count the project in the other team's roadshow yield, for them or for leaders", async () => {
        for (const user of [staffB, leader]) {
          const figures = await ok(t.get(`/api/roadshows/${roadshowB.id}/yield`, user.token));
          expect(figures).toMatchObject({ leads: 0, projects: 0, signedProjects: 0, contractedWan: 0 });
          const list = await ok(t.get(`/api/roadshows?q=${encodeURIComponent('乙专班秘密')}`, user.token));
          expect(list.items[0].yield).toMatchObject({ leads: 0, projects: 0, contractedWan: 0 });
        }
      });
    });
  });

  describe('3. a roadshow promoting cards', () => {
    it("refuses another team's draft card in promoProjectIds (422) and never shows its title", async () => {
      const res = await t.post(
        '/api/roadshows',
        { ...roadshowPlan, name: '甲推介会', promoProjectIds: [draftCardB.id] },
        staffA.token,
      );
      refused(res, 'promoProjectIds');
      expect(JSON.stringify(res.body)).not.toContain('乙专班草稿卡');
    });

    it('hides the title of a card that is out of sight in an existing roadshow', async () => {
      const show = await ok(t.post('/api/roadshows', { ...roadshowPlan, name: '甲推介会二' }, staffA.token), 201);
      await t.dataSource.query('UPDATE roadshows SET promo_project_ids = $1 WHERE id = $2', [[draftCardB.id], show.id]);
      const got = await ok(t.get(`/api/roadshows/${show.id}`, staffA.token));
      expect(JSON.stringify(got)).not.toContain('乙专班草稿卡');
      expect(JSON.stringify(got)).not.toContain('"draft"');
    });
  });

  describe('4. a member from another team on a trip', () => {
    it("sees the trip report without the owning team's lead names and statuses", async () => {
      const trip = await ok(
        t.post(
          '/api/delegations',
          { ...tripPlan, name: '甲专班行程', memberIds: [staffA.id, staffB.id] },
          staffA.token,
        ),
        201,
      );
      const company = await ok(t.post('/api/companies', { name: '行程拜访企业' }, staffA.token), 201);
      const visit = await ok(
        t.post(
          `/api/delegations/${trip.id}/visits`,
          { companyId: company.id, visitedAt: '2026-12-01T10:00:00+08:00', summary: '座谈' },
          staffA.token,
        ),
        201,
      );
      const lead = await ok(
        t.post(`/api/delegations/${trip.id}/visits/${visit.id}/lead`, { name: '甲专班机密线索' }, staffA.token),
        201,
      );
      expect((await t.get(`/api/leads/${lead.id}`, staffB.token)).status).toBe(404);

      const report = await ok(t.get(`/api/delegations/${trip.id}/report`, staffB.token));
      expect(JSON.stringify(report)).not.toContain('甲专班机密线索');
      expect(report.visits[0].lead).toBeNull();
      const xlsx = await t.app.inject({
        method: 'GET',
        url: `/api/delegations/${trip.id}/report.xlsx`,
        headers: { authorization: `Bearer ${staffB.token}` },
      });
      expect(xlsx.statusCode).toBe(200);
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(xlsx.rawPayload);
      const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      const sheets = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => name.startsWith('xl/worksheets/') && name.endsWith('.xml'))
          .map((name) => zip.file(name)!.async('string')),
      );
      expect(strings + sheets.join('')).not.toContain('甲专班机密线索');

      const own = await ok(t.get(`/api/delegations/${trip.id}/report`, mateA.token));
      expect(own.visits[0].lead).toMatchObject({ name: '甲专班机密线索' });
    });
  });

  describe('5. promoted-project cards', () => {
    const act = (id: string, action: string, version: number, token: string) =>
      ok(t.post(`/api/promo-projects/${id}/${action}`, { version }, token));

    it('shows other teams the approved live version of a card, never the working copy', async () => {
      const card = await ok(t.post('/api/promo-projects', { ...LAND, title: '已发布的标题' }, staffA.token), 201);
      const submitted = await act(card.id, 'submit', card.version, staffA.token);
      const live = await act(card.id, 'approve', submitted.version, leader.token);
      await ok(
        t.patch(`/api/promo-projects/${card.id}`, { title: '未审核的新标题', version: live.version }, staffA.token),
      );

      const theirs = await ok(t.get(`/api/promo-projects/${card.id}`, staffB.token));
      expect(theirs.title).toBe('已发布的标题');
      expect(JSON.stringify(theirs)).not.toContain('未审核的新标题');
      const list = await ok(t.get('/api/promo-projects?status=published', staffB.token));
      expect(JSON.stringify(list)).not.toContain('未审核的新标题');
      expect(list.items.find((c: Body) => c.id === card.id).title).toBe('已发布的标题');
      expect((await t.get(`/api/promo-projects/${card.id}/preview`, staffB.token)).status).toBe(404);

      const ours = await ok(t.get(`/api/promo-projects/${card.id}`, mateA.token));
      expect(ours.title).toBe('未审核的新标题');

      // A lead pointed at the card (old data) names it, outside its team, by its approved title too.
      const lead = await ok(t.post('/api/leads', { name: '乙专班的线索', source: 'card_interest' }, staffB.token), 201);
      await t.dataSource.query('UPDATE leads SET source_ref_id = $1 WHERE id = $2', [card.id, lead.id]);
      const attribution = await ok(t.get(`/api/leads/${lead.id}/attribution`, staffB.token));
      expect(attribution.sourceRef).toMatchObject({ id: card.id, name: '已发布的标题', visible: true });
    });

    it('serves the images of an unpublished card to nobody outside, and a published one to everyone', async () => {
      const card = await ok(t.post('/api/promo-projects', { ...LAND, title: '草稿卡' }, staffA.token), 201);
      const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 1, g: 2, b: 3 } } })
        .png()
        .toBuffer();
      const boundary = `----x${randomBytes(6).toString('hex')}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/promo-projects/${card.id}/images`,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${staffA.token}`,
        },
        payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
      expect(uploaded.statusCode).toBe(201);
      const image = uploaded.json();
      const bare = `/c/img/${image.id}-sm.webp`;
      const get = (url: string) => t.app.inject({ method: 'GET', url });
      expect((await get(bare)).statusCode).toBe(404);
      expect((await get(`${bare}?k=${'1'.repeat(13)}.forged`)).statusCode).toBe(404);
      const signed = image.variants[0].url as string;
      expect((await get(signed)).statusCode).toBe(200);
      // Another image's signature does not open this one.
      expect((await get(signed.replace(image.id, draftCardB.id))).statusCode).toBe(404);

      const withCover = await ok(
        t.patch(`/api/promo-projects/${card.id}`, { coverImageId: image.id, version: card.version }, staffA.token),
      );
      const submitted = await act(card.id, 'submit', withCover.version, staffA.token);
      await act(card.id, 'approve', submitted.version, leader.token);
      const served = await get(bare);
      expect(served.statusCode).toBe(200);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const theirs = await ok(t.get(`/api/promo-projects/${card.id}`, staffB.token));
      expect(theirs.cover.variants[0].url).toBe(bare);
    });
  });
});
