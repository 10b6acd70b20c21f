import type { Browser, Page } from 'playwright-core';
import { newPage, screenshot } from './support/browser';
import { expectVisible, signIn, signOut } from './support/console-pages';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(180_000);

describe('accounts in the console', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('accounts'));
  });

  beforeEach(async () => {
    page = await newPage(browser);
  });

  afterEach(async () => {
    await page?.context().close();
  });

  it('shows the product on the login page and refuses a wrong password with the server’s message', async () => {
    await page.goto(`${server.baseUrl}/`);

    await page.waitForURL('**/login');
    await expectVisible(page, page.getByText('招商引资管理平台').first());
    await expectVisible(page, page.getByText('强链补链，精准招商，项目落地全程可视'));
    await screenshot(page, 'login');

    await signIn(page, server.baseUrl, 'admin', 'not-the-password-1');

    await expectVisible(page, page.getByText('用户名或密码错误 (wrong username or password)'));
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('lets the first admin create a staff user, who then signs in and is greeted by name', async () => {
    await signIn(page, server.baseUrl, server.admin.username, server.admin.password);
    await expectVisible(page, page.getByTestId('greeting'));
    expect(await page.getByTestId('greeting').textContent()).toMatch(/，系统管理员$/);

    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/admin/users');
    await expectVisible(page, page.getByRole('cell', { name: 'admin', exact: true }));

    await page.getByRole('button', { name: /新建用户/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('wangfang');
    await drawer.getByLabel('姓名').fill('王芳');
    await drawer.getByLabel('初始密码').fill('Zhaoshang-2025');
    await page.getByTestId('user-form-submit').click();

    await expectVisible(page, page.getByText('用户 王芳 已创建'));
    const row = page.getByRole('row').filter({ hasText: 'wangfang' });
    await expectVisible(page, row);
    expect(await row.textContent()).toContain('招商专员');
    expect(await page.getByTestId('list-count').textContent()).toBe('已显示 2 / 共 2 条');
    await screenshot(page, 'users');

    await signOut(page);
    await expectVisible(page, page.getByText('您已安全退出。'));

    await signIn(page, server.baseUrl, 'wangfang', 'Zhaoshang-2025');

    await expectVisible(page, page.getByTestId('greeting'));
    expect(await page.getByTestId('greeting').textContent()).toMatch(/，王芳$/);
    expect(await page.getByTestId('user-menu').textContent()).toContain('招商专员');
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);
    await screenshot(page, 'home-staff');
  });
});
