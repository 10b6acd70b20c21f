import { readFileSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newPage, screenshot, CONSOLE_CONTEXT } from './support/browser';
import { signIn, expectVisible } from './support/console-pages';
import { call, login } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(240_000);

const PASSWORD = 'Zhaoshang-2025';

describe('a leader on the dashboard', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('dashboard'));
    const admin = await login(server, server.admin.username, server.admin.password);
    const team = await call<{ id: string }>(server, admin, 'POST', '/api/teams', { name: '新能源汽车招商专班' });
    for (const [username, displayName, role] of [
      ['zhaolei', '赵磊', 'staff'],
      ['liuju', '刘局长', 'leader'],
    ] as const) {
      await call(server, admin, 'POST', '/api/users', {
        username,
        displayName,
        role,
        teamId: team.id,
        password: PASSWORD,
      });
    }
    const staff = await login(server, 'zhaolei', PASSWORD);
    const project = (name: string, totalInvestmentWan: number) =>
      call<{ id: string; version: number }>(server, staff, 'POST', '/api/projects', {
        name,
        capitalOrigin: 'domestic',
        totalInvestmentWan,
      });
    await project('智能座舱项目', 20000);
    for (const [name, wan] of [
      ['动力电池项目', 80000],
      ['整车配套项目', 40000],
    ] as const) {
      const created = await project(name, wan);
      await call(server, staff, 'POST', `/api/projects/${created.id}/transitions`, {
        version: created.version,
        to: 'signed',
        signedAt: new Date().toISOString().slice(0, 10),
        contractedWan: wan / 2,
      });
    }

    page = await newPage(browser);
    await signIn(page, server.baseUrl, 'liuju', PASSWORD);
    await expectVisible(page, page.getByTestId('greeting'));
  });

  it('opens the dashboard from the menu and lands on the signed projects from the funnel', async () => {
    await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await page.waitForURL('**/dashboard');
    await expectVisible(page, page.getByText('项目漏斗'));
    const signed = page.getByTestId('funnel-signed');
    await expectVisible(page, signed);
    expect(await signed.textContent()).toContain('2');
    expect(await page.getByTestId('figure-projectsSigned').textContent()).toContain('2');
    await screenshot(page, 'dashboard');

    await signed.click();

    await page.waitForURL((url) => url.pathname === '/projects' && url.searchParams.get('stage') === 'signed');
    await expectVisible(page, page.getByRole('link', { name: '动力电池项目' }));
    await expectVisible(page, page.getByRole('link', { name: '整车配套项目' }));
    expect(await page.getByRole('link', { name: '智能座舱项目' }).count()).toBe(0);
  });

  it('downloads the weekly report as a non-empty .xlsx', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    const button = page.getByTestId('export-weekly');
    await expectVisible(page, button);

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);

    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(1000);
    // An .xlsx is a zip: it starts with PK\x03\x04.
    expect(readFileSync(path).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('reads on a phone: nothing wider than the screen, two figures a row, the menu behind the header button', async () => {
    const phone = await browser.newContext({
      ...CONSOLE_CONTEXT,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    try {
      await signIn(small, server.baseUrl, 'liuju', PASSWORD);
      await expectVisible(small, small.getByTestId('greeting'));
      await small.goto(`${server.baseUrl}/dashboard`);
      await expectVisible(small, small.getByTestId('funnel-signed'));
      await expectVisible(small, small.getByTestId('figure-projectsSigned'));
      await screenshot(small, 'dashboard-phone');
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Two figures side by side: the second starts to the right of the first, on the same row.
      const first = (await small.getByTestId('figure-newLeads').boundingBox())!;
      const second = (await small.getByTestId('figure-projectsSigned').boundingBox())!;
      expect(second.x).toBeGreaterThan(first.x + first.width);
      expect(Math.abs(second.y - first.y)).toBeLessThan(4);
      // The side menu is hidden; the header's button opens it over the page and a tap beside it closes it.
      const menuItem = small.getByRole('menuitem', { name: '领导驾驶舱' });
      expect(await menuItem.isVisible()).toBe(false);
      await small.getByRole('button', { name: '展开菜单' }).click();
      await expectVisible(small, menuItem);
      await small.getByTestId('menu-mask').click({ position: { x: 370, y: 400 } });
      await small.getByTestId('menu-mask').waitFor({ state: 'detached' });
    } finally {
      await phone.close();
    }
  });
});
