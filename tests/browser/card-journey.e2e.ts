/// <reference lib="dom" />
// (The callbacks handed to evaluate() run in the page, with its DOM.)
import type { LeadDto, NotificationDto, Page as ListPage, PromoProjectDto, UserDto } from '@lianqiao/contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { newPage, screenshot } from './support/browser';
import { signIn, expectVisible } from './support/console-pages';
import { call, login } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(240_000);

/** WeChat's in-app browser on an Android phone, as it names itself. */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 ' +
  'MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const PASSWORD = 'Zhaoshang-2025';

describe('a QR card from approval to an investor’s interest', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let staff: { id: string; token: string; referralCode: string };
  let card: PromoProjectDto;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('card_journey'));
    const admin = await login(server, server.admin.username, server.admin.password);
    const team = await call<{ id: string }>(server, admin, 'POST', '/api/teams', { name: '汽车产业链招商专班' });
    await call(server, admin, 'POST', '/api/users', {
      username: 'liling',
      displayName: '李玲',
      role: 'leader',
      password: PASSWORD,
    });
    const created = await call<UserDto>(server, admin, 'POST', '/api/users', {
      username: 'wangfang',
      displayName: '王芳',
      role: 'staff',
      teamId: team.id,
      password: PASSWORD,
    });
    staff = { id: created.id, token: await login(server, 'wangfang', PASSWORD), referralCode: created.referralCode };

    // The staff member writes the card with a cover picture and submits it for review.
    const draft = await call<PromoProjectDto>(server, staff.token, 'POST', '/api/promo-projects', {
      kind: 'land',
      title: '汽车零部件产业园 A-03 地块',
      summary: '紧邻整车厂与绕城高速，适合汽车零部件、新能源电池配套企业落地。',
      location: '经开区汽车产业园东区',
      landMu: 120.5,
      investmentScaleWan: 50000,
      advantages:
        '<p>距整车厂 3 公里，<strong>半小时</strong>配套圈。</p><ul><li>双回路供电</li><li>天然气管网到红线</li></ul>',
      policies: '<p>固定资产投资 1 亿元以上项目，按“一事一议”给予支持。</p>',
      contactName: '招商服务中心 王科长',
      contactPhone: '0731-8888 1234',
    });
    const cover = await uploadCover(server, staff.token, draft.id);
    const withCover = await call<PromoProjectDto>(server, staff.token, 'PATCH', `/api/promo-projects/${draft.id}`, {
      coverImageId: cover,
      version: draft.version,
    });
    card = await call<PromoProjectDto>(server, staff.token, 'POST', `/api/promo-projects/${draft.id}/submit`, {
      version: withCover.version,
    });
  });

  it('is approved by a leader from the notification in the console', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, server.baseUrl, 'liling', PASSWORD);
      await expectVisible(page, page.getByTestId('greeting'));

      await expectText(page.getByTestId('notification-badge'), '1');
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-dropdown').getByText(`项目卡待审核：${card.title}`).click();
      await page.waitForURL(`**/promo-projects/${card.id}`);
      await expectVisible(page, page.getByText('这张项目卡等待您审核'));

      await page.getByTestId('promo-approve').click();
      await page.getByRole('dialog').getByRole('button', { name: '审核通过并发布' }).click();

      await expectVisible(page, page.getByText('已审核通过，项目卡已发布'));
      await expectVisible(page, page.getByRole('tab', { name: '一键转发' }));
      const live = await call<PromoProjectDto>(server, staff.token, 'GET', `/api/promo-projects/${card.id}`);
      expect([live.status, live.liveVersion]).toEqual(['published', 1]);

      // A leader picks live cards in the list and takes their share packages as one zip.
      await page.goto(`${server.baseUrl}/promo-projects?tab=published`);
      const row = page.getByRole('row').filter({ hasText: card.title });
      await expectVisible(page, row);
      await row.getByRole('checkbox').check();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-packages').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^cards-share-\d{8}\.zip$/);
      const zip = await readAll(await download.createReadStream());
      expect(zip.subarray(0, 2).toString()).toBe('PK');
      await expectVisible(page, page.getByText(/转发包已下载/));
      await screenshot(page, 'promo-list-leader');
    } finally {
      await page.context().close();
    }
  });

  it('renders completely on a phone in WeChat through the staff member’s link, and takes an interest', async () => {
    const phone = await phoneContext(browser);
    try {
      const page = await phone.newPage();
      const response = await page.goto(`${server.baseUrl}/c/${card.slug}?r=${staff.referralCode}`);
      expect(response?.status()).toBe(200);

      await expectVisible(page, page.getByRole('heading', { level: 1, name: card.title }));
      expect(await page.locator('.figs').innerText()).toMatch(
        /投资规模\s*5亿元[\s\S]*用地面积\s*120\.5亩[\s\S]*项目位置\s*经开区汽车产业园东区/,
      );
      await expectVisible(page, page.getByRole('heading', { name: '项目优势' }));
      await expectVisible(page, page.getByText('双回路供电'));
      await expectVisible(page, page.getByRole('heading', { name: '优惠政策' }));
      await expectVisible(page, page.getByRole('link', { name: '电话咨询' }));
      await expectVisible(page, page.getByRole('link', { name: '我有意向' }));
      await expectVisible(page, page.getByRole('button', { name: '转发给朋友' }));
      // The cover arrived, and nothing is wider than the phone.
      expect(
        await page.locator('.cover img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      ).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The forward link keeps the referral code.
      expect(await page.locator('.lnk').innerText()).toContain(`?r=${staff.referralCode}`);
      await screenshot(page, 'card-phone');

      await page.getByRole('link', { name: '我有意向' }).tap();
      await page.getByLabel('姓名').fill('赵先生');
      await page.getByLabel('单位名称').fill('湖南某某汽车零部件有限公司');
      await page.getByLabel('手机号码').fill('13912345678');
      await page.getByLabel('留言（选填）').fill('希望了解供地时间和电价。');
      await page.getByRole('button', { name: '提交意向' }).tap();

      await expectText(page.locator('#fm-msg'), '提交成功，招商专员会尽快与您联系。');
      expect(await page.getByRole('button', { name: '提交意向' }).isVisible()).toBe(false);
      await screenshot(page, 'card-phone-thanks');
    } finally {
      await phone.close();
    }
  });

  it('shows the staff member the new lead and its notification, and their share package with a drawn poster', async () => {
    const leads = await call<ListPage<LeadDto>>(server, staff.token, 'GET', '/api/leads?source=card_interest');
    expect(leads.items.map((lead) => [lead.source, lead.ownerId, lead.companyName ?? lead.name])).toEqual([
      ['card_interest', staff.id, expect.stringContaining('湖南某某汽车零部件有限公司')],
    ]);

    const page = await newPage(browser);
    try {
      await signIn(page, server.baseUrl, 'wangfang', PASSWORD);
      await expectVisible(page, page.getByTestId('greeting'));

      // Approved, and the investor's interest: two unread.
      await expectText(page.getByTestId('notification-badge'), '2');
      await page.getByTestId('notification-bell').click();
      const dropdown = page.getByTestId('notification-dropdown');
      await expectVisible(page, dropdown.getByText('新的扫码意向：湖南某某汽车零部件有限公司'));
      await expectVisible(page, dropdown.getByText(`项目卡已发布：${card.title}`));
      await expectVisible(page, dropdown.getByText('扫码意向', { exact: true }));
      await screenshot(page, 'notification-bell');
      await dropdown.getByText('新的扫码意向：湖南某某汽车零部件有限公司').click();
      await page.waitForURL(`**/leads/${leads.items[0].id}`);
      await expectText(page.getByTestId('notification-badge'), '1');
      const notifications = await call<ListPage<NotificationDto>>(
        server,
        staff.token,
        'GET',
        '/api/notifications?unread=true',
      );
      expect(notifications.items.map((n) => n.kind)).toEqual(['card_approved']);

      // The leads list, where the console has one (another part of the console may not have it yet).
      await page.goto(`${server.baseUrl}/leads`);
      const row = page.getByRole('row').filter({ hasText: '湖南某某汽车零部件有限公司' });
      const notFound = page.getByText('页面不存在', { exact: true });
      await expectVisible(page, row.or(notFound));
      if (!(await notFound.isVisible())) {
        expect(await row.first().innerText()).toContain('扫码意向');
        await screenshot(page, 'leads-with-interest');
      }

      await page.goto(`${server.baseUrl}/promo-projects/${card.id}`);
      const panel = page.getByTestId('share-panel');
      await expectVisible(page, panel);
      const link = `${server.baseUrl}/c/${card.slug}?r=${staff.referralCode}`;
      expect(await panel.getByTestId('share-link').inputValue()).toBe(link);
      expect(await panel.getByTestId('share-text').inputValue()).toContain(`【示范区招商推介】${card.title}`);
      expect(await panel.getByTestId('share-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);

      const poster = panel.getByTestId('share-poster');
      await expectVisible(page, poster);
      const pixels = await poster.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let white = 0;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 7) {
          if (data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245) white++;
          colours.add((data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4));
        }
        const at = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
        return {
          width: img.naturalWidth,
          height: img.naturalHeight,
          src: img.src.slice(0, 22),
          whiteShare: white / (data.length / (4 * 7)),
          colours: colours.size,
          header: at(20, 20),
        };
      });
      expect(pixels).toMatchObject({ width: 1080, height: 1920, src: 'data:image/png;base64,', header: [11, 61, 145] });
      // Drawn, not blank: far from all white, with the cover's and the QR code's colours in it.
      expect(pixels.whiteShare).toBeLessThan(0.6);
      expect(pixels.colours).toBeGreaterThan(40);
      await screenshot(page, 'share-panel');
      await savePoster(poster);

      // The card's statistics count the scan and the interest, by the staff member who brought them.
      await page.getByRole('button', { name: '数据统计' }).click();
      await page.waitForURL(`**/promo-projects/${card.id}/stats`);
      const stats = page.getByTestId('promo-stats');
      await expectVisible(page, stats);
      const totals = await stats.locator('.ant-statistic').allInnerTexts();
      expect(totals.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
        '打开次数 1',
        '独立访客 1',
        '意向登记 1',
        '线索 1',
        '转化项目 0',
        '签约金额（万元） 0',
      ]);
      expect(await stats.locator('canvas').count()).toBeGreaterThanOrEqual(3);
      const staffRow = stats.getByRole('row').filter({ hasText: '王芳' }).first();
      expect((await staffRow.innerText()).replace(/\s+/g, ' ')).toContain('王芳 1 1 1 1 0 0');
      // Let ECharts finish drawing its lines before the picture is taken.
      await page.waitForTimeout(1500);
      await screenshot(page, 'stats');

      // The editor shows the card as the phone does, from the same renderer.
      await page.goto(`${server.baseUrl}/promo-projects/${card.id}/edit`);
      const frame = page.frameLocator('[data-testid="card-preview"]');
      await expectVisible(page, frame.getByRole('heading', { level: 1, name: card.title }));
      await page.getByLabel('项目标题').fill('汽车零部件产业园 A-03 地块（二期）');
      await expectVisible(page, frame.getByRole('heading', { level: 1, name: '汽车零部件产业园 A-03 地块（二期）' }));
      // Pictures go to the server as they are chosen; it checks them by content and says why it refuses one.
      const upload = page.locator('input[type="file"]');
      await upload.setInputFiles({
        name: 'brochure.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('%PDF-1.4 not a picture'),
      });
      await expectVisible(page, page.getByText('brochure.jpg：仅支持 JPEG、PNG 或 WebP 图片'));
      await upload.setInputFiles({ name: 'hall.jpg', mimeType: 'image/jpeg', buffer: await parkJpeg() });
      await expectVisible(page, frame.getByRole('heading', { name: '实景图片' }));
      await screenshot(page, 'editor');
    } finally {
      await page.context().close();
    }
  });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The poster itself, full size, beside the screenshots when they are asked for. */
