import type { Browser, Page } from 'playwright-core';
import { newPage, screenshot } from './support/browser';
import { call, login } from './support/api';
import { expectVisible, signIn } from './support/console-pages';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(240_000);

/** A leads sheet as people save it from Excel: a BOM, Chinese headers, Chinese labels for codes. */
const sheet = (rows: string[][]) =>
  Buffer.from(`\uFEFF${[['线索名称', '来源', '企业名称'], ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`);

describe('importing leads in the console', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('imports'));
    page = await newPage(browser);
    await signIn(page, server.baseUrl, server.admin.username, server.admin.password);
    await expectVisible(page, page.getByTestId('greeting'));
  });

  const upload = async (name: string, content: Buffer) => {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  };

  it('refuses a file with one bad row, naming its row, column and why, and writes nothing', async () => {
    await page.goto(`${server.baseUrl}/imports?kind=leads`);
    await expectVisible(page, page.getByTestId('import-columns').getByText('线索名称'));

    await upload(
      '展会线索.csv',
      sheet([
        ['氢能重卡项目', '推介会', '示例氢能科技有限公司'],
        ['激光雷达项目', '电视广告', '示例光电有限公司'],
      ]),
    );

    await expectVisible(page, page.getByTestId('import-failed'));
    const errors = page.getByTestId('import-errors');
    // One bad row: the file's third line (the header is the first), its 来源 column, and the accepted values.
    const errorRow = errors.locator('tr', { hasText: '推介会、' });
    await expectVisible(page, errorRow);
    expect(await errors.locator('tr', { hasText: '来源' }).count()).toBe(1);
    expect((await errorRow.locator('td').allInnerTexts()).map((cell) => cell.trim())).toEqual([
      '3',
      '来源',
      expect.stringContaining('应为：推介会'),
    ]);
    await screenshot(page, 'import-failed');

    const admin = await login(server, server.admin.username, server.admin.password);
    const leads = await call<{ total: number }>(server, admin, 'GET', `/api/leads?q=${encodeURIComponent('氢能重卡')}`);
    expect(leads.total).toBe(0);
  });

  it('writes every row of the corrected file and lists both imports', async () => {
    await upload(
      '展会线索-改.csv',
      sheet([
        ['氢能重卡项目', '推介会', '示例氢能科技有限公司'],
        ['激光雷达项目', '以商招商', '示例光电有限公司'],
      ]),
    );

    const done = page.getByTestId('import-done');
    await expectVisible(page, done);
    expect(await done.innerText()).toMatch(/2[\s\S]*0[\s\S]*2/);
    await screenshot(page, 'import-done');

    const history = page.getByTestId('import-history');
    await expectVisible(page, history.getByText('展会线索-改.csv'));
    await expectVisible(page, history.getByText('展会线索.csv'));

    await page.goto(`${server.baseUrl}/leads?q=${encodeURIComponent('激光雷达')}`);
    await expectVisible(page, page.getByRole('link', { name: '激光雷达项目' }));
  });
});
