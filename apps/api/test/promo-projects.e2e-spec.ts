import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { CardOpensRecorder } from '../src/modules/public-cards/card-opens.recorder';
import { TestApp, fieldsNamed, type TestUser } from './harness';

const BASE = 'https://zs.example.gov.cn';

/** A complete land card: what a submit needs. */
const LAND = {
  kind: 'land',
  title: '汽车零部件产业园 A-03 地块',
  summary: '经开区核心，三通一平，可即时供地。',
  location: '经开区汽车大道 88 号',
  landMu: 120.5,
  investmentScaleWan: 50000,
  advantages: '<ul><li>毗邻整车厂</li><li>高速出口 3 公里</li></ul>',
  policies: '<p>前三年租金<strong>全免</strong></p>',
  contactName: '张专员',
  contactPhone: '0731-8888 1234',
};

function multipart(filename: string, contentType: string, bytes: Buffer) {
  const boundary = `----lianqiao${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 11, g: 61, b: 145 } } })
    .png()
    .toBuffer();
}

describe('promo projects', () => {
  let t: TestApp;
  let teamA: string;
  let teamB: string;
  let staffA: TestUser;
  let mateA: TestUser;
  let staffB: TestUser;
  let leader: TestUser;
  let admin: TestUser;

  const create = async (token: string, body: object = LAND) => {
    const res = await t.post('/api/promo-projects', body, token);
    expect(res.status).toBe(201);
    return res.body as { id: string; slug: string; version: number; status: string; reviewState: string };
  };
  const act = (id: string, action: string, version: number, token: string, extra: object = {}) =>
    t.post(`/api/promo-projects/${id}/${action}`, { version, ...extra }, token);
  /** Submit by the owner, approve by the leader: a live card. */
  const publish = async (token: string, body: object = LAND) => {
    const card = await create(token, body);
    const submitted = await act(card.id, 'submit', card.version, token);
    expect(submitted.status).toBe(200);
    const approved = await act(card.id, 'approve', submitted.body.version, leader.token);
    expect(approved.status).toBe(200);
    return approved.body as { id: string; slug: string; version: number; status: string; liveVersion: number };
  };
  const upload = (id: string, token: string, file: { payload: Buffer; headers: Record<string, string> }) =>
    t.app.inject({
      method: 'POST',
      url: `/api/promo-projects/${id}/images`,
      headers: { ...file.headers, authorization: `Bearer ${token}` },
      payload: file.payload,
    });

  beforeAll(async () => {
    t = await TestApp.start('promo_projects', {
      TRUST_PROXY_HOPS: '1',
      PUBLIC_BASE_URL: BASE,
      DISTRICT_NAME: '示范区',
      CARD_IMAGE_MAX_BYTES: '300000',
    });
    teamA = await t.createTeam('汽车专班');
    teamB = await t.createTeam('轨道交通专班');
    staffA = await t.createUser('promo.a', 'staff', teamA);
    mateA = await t.createUser('promo.a2', 'staff', teamA);
    staffB = await t.createUser('promo.b', 'staff', teamB);
    leader = await t.createUser('promo.leader', 'leader');
    admin = await t.createUser('promo.admin', 'admin');
  });
  afterAll(() => t.close());

  describe('POST /api/promo-projects', () => {
    it('creates a draft owned by the caller and their team, with a short public address', async () => {
      const res = await t.post('/api/promo-projects', LAND, staffA.token);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ...LAND,
        floorAreaM2: null,
        chainNodeIds: [],
        coverImageId: null,
        galleryImageIds: [],
        status: 'draft',
        reviewState: 'editing',
        reviewComment: null,
        slug: expect.stringMatching(/^[a-z2-9]{8}$/),
        publicUrl: `${BASE}/c/${res.body.slug}`,
        expiresAt: null,
        ownerId: staffA.id,
        teamId: teamA,
        liveVersion: null,
        publishedAt: null,
        submittedAt: null,
        cover: null,
        gallery: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it('keeps only the whitelisted markup of advantages and policies, and turns plain lines into paragraphs', async () => {
      const card = await create(staffA.token, {
        ...LAND,
        advantages:
          '<p onclick="steal()">区位<strong style="x">优越</strong></p><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a>',
        policies: '一、三年免租\n二、设备补贴 < 30%',
      });
      const res = await t.get(`/api/promo-projects/${card.id}`, staffA.token);
      expect(res.body.advantages).toBe('<p>区位<strong>优越</strong></p>链接');
      expect(res.body.policies).toBe('<p>一、三年免租</p><p>二、设备补贴 &lt; 30%</p>');
    });

    it('names every invalid field', async () => {
      const res = await t.post(
        '/api/promo-projects',
        {
          kind: 'castle',
          title: '',
          landMu: -1,
          floorAreaM2: 1.5,
          contactPhone: 'call me',
          chainNodeIds: ['x'],
          expiresAt: 'soon',
          owner: 'me',
        },
        staffA.token,
      );
      expect(res.status).toBe(400);
      expect([...new Set(fieldsNamed(res.body))]).toEqual(
        ['chainNodeIds', 'contactPhone', 'expiresAt', 'floorAreaM2', 'kind', 'landMu', 'owner', 'title'].sort(),
      );
    });

    it('refuses chain segments that do not exist', async () => {
      const res = await t.post(
        '/api/promo-projects',
        { ...LAND, chainNodeIds: ['00000000-0000-4000-8000-000000000000'] },
        staffA.token,
      );
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'chainNodeIds', message: expect.any(String) }]);
    });
  });

  describe('GET /api/promo-projects', () => {
    it("shows staff their team's cards and every published card, leaders all of them", async () => {
      const draftA = await create(mateA.token, { kind: 'district_intro', title: 'A 的区情草稿' });
      const draftB = await create(staffB.token, { kind: 'district_intro', title: 'B 的区情草稿' });
      const liveB = await publish(staffB.token, { ...LAND, title: 'B 的已发布地块' });
      const ids = async (token: string) =>
        (await t.get('/api/promo-projects?limit=200', token)).body.items.map((p: { id: string }) => p.id) as string[];
      const seenByA = await ids(staffA.token);
      expect(seenByA).toEqual(expect.arrayContaining([draftA.id, liveB.id]));
      expect(seenByA).not.toContain(draftB.id);
      expect(await ids(leader.token)).toEqual(expect.arrayContaining([draftA.id, draftB.id, liveB.id]));
      expect((await t.get(`/api/promo-projects/${draftB.id}`, staffA.token)).status).toBe(404);
      expect((await t.get(`/api/promo-projects/${liveB.id}`, staffA.token)).status).toBe(200);
    });

    it('filters by status, kind and title', async () => {
      const res = await t.get('/api/promo-projects?status=draft&kind=district_intro&q=区情', leader.token);
      expect(res.status).toBe(200);
      expect(
        res.body.items.every(
          (p: { status: string; kind: string }) => p.status === 'draft' && p.kind === 'district_intro',
        ),
      ).toBe(true);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      expect((await t.get('/api/promo-projects?status=gone', leader.token)).status).toBe(400);
    });
  });

  describe('PATCH /api/promo-projects/:id', () => {
    it('lets a teammate edit, and refuses a stale version with 409', async () => {
      const card = await create(staffA.token);
      const first = await t.patch(
        `/api/promo-projects/${card.id}`,
        { title: '改过的标题', version: card.version },
        mateA.token,
      );
      expect(first.status).toBe(200);
      expect(first.body.title).toBe('改过的标题');
      const stale = await t.patch(
        `/api/promo-projects/${card.id}`,
        { title: '过期的修改', version: card.version },
        staffA.token,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([{ field: 'version', message: expect.any(String) }]);
    });

    it('refuses another team: 404 for a draft it cannot see, 403 for a published card it can', async () => {
      const draft = await create(staffA.token);
      expect((await t.patch(`/api/promo-projects/${draft.id}`, { title: 'x', version: 1 }, staffB.token)).status).toBe(
        404,
      );
      const live = await publish(staffA.token);
      expect(
        (await t.patch(`/api/promo-projects/${live.id}`, { title: 'x', version: live.version }, staffB.token)).status,
      ).toBe(403);
      expect((await act(live.id, 'pause', live.version, staffB.token)).status).toBe(403);
    });

    it('lets only leaders hand a card to another owner, whose team it joins', async () => {
      const card = await create(staffA.token);
      expect(
        (await t.patch(`/api/promo-projects/${card.id}`, { ownerId: staffB.id, version: 1 }, staffA.token)).status,
      ).toBe(403);
      const moved = await t.patch(`/api/promo-projects/${card.id}`, { ownerId: staffB.id, version: 1 }, leader.token);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ ownerId: staffB.id, teamId: teamB });
      expect((await t.get(`/api/promo-projects/${card.id}`, staffA.token)).status).toBe(404);
    });
  });

  describe('review: submit, return, approve', () => {
    it('refuses to submit a card missing what the public needs, naming the fields', async () => {
      const card = await create(staffA.token, { kind: 'land', title: '空白地块' });
      const res = await act(card.id, 'submit', card.version, staffA.token);
      expect(res.status).toBe(422);
      expect(fieldsNamed(res.body)).toEqual(['contactPhone', 'landMu', 'summary']);
    });

    it('goes from draft through review and a return to published, notifying and auditing each step', async () => {
      const card = await create(staffA.token);
      const submitted = await act(card.id, 'submit', card.version, staffA.token);
      expect(submitted.body).toMatchObject({
        status: 'in_review',
        reviewState: 'in_review',
        submittedAt: expect.any(String),
      });

      const leaderInbox = await t.get('/api/notifications?kind=card_submitted', leader.token);
      expect(leaderInbox.body.items[0]).toMatchObject({
        title: `项目卡待审核：${LAND.title}`,
        link: `/promo-projects/${card.id}`,
      });

      expect(
        (
          await t.patch(
            `/api/promo-projects/${card.id}`,
            { title: '审核中偷改', version: submitted.body.version },
            staffA.token,
          )
        ).status,
      ).toBe(422);
      expect((await act(card.id, 'approve', submitted.body.version, staffA.token)).status).toBe(403);
      expect((await act(card.id, 'return', submitted.body.version, leader.token, { comment: '' })).status).toBe(400);

      const returned = await act(card.id, 'return', submitted.body.version, leader.token, {
        comment: '请补充供地时间',
      });
      expect(returned.body).toMatchObject({
        status: 'draft',
        reviewState: 'returned',
        reviewComment: '请补充供地时间',
      });
      const ownerInbox = await t.get('/api/notifications?kind=card_returned', staffA.token);
      expect(ownerInbox.body.items[0]).toMatchObject({ body: '请补充供地时间' });

      const edited = await t.patch(
        `/api/promo-projects/${card.id}`,
        { summary: '2026 年三季度可供地。', version: returned.body.version },
        staffA.token,
      );
      const resubmitted = await act(card.id, 'submit', edited.body.version, staffA.token);
      expect(resubmitted.body.reviewComment).toBeNull();
      const stale = await act(card.id, 'approve', edited.body.version, leader.token);
      expect(stale.status).toBe(409);
      const approved = await act(card.id, 'approve', resubmitted.body.version, leader.token);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'published',
        reviewState: 'clean',
        liveVersion: 1,
        publishedAt: expect.any(String),
      });
      expect((await act(card.id, 'approve', approved.body.version, leader.token)).status).toBe(422);
      expect((await t.get('/api/notifications?kind=card_approved', staffA.token)).body.items[0].title).toBe(
        `项目卡已发布：${LAND.title}`,
      );

      const trail = await t.get(`/api/audit?entity=promo_project&entityId=${card.id}`, admin.token);
      expect(trail.body.items.map((e: { action: string }) => e.action).reverse()).toEqual([
        'create',
        'submit',
        'return',
        'update',
        'submit',
        'approve',
      ]);
    });

    it('keeps the approved version live while an edit waits, and shows the edit only once approved', async () => {
      const live = await publish(staffA.token);
      const edited = await t.patch(
        `/api/promo-projects/${live.id}`,
        { title: '新标题（待审）', version: live.version },
        staffA.token,
      );
      expect(edited.body).toMatchObject({
        status: 'published',
        reviewState: 'editing',
        title: '新标题（待审）',
        liveVersion: 1,
      });
      expect((await t.get(`/api/public/cards/${live.slug}`)).body.title).toBe(LAND.title);
      expect((await t.get(`/c/${live.slug}`)).body).not.toContain('新标题（待审）');

      const submitted = await act(live.id, 'submit', edited.body.version, staffA.token);
      expect(submitted.body.status).toBe('published');
      expect((await t.get(`/api/public/cards/${live.slug}`)).body.title).toBe(LAND.title);
      const approved = await act(live.id, 'approve', submitted.body.version, leader.token);
      expect(approved.body.liveVersion).toBe(2);
      expect((await t.get(`/api/public/cards/${live.slug}`)).body.title).toBe('新标题（待审）');

      const versions = await t.get(`/api/promo-projects/${live.id}/versions`, staffA.token);
      expect(
        versions.body.map((v: { number: number; content: { title: string } }) => [v.number, v.content.title]),
      ).toEqual([
        [2, '新标题（待审）'],
        [1, LAND.title],
      ]);
      expect((await act(live.id, 'submit', approved.body.version, staffA.token)).status).toBe(422);
    });

    it('returns an edit of a published card without taking the live version down', async () => {
      const live = await publish(staffA.token);
      const edited = await t.patch(
        `/api/promo-projects/${live.id}`,
        { summary: '不合适的描述', version: live.version },
        staffA.token,
      );
      const submitted = await act(live.id, 'submit', edited.body.version, staffA.token);
      const returned = await act(live.id, 'return', submitted.body.version, leader.token, { comment: '描述不妥' });
      expect(returned.body).toMatchObject({ status: 'published', reviewState: 'returned' });
      expect((await t.get(`/api/public/cards/${live.slug}`)).body.summary).toBe(LAND.summary);
    });

    it('previews the working copy as public fields', async () => {
      const card = await create(staffA.token, { ...LAND, title: '预览中的标题' });
      const res = await t.get(`/api/promo-projects/${card.id}/preview`, staffA.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        slug: card.slug,
        title: '预览中的标题',
        kindLabel: '土地',
        districtName: '示范区',
      });
      expect(res.body).not.toHaveProperty('ownerId');
    });
  });

  describe('taking a card down', () => {
    it('pauses and resumes at once', async () => {
      const live = await publish(staffA.token);
      const paused = await act(live.id, 'pause', live.version, mateA.token);
      expect(paused.body.status).toBe('paused');
      expect((await t.get(`/c/${live.slug}`)).status).toBe(410);
      expect((await t.get(`/api/public/cards/${live.slug}`)).status).toBe(410);
      expect((await act(live.id, 'pause', paused.body.version, staffA.token)).status).toBe(422);
      const resumed = await act(live.id, 'resume', paused.body.version, staffA.token);
      expect(resumed.body.status).toBe('published');
      expect((await t.get(`/c/${live.slug}`)).status).toBe(200);
    });

    it('unpublishes at once, and needs a review to come back', async () => {
      const live = await publish(staffA.token);
      const down = await act(live.id, 'unpublish', live.version, staffA.token);
      expect(down.body.status).toBe('unpublished');
      expect((await t.get(`/c/${live.slug}`)).status).toBe(410);
      expect((await act(live.id, 'resume', down.body.version, staffA.token)).status).toBe(422);
      const submitted = await act(live.id, 'submit', down.body.version, staffA.token);
      expect(submitted.body.status).toBe('in_review');
      expect((await t.get(`/c/${live.slug}`)).status).toBe(410);
      await act(live.id, 'approve', submitted.body.version, leader.token);
      expect((await t.get(`/c/${live.slug}`)).status).toBe(200);
    });

    it('goes down when its expiry passes, and comes back when it is moved on, without review', async () => {
      const live = await publish(staffA.token);
      const past = await t.patch(
        `/api/promo-projects/${live.id}`,
        { expiresAt: new Date(Date.now() - 1000).toISOString(), version: live.version },
        staffA.token,
      );
      expect(past.body.reviewState).toBe('clean');
      expect((await t.get(`/c/${live.slug}`)).status).toBe(410);
      await t.patch(
        `/api/promo-projects/${live.id}`,
        { expiresAt: new Date(Date.now() + 86_400_000).toISOString(), version: past.body.version },
        staffA.token,
      );
      expect((await t.get(`/c/${live.slug}`)).status).toBe(200);
    });

    it('answers 410 after a delete, which needs the current version', async () => {
      const live = await publish(staffA.token);
      expect((await t.delete(`/api/promo-projects/${live.id}?version=${live.version - 1}`, staffA.token)).status).toBe(
        409,
      );
      expect((await t.delete(`/api/promo-projects/${live.id}?version=${live.version}`, staffA.token)).status).toBe(204);
      expect((await t.get(`/c/${live.slug}`)).status).toBe(410);
      expect((await t.get(`/api/promo-projects/${live.id}`, staffA.token)).status).toBe(404);
    });
  });

  describe('POST /api/promo-projects/:id/images', () => {
    it('stores web sizes of an upload, serves them to the team by signed URL, and takes one as the cover', async () => {
      const card = await create(staffA.token);
      const res = await upload(card.id, staffA.token, multipart('photo.jpg', 'image/jpeg', await png(2000, 1000)));
      expect(res.statusCode).toBe(201);
      const image = res.json();
      expect(image).toEqual({
        id: expect.any(String),
        width: 1600,
        height: 800,
        variants: [
          { size: 'sm', width: 480, height: 240, url: expect.stringMatching(`^/c/img/${image.id}-sm\\.webp\\?k=`) },
          { size: 'md', width: 960, height: 480, url: expect.stringMatching(`^/c/img/${image.id}-md\\.webp\\?k=`) },
          { size: 'lg', width: 1600, height: 800, url: expect.stringMatching(`^/c/img/${image.id}-lg\\.webp\\?k=`) },
        ],
      });
      // A draft's image is not public: only the signed URL serves it, privately.
      expect((await t.app.inject({ method: 'GET', url: `/c/img/${image.id}-sm.webp` })).statusCode).toBe(404);
      const served = await t.app.inject({ method: 'GET', url: image.variants[0].url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect((await sharp(served.rawPayload).metadata()).width).toBe(480);
      const again = await t.app.inject({
        method: 'GET',
        url: image.variants[0].url,
        headers: { 'if-none-match': served.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);

      const withCover = await t.patch(
        `/api/promo-projects/${card.id}`,
        { coverImageId: image.id, galleryImageIds: [image.id], version: card.version },
        staffA.token,
      );
      expect(withCover.status).toBe(200);
      expect(withCover.body.cover).toEqual(image);
      expect(withCover.body.gallery).toEqual([image]);
    });

    it('never enlarges a small picture', async () => {
      const card = await create(staffA.token);
      const res = await upload(card.id, staffA.token, multipart('small.png', 'image/png', await png(300, 200)));
      expect(res.json().variants.map((v: { width: number }) => v.width)).toEqual([300, 300, 300]);
    });

    it('judges a file by its bytes, not its name or declared type', async () => {
      const card = await create(staffA.token);
      const res = await upload(
        card.id,
        staffA.token,
        multipart('cover.png', 'image/png', Buffer.from('<svg onload="alert(1)"></svg>')),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'file', message: '仅支持 JPEG、PNG 或 WebP 图片' }]);
    });

    it('refuses a file over the limit with 413', async () => {
      const card = await create(staffA.token);
      const noise = await sharp(randomBytes(400 * 400 * 3), { raw: { width: 400, height: 400, channels: 3 } })
        .png()
        .toBuffer();
      expect(noise.length).toBeGreaterThan(300_000);
      const res = await upload(card.id, staffA.token, multipart('big.png', 'image/png', noise));
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toContain('图片过大');
    });

    it("refuses a body that is not multipart, another team, and another card's image", async () => {
      const card = await create(staffA.token);
      expect((await t.post(`/api/promo-projects/${card.id}/images`, { file: 'x' }, staffA.token)).status).toBe(400);
      expect((await upload(card.id, staffB.token, multipart('a.png', 'image/png', await png(10, 10)))).statusCode).toBe(
        404,
      );
      const other = await create(staffA.token);
      const foreign = (await upload(other.id, staffA.token, multipart('a.png', 'image/png', await png(10, 10)))).json();
      const res = await t.patch(
        `/api/promo-projects/${card.id}`,
        { coverImageId: foreign.id, version: card.version },
        staffA.token,
      );
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'coverImageId', message: expect.any(String) }]);
    });
  });

  describe('GET /api/promo-projects/:id/share', () => {
    it('gives the caller their own link, a PNG QR code, a WeChat text and what the poster needs', async () => {
      const live = await publish(staffA.token);
      const me = await t.get('/api/auth/me', staffB.token);
      const res = await t.get(`/api/promo-projects/${live.id}/share?format=png&size=print`, staffB.token);
      expect(res.status).toBe(200);
      const url = `${BASE}/c/${live.slug}?r=${me.body.referralCode}`;
      expect(res.body).toEqual({
        url,
        referralCode: me.body.referralCode,
        text: `【示范区招商推介】${LAND.title}\n${LAND.summary}\n投资规模5亿元，用地面积120.5亩\n详情及投资意向登记：${url}`,
        qr: {
          format: 'png',
          size: 'print',
          pixels: 2048,
          mimeType: 'image/png',
          dataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        },
        poster: {
          title: LAND.title,
          kindLabel: '土地',
          summary: LAND.summary,
          coverUrl: null,
          districtName: '示范区',
          figures: [
            { label: '投资规模', value: '5亿元' },
            { label: '用地面积', value: '120.5亩' },
            { label: '项目位置', value: LAND.location },
          ],
          contactName: LAND.contactName,
          contactPhone: LAND.contactPhone,
        },
      });
      const qr = Buffer.from(res.body.qr.dataUrl.split(',')[1], 'base64');
      expect((await sharp(qr).metadata()).width).toBe(2048);
    });

    it('gives an SVG QR code for screens', async () => {
      const live = await publish(staffA.token);
      const res = await t.get(`/api/promo-projects/${live.id}/share?format=svg`, staffA.token);
      expect(res.body.qr).toMatchObject({ format: 'svg', size: 'screen', pixels: 512, mimeType: 'image/svg+xml' });
      expect(Buffer.from(res.body.qr.dataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    });

    it('refuses a card that is not live with 422, and a bad format with 400', async () => {
      const draft = await create(staffA.token);
      expect((await t.get(`/api/promo-projects/${draft.id}/share`, staffA.token)).status).toBe(422);
      expect((await t.get(`/api/promo-projects/${draft.id}/share?format=gif`, staffA.token)).status).toBe(400);
    });
  });

  describe('POST /api/promo-projects/share-packages', () => {
    it("zips a leader's share packages for several cards", async () => {
      const one = await publish(staffA.token);
      const two = await publish(staffB.token, { ...LAND, title: '第二张卡' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/promo-projects/share-packages',
        headers: { authorization: `Bearer ${leader.token}` },
        payload: { ids: [one.id, two.id] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cards-share-\d{8}\.zip"$/);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const files = Object.keys(zip.files)
        .filter((name) => !zip.files[name].dir)
        .sort();
      expect(files).toEqual(
        [
          'cards.csv',
          ...[one.slug, two.slug].flatMap((s) =>
            ['link.txt', 'qr-print.png', 'qr-screen.png', 'qr.svg', 'share.txt'].map((f) => `${s}/${f}`),
          ),
        ].sort(),
      );
      const me = await t.get('/api/auth/me', leader.token);
      expect(await zip.file(`${one.slug}/link.txt`)!.async('string')).toBe(
        `${BASE}/c/${one.slug}?r=${me.body.referralCode}\n`,
      );
      expect(await zip.file('cards.csv')!.async('string')).toContain('第二张卡');
    });

    it('is for leaders, checks the ids and names the cards that are not live', async () => {
      const draft = await create(staffA.token);
      expect((await t.post('/api/promo-projects/share-packages', { ids: [draft.id] }, staffA.token)).status).toBe(403);
      expect((await t.post('/api/promo-projects/share-packages', { ids: [] }, leader.token)).status).toBe(400);
      const res = await t.post('/api/promo-projects/share-packages', { ids: [draft.id] }, leader.token);
      expect(res.status).toBe(422);
      expect(res.body.message).toContain(draft.id);
    });
  });

  describe('GET /api/promo-projects/:id/stats', () => {
    it('counts opens, unique visitors, interests and leads per day, referral code and staff member', async () => {
      const live = await publish(staffA.token);
      const codeB = (await t.get('/api/auth/me', staffB.token)).body.referralCode as string;
      const open = (r: string | null, ip: string, ua: string) =>
        t.app.inject({
          method: 'GET',
          url: `/c/${live.slug}${r ? `?r=${r}` : ''}`,
          headers: { 'x-forwarded-for': ip, 'user-agent': ua },
        });
      const wechat = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.47';
      const desktop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0';
      await open(codeB, '203.0.113.1', wechat);
      await open(codeB, '203.0.113.1', wechat);
      await open(codeB, '203.0.113.2', desktop);
      await open(null, '203.0.113.3', desktop);
      await open('zzzzzzzz', '203.0.113.4', desktop);
      await t.app.get(CardOpensRecorder).flush();
      const interest = await t.request('POST', `/api/public/cards/${live.slug}/interest`, {
        body: { name: '王先生', company: '某汽车零部件公司', mobile: '13800001111', r: codeB },
        headers: { 'x-forwarded-for': '198.51.100.77' },
      });
      expect(interest.status).toBe(201);

      const res = await t.get(`/api/promo-projects/${live.id}/stats`, staffA.token);
      expect(res.status).toBe(200);
      const row = (over: object) => ({
        opens: 0,
        uniqueVisitors: 0,
        wechatOpens: 0,
        mobileOpens: 0,
        interests: 0,
        leads: 0,
        projects: 0,
        signedWan: 0,
        ...over,
      });
      expect(res.body.totals).toEqual(
        row({ opens: 5, uniqueVisitors: 4, wechatOpens: 2, mobileOpens: 2, interests: 1, leads: 1 }),
      );
      expect(res.body.byDay).toHaveLength(30);
      expect(res.body.byDay[29]).toEqual({
        day: res.body.to,
        ...row({ opens: 5, uniqueVisitors: 4, wechatOpens: 2, mobileOpens: 2, interests: 1, leads: 1 }),
      });
      expect(res.body.byReferral).toEqual([
        {
          referralCode: codeB,
          userId: staffB.id,
          displayName: 'promo.b',
          ...row({ opens: 3, uniqueVisitors: 2, wechatOpens: 2, mobileOpens: 2, interests: 1, leads: 1 }),
        },
        { referralCode: 'zzzzzzzz', userId: null, displayName: null, ...row({ opens: 1, uniqueVisitors: 1 }) },
        { referralCode: null, userId: null, displayName: null, ...row({ opens: 1, uniqueVisitors: 1 }) },
      ]);
      expect(res.body.byStaff).toEqual([
        {
          userId: staffB.id,
          displayName: 'promo.b',
          ...row({ opens: 3, uniqueVisitors: 2, wechatOpens: 2, mobileOpens: 2, interests: 1, leads: 1 }),
        },
        { userId: staffA.id, displayName: 'promo.a', ...row({ opens: 2, uniqueVisitors: 2 }) },
      ]);
    });

    it('checks the range and keeps other teams out', async () => {
      const live = await publish(staffA.token);
      expect(
        (await t.get(`/api/promo-projects/${live.id}/stats?from=2026-05-10&to=2026-05-01`, staffA.token)).status,
      ).toBe(400);
      expect(
        (await t.get(`/api/promo-projects/${live.id}/stats?from=2020-01-01&to=2026-01-01`, staffA.token)).status,
      ).toBe(400);
      expect((await t.get(`/api/promo-projects/${live.id}/stats?from=May`, staffA.token)).status).toBe(400);
      expect((await t.get(`/api/promo-projects/${live.id}/stats`, staffB.token)).status).toBe(403);
      const range = await t.get(`/api/promo-projects/${live.id}/stats?from=2026-05-01&to=2026-05-03`, leader.token);
      expect(range.body.byDay.map((d: { day: string }) => d.day)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    });
  });
});