async function savePoster(poster: Locator): Promise<void> {
  const dir = process.env.BROWSER_SCREENSHOTS;
  if (!dir) return;
  const src = await poster.getAttribute('src');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'poster.png'), Buffer.from((src ?? '').replace(/^data:image\/png;base64,/, ''), 'base64'));
}

async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT_UA,
    locale: 'zh-CN',
  });
}

/** A landscape picture of a park (sky, fields, factory halls) as a JPEG. */
async function parkJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb3ea"/><stop offset="1" stop-color="#d9ecfb"/></linearGradient></defs>
    <rect width="1600" height="1000" fill="url(#s)"/>
    <rect y="640" width="1600" height="360" fill="#7cae62"/>
    <rect x="180" y="430" width="520" height="240" fill="#e9edf2"/><polygon points="180,430 440,340 700,430" fill="#b9c4d0"/>
    <rect x="820" y="470" width="620" height="200" fill="#dfe5ec"/><rect x="820" y="450" width="620" height="30" fill="#2f6fd6"/>
    <rect x="1180" y="300" width="46" height="170" fill="#9aa6b5"/><circle cx="1300" cy="160" r="70" fill="#fff3c4"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** Uploads the park picture as the card's cover. */
async function uploadCover(server: ConsoleServer, token: string, id: string): Promise<string> {
  const jpeg = await parkJpeg();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'park.jpg');
  const response = await fetch(`${server.baseUrl}/api/promo-projects/${id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  if (!response.ok) throw new Error(`upload → ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Waits until an element's text is exactly `expected`. */
async function expectText(locator: Locator, expected: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? ''
    ).trim();
    if (last === expected) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`expected “${expected}”, the element showed “${last}”`);
}
