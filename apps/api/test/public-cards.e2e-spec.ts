import { JSDOM } from 'jsdom';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CardOpensRecorder } from '../src/modules/public-cards/card-opens.recorder';
import { TestApp, fieldsNamed, type TestUser } from './harness';

const BASE = 'https://zs.example.gov.cn';
const XSS = `"><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>`;
const LAND = {
  kind: 'land',
  title: '汽车零部件产业园 A-03 地块',
  summary: '经开区核心，三通一平，可即时供地。',
  location: '经开区汽车大道 88 号',
  landMu: 120.5,
  investmentScaleWan: 50000,
  advantages: '<ul><li>毗邻整车厂</li></ul>',
  policies: '<p>前三年租金全免</p>',
  contactName: '张专员',
  contactPhone: '0731-8888 1234',
};
const PUBLIC_FIELDS = [
  'slug',
  'kind',
  'kindLabel',
  'title',
  'summary',
  'location',
  'landMu',
  'floorAreaM2',
  'investmentScaleWan',
  'advantages',
  'policies',
  'contactName',
  'contactPhone',
  'cover',
  'gallery',
  'districtName',
  'publishedAt',
].sort();
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36 MicroMessenger/8.0.49';

describe('public cards', () => {
  let t: TestApp;
  let team: string;
  let owner: TestUser;
  let referrer: TestUser;
  let leader: TestUser;
  let ipCounter = 0;
  /** A fresh client address per request, unless a test is about one address. */
  const nextIp = () => `192.0.2.${++ipCounter % 250}`;

  const publish = async (body: object = LAND) => {
    const created = await t.post('/api/promo-projects', body, owner.token);
    expect(created.status).toBe(201);
    const submitted = await t.post(
      `/api/promo-projects/${created.body.id}/submit`,
      { version: created.body.version },
      owner.token,
    );
    expect(submitted.status).toBe(200);
    const approved = await t.post(
      `/api/promo-projects/${created.body.id}/approve`,
      { version: submitted.body.version },
      leader.token,
    );
    expect(approved.status).toBe(200);
    return approved.body as { id: string; slug: string; version: number };
  };
  const page = (slug: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/c/${slug}`, headers: { 'x-forwarded-for': nextIp(), ...headers } });
  const interest = (slug: string, body: object, ip = nextIp()) =>
    t.request('POST', `/api/public/cards/${slug}/interest`, { body, headers: { 'x-forwarded-for': ip } });
  const form = (slug: string, fields: Record<string, string>, ip = nextIp()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/cards/${slug}/interest`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      payload: new URLSearchParams(fields).toString(),
    });
  const interestsOf = async (cardId: string) =>
    (await t.get(`/api/promo-projects/${cardId}/interests`, owner.token)).body.items as {
      id: string;
      mobile: string;
      ownerId: string;
      leadId: string;
      submissionCount: number;
      message: string | null;
      referralCode: string | null;
    }[];

  beforeAll(async () => {
    t = await TestApp.start('public_cards', {
      // The tests speak as several investors through one reverse proxy (X-Forwarded-For).
      TRUST_PROXY_HOPS: '1',
      PUBLIC_BASE_URL: BASE,
      DISTRICT_NAME: '示范区',
      CARD_INTEREST_LIMIT_PER_ADDRESS: '3',
      CARD_INTEREST_LIMIT_PER_CARD: '5',
    });
    team = await t.createTeam('汽车专班');
    owner = await t.createUser('card.owner', 'staff', team);
    referrer = await t.createUser('card.referrer', 'staff', team);
    leader = await t.createUser('card.leader', 'leader');
  });
  afterAll(() => t.close());

  describe('GET /c/:slug', () => {
    it('renders the live card on the server, with no-cache and an ETag for revalidation', async () => {
      const card = await publish();
      const res = await page(card.slug);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(res.headers['content-security-policy']).toContain("script-src 'sha256-");
      expect(res.body).toContain(`<h1>${LAND.title}</h1>`);
      expect(res.body).toContain(`<meta property="og:url" content="${BASE}/c/${card.slug}">`);
      const revalidated = await page(card.slug, { 'if-none-match': res.headers.etag as string });
      expect(revalidated.statusCode).toBe(304);
      expect(revalidated.body).toBe('');
    });

    it('sends gzip to browsers that take it, under 30 KB', async () => {
      const card = await publish();
      const res = await page(card.slug, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toBe('accept-encoding');
      expect(res.rawPayload.length).toBeLessThan(30 * 1024);
      expect(gunzipSync(res.rawPayload).toString()).toContain(LAND.title);
    });

    it('keeps the referral code in the forward link and the form, and ignores one that is not a code', async () => {
      const card = await publish();
      const me = await t.get('/api/auth/me', referrer.token);
      const withCode = await page(`${card.slug}?r=${me.body.referralCode}`);
      expect(withCode.body).toContain(`data-share="${BASE}/c/${card.slug}?r=${me.body.referralCode}"`);
      expect(withCode.body).toContain(`<input type="hidden" name="r" value="${me.body.referralCode}">`);
      const junk = await page(`${card.slug}?r=${encodeURIComponent('"><script>')}`);
      expect(junk.body).toContain(`data-share="${BASE}/c/${card.slug}"`);
      expect(junk.headers.etag).not.toBe(withCode.headers.etag);
    });

    it('answers an unknown or malformed address with the same calm page and 404', async () => {
      for (const slug of ['nosuchcard', 'BAD..slug', 'x']) {
        const res = await page(slug);
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('没有找到这个项目');
      }
    });

    it('answers an address the edge refuses (a NUL) with that page too, and an image address with the one error shape', async () => {
      for (const slug of ['ab%00cd', '%00']) {
        const res = await page(slug);
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('没有找到这个项目');
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      }
      const image = await t.app.inject({ method: 'GET', url: '/c/img/ab%00cd-md.webp' });
      expect(image.statusCode).toBe(400);
      expect(image.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'input.invalid' });
    });

    it('answers a card that is no longer offered with a polite 410 page', async () => {
      const card = await publish();
      await t.post(`/api/promo-projects/${card.id}/pause`, { version: card.version }, owner.token);
      const res = await page(card.slug);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('该项目暂不对外推介');
      expect(res.body).not.toContain(LAND.title);
    });

    it('counts every open in the background: referral code, WeChat, phone, and a daily visitor hash instead of the address', async () => {
      const card = await publish();
      const me = await t.get('/api/auth/me', referrer.token);
      const recorder = t.app.get(CardOpensRecorder);
      await page(`${card.slug}?r=${me.body.referralCode}`, {
        'user-agent': WECHAT_UA,
        'x-forwarded-for': '203.0.113.9',
      });
      await page(`${card.slug}?r=${me.body.referralCode}`, {
        'user-agent': WECHAT_UA,
        'x-forwarded-for': '203.0.113.9',
      });
      await page(card.slug, {
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/126',
        'x-forwarded-for': '203.0.113.10',
      });
      expect(recorder.pending).toBeGreaterThanOrEqual(3);
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM card_opens WHERE promo_project_id = $1',
        [card.id],
      );
      expect(n).toBe(0);

      await recorder.flush();
      const rows = await t.dataSource.query(
        'SELECT referral_code, visitor_hash, wechat, mobile FROM card_opens WHERE promo_project_id = $1 ORDER BY id',
        [card.id],
      );
      expect(rows).toEqual([
        {
          referral_code: me.body.referralCode,
          visitor_hash: expect.stringMatching(/^[0-9a-f]{32}$/),
          wechat: true,
          mobile: true,
        },
        { referral_code: me.body.referralCode, visitor_hash: rows[0].visitor_hash, wechat: true, mobile: true },
        {
          referral_code: null,
          visitor_hash: expect.not.stringMatching(rows[0].visitor_hash),
          wechat: false,
          mobile: false,
        },
      ]);
      const everything = JSON.stringify(await t.dataSource.query('SELECT * FROM card_opens'));
      expect(everything).not.toContain('203.0.113.9');
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM card_visitor_salts'))[0].n).toBe(1);
    });
  });

  describe('XSS', () => {
    it('renders an attack in every text field as inert text on the public page', async () => {
      const card = await publish({
        ...LAND,
        title: XSS.slice(0, 60),
        summary: XSS,
        location: XSS,
        advantages: XSS,
        policies: `<p>${XSS}</p>`,
        contactName: XSS.slice(0, 32),
      });
      const res = await page(`${card.slug}?r=${encodeURIComponent(XSS)}`);
      expect(res.statusCode).toBe(200);
      const document = new JSDOM(res.body).window.document;
      expect(document.querySelectorAll('script')).toHaveLength(1);
      expect(document.querySelectorAll('svg, iframe, object, embed')).toHaveLength(0);
      expect(Array.from(document.querySelectorAll('img')).map((img) => img.getAttribute('src'))).toEqual([]);
      const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) =>
        Array.from(el.attributes).filter((a) => a.name.startsWith('on')),
      );
      expect(handlers).toEqual([]);
      expect(document.querySelector('h1')!.textContent).toBe(XSS.slice(0, 60).trim());
    });

    it('refuses markup in the contact phone, which becomes a tel: link', async () => {
      const res = await t.post('/api/promo-projects', { ...LAND, contactPhone: 'javascript:alert(1)' }, owner.token);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('contactPhone');
    });
  });

  describe('GET /api/public/cards/:slug', () => {
    it('answers exactly the public whitelist, from the approved version only', async () => {
      const card = await publish();
      await t.patch(`/api/promo-projects/${card.id}`, { title: '未审核的新标题', version: card.version }, owner.token);
      const res = await t.get(`/api/public/cards/${card.slug}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(PUBLIC_FIELDS);
      expect(res.body).toEqual({
        slug: card.slug,
        kind: 'land',
        kindLabel: '土地',
        title: LAND.title,
        summary: LAND.summary,
        location: LAND.location,
        landMu: 120.5,
        floorAreaM2: null,
        investmentScaleWan: 50000,
        advantages: LAND.advantages,
        policies: LAND.policies,
        contactName: LAND.contactName,
        contactPhone: LAND.contactPhone,
        cover: null,
        gallery: [],
        districtName: '示范区',
        publishedAt: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/ownerId|teamId|owner_id|version|reviewState|chainNodeIds|未审核/);
    });

    it('limits each address to 120 reads a minute', async () => {
      const card = await publish();
      const read = () =>
        t.request('GET', `/api/public/cards/${card.slug}`, { headers: { 'x-forwarded-for': '198.51.100.200' } });
      for (let i = 0; i < 120; i++) expect((await read()).status).toBe(200);
      const limited = await read();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers 404 for an unknown card and 410 for one taken down', async () => {
      expect((await t.get('/api/public/cards/nosuchcard')).status).toBe(404);
      const card = await publish();
      await t.post(`/api/promo-projects/${card.id}/unpublish`, { version: card.version }, owner.token);
      const gone = await t.get(`/api/public/cards/${card.slug}`);
      expect(gone.status).toBe(410);
      expect(gone.body).toEqual({ statusCode: 410, error: 'Gone', code: 'gone', message: expect.any(String) });
    });
  });

  describe('POST /api/public/cards/:slug/interest', () => {
    it('makes a card_interest lead owned by the referrer, who is notified', async () => {
      const card = await publish();
      const me = await t.get('/api/auth/me', referrer.token);
      const res = await interest(card.slug, {
        name: '王先生',
        company: '某汽车零部件有限公司',
        mobile: '13800002222',
        message: '想看地',
        r: me.body.referralCode,
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ ok: true, message: '提交成功，招商专员会尽快与您联系。' });

      const [saved] = await interestsOf(card.id);
      expect(saved).toMatchObject({
        mobile: '13800002222',
        ownerId: referrer.id,
        referralCode: me.body.referralCode,
        submissionCount: 1,
      });
      const lead = await t.get(`/api/leads/${saved.leadId}`, referrer.token);
      expect(lead.status).toBe(200);
      expect(lead.body).toMatchObject({
        name: '某汽车零部件有限公司',
        source: 'card_interest',
        sourceRefId: card.id,
        status: 'new',
        ownerId: referrer.id,
        teamId: team,
      });
      const inbox = await t.get('/api/notifications?kind=card_interest', referrer.token);
      expect(inbox.body.items[0]).toMatchObject({
        title: '新的扫码意向：某汽车零部件有限公司',
        link: `/leads/${saved.leadId}`,
      });
    });

    it("gives the lead to the card's owner when there is no code, or one nobody has", async () => {
      const card = await publish();
      expect((await interest(card.slug, { name: '李女士', company: '甲公司', mobile: '13900003333' })).status).toBe(
        201,
      );
      expect(
        (await interest(card.slug, { name: '赵先生', company: '乙公司', mobile: '13900004444', r: 'nobody99' })).status,
      ).toBe(201);
      const saved = await interestsOf(card.id);
      expect(saved.map((i) => i.ownerId)).toEqual([owner.id, owner.id]);
      expect((await t.get('/api/notifications?kind=card_interest', owner.token)).body.total).toBeGreaterThanOrEqual(2);
    });

    it('merges the same mobile on the same card within minutes into one interest and one lead', async () => {
      const card = await publish();
      await interest(card.slug, { name: '钱先生', company: '丙公司', mobile: '13700005555', message: '第一次' });
      const before = (await t.get('/api/notifications/unread-count', owner.token)).body.count;
      const again = await interest(card.slug, {
        name: '钱先生',
        company: '丙公司',
        mobile: '13700005555',
        message: '补充：需要 50 亩',
      });
      expect(again.status).toBe(201);
      const saved = await interestsOf(card.id);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ submissionCount: 2, message: '第一次\n---\n补充：需要 50 亩' });
      expect((await t.get('/api/notifications/unread-count', owner.token)).body.count).toBe(before);
      const leads = await t.get(`/api/leads?source=card_interest&limit=200`, owner.token);
      expect(leads.body.items.filter((l: { sourceRefId: string }) => l.sourceRefId === card.id)).toHaveLength(1);
    });

    it('accepts and drops a submission whose honeypot is filled', async () => {
      const card = await publish();
      const res = await interest(card.slug, {
        name: 'bot',
        company: 'bot',
        mobile: '13800009999',
        website: 'http://spam.example',
      });
      expect(res.status).toBe(201);
      expect(res.body.ok).toBe(true);
      expect(await interestsOf(card.id)).toEqual([]);
    });

    it('names every bad field in Chinese and stores nothing', async () => {
      const card = await publish();
      const res = await interest(card.slug, {
        name: '',
        company: 'x'.repeat(101),
        mobile: '12345678901',
        message: 'y'.repeat(501),
        extra: 1,
      });
      expect(res.status).toBe(400);
      expect(fieldsNamed(res.body)).toEqual(['company', 'extra', 'message', 'mobile', 'name']);
      expect(res.body.message).toContain('请填写正确的 11 位手机号码');
      expect(await interestsOf(card.id)).toEqual([]);
    });

    it('limits each address, with a clear Chinese message and Retry-After', async () => {
      const card = await publish();
      const ip = '198.51.100.20';
      for (const mobile of ['13600000001', '13600000002', '13600000003']) {
        expect((await interest(card.slug, { name: '孙', company: '丁公司', mobile }, ip)).status).toBe(201);
      }
      const limited = await interest(card.slug, { name: '孙', company: '丁公司', mobile: '13600000004' }, ip);
      expect(limited.status).toBe(429);
      expect(limited.body.message).toMatch(/^提交过于频繁，请 \d+ 分钟后再试/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(
        (await interest(card.slug, { name: '孙', company: '丁公司', mobile: '13600000004' }, '198.51.100.21')).status,
      ).toBe(201);
    });

    it('limits each card, whatever the address', async () => {
      const card = await publish();
      for (let i = 0; i < 5; i++) {
        expect((await interest(card.slug, { name: '周', company: '戊公司', mobile: `1350000000${i}` })).status).toBe(
          201,
        );
      }
      expect((await interest(card.slug, { name: '周', company: '戊公司', mobile: '13500000009' })).status).toBe(429);
      expect(await interestsOf(card.id)).toHaveLength(5);
    });

    it('answers 410 for a card taken down and 404 for an unknown one', async () => {
      const card = await publish();
      await t.post(`/api/promo-projects/${card.id}/pause`, { version: card.version }, owner.token);
      expect((await interest(card.slug, { name: '吴', company: '己公司', mobile: '13300001111' })).status).toBe(410);
      expect((await interest('nosuchcard', { name: '吴', company: '己公司', mobile: '13300001111' })).status).toBe(404);
    });

    it('takes a plain form post without JavaScript and answers with a thank-you page', async () => {
      const card = await publish();
      const me = await t.get('/api/auth/me', referrer.token);
      const res = await form(card.slug, {
        name: '郑先生',
        company: '庚公司',
        mobile: '13200001111',
        message: '',
        r: me.body.referralCode,
        website: '',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('提交成功，感谢您的关注');
      expect(res.body).toContain(`href="/c/${card.slug}?r=${me.body.referralCode}"`);
      expect((await interestsOf(card.id))[0]).toMatchObject({ ownerId: referrer.id, message: null });
    });

    it('answers a bad form post with a page naming the problem', async () => {
      const card = await publish();
      const res = await form(card.slug, { name: '郑先生', company: '庚公司', mobile: '110' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('请填写正确的 11 位手机号码');
      expect(res.body).toContain(`href="/c/${card.slug}"`);
    });
  });

  it('keeps the served page under 30 KB gzipped with every field long', async () => {
    const card = await publish({
      ...LAND,
      title: '长'.repeat(60),
      summary: '简'.repeat(300),
      advantages: `<p>${'优势'.repeat(2400)}</p>`,
      policies: `<p>${'政策'.repeat(2400)}</p>`,
    });
    const res = await page(card.slug);
    expect(res.statusCode).toBe(200);
    expect(gzipSync(res.body).length).toBeLessThan(30 * 1024);
  });
});
