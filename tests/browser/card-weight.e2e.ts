import type { PromoProjectDto } from '@lianqiao/contracts';
import type { Browser, Request } from 'playwright-core';
import { call, login } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

jest.setTimeout(180_000);

/** What an investor may download for the page itself — HTML, CSS and JS, compressed — images aside. */
const BUDGET_BYTES = 30 * 1024;

describe('the public card page', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let admin: string;
  let card: PromoProjectDto;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('card_weight'));
    admin = await login(server, server.admin.username, server.admin.password);
    // As long a card as the form allows in every text, so the budget holds for the heaviest page.
    const longText = (line: string) =>
      `<ul>${Array.from({ length: 30 }, (_, i) => `<li>${line}（第${i + 1}条）</li>`).join('')}</ul>`;
    const draft = await call<PromoProjectDto>(server, admin, 'POST', '/api/promo-projects', {
      kind: 'standard_factory',
      title: '智能制造产业园标准厂房三期（可分层出租出售，带行车）',
      summary:
        '三期标准厂房共 12 栋，单层 6000 平方米，层高 9 米，承重 3 吨每平方米，配 10 吨行车，适合装备制造、汽车零部件与新材料企业，拎包入驻，可租可售，租金前三年减半。'.slice(
          0,
          300,
        ),
      location: '高新区智能制造产业园三期，距高速出口 2 公里，距高铁站 15 分钟车程',
      floorAreaM2: 72000,
      landMu: 160,
      investmentScaleWan: 30000,
      advantages: longText('双回路供电、天然气与污水管网到红线，园区配套人才公寓与食堂').slice(0, 5000),
      policies: longText('入驻企业前三年租金减半，设备投资按 8% 给予补助，上限 500 万元').slice(0, 5000),
      contactName: '高新区招商合作局 刘科长',
      contactPhone: '0731-8888 5678',
    });
    const submitted = await call<PromoProjectDto>(server, admin, 'POST', `/api/promo-projects/${draft.id}/submit`, {
      version: draft.version,
    });
    card = await call<PromoProjectDto>(server, admin, 'POST', `/api/promo-projects/${draft.id}/approve`, {
      version: submitted.version,
    });
  });

  it('weighs under 30 KB of compressed HTML, CSS and JS, and loads nothing of the console', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const finished: Request[] = [];
      page.on('requestfinished', (request) => finished.push(request));

      const response = await page.goto(`${server.baseUrl}/c/${card.slug}?r=abcd2345`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await response?.headerValue('content-encoding')).toBe('gzip');
      await page.getByRole('heading', { level: 1 }).waitFor();

      const sizes = await Promise.all(
        finished.map(async (request) => ({
          url: new URL(request.url()).pathname,
          type: request.resourceType(),
          bytes: (await request.sizes()).responseBodySize,
        })),
      );
      const pageParts = sizes.filter((s) => s.type !== 'image');
      const total = pageParts.reduce((sum, s) => sum + s.bytes, 0);

      // The page is one document with its CSS and JS inline; anything else (a console chunk, a font) fails here.
      expect(pageParts.map((s) => [s.type, s.url])).toEqual([['document', `/c/${card.slug}`]]);
      expect(total).toBeGreaterThan(2_000);
      expect(total).toBeLessThan(BUDGET_BYTES);
      // And what the page ships runs in old WebViews: no module scripts, no external scripts at all.
      expect(await page.locator('script[src], script[type="module"], link[rel="stylesheet"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('answers 410 with the polite page once the card is paused, and 404 with the same look for an unknown one', async () => {
    await call(server, admin, 'POST', `/api/promo-projects/${card.id}/pause`, { version: card.version });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      const page = await context.newPage();

      const gone = await page.goto(`${server.baseUrl}/c/${card.slug}`);
      expect(gone?.status()).toBe(410);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('该项目暂不对外推介');
      expect(await page.locator('main').innerText()).toContain('联系转发给您的招商专员');
      expect(await page.locator('header.hd').innerText()).toContain('示范区');

      const missing = await page.goto(`${server.baseUrl}/c/zzzz9999`);
      expect(missing?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('没有找到这个项目');
      expect(await page.locator('header.hd').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
