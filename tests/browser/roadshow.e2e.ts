import type { Browser, Page } from 'playwright-core';
import { screenshot, CONSOLE_CONTEXT } from './support/browser';
import { dialogSettled, expectVisible, signIn } from './support/console-pages';
import { call, login, createStaffOnNewTeam } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(300_000);

const PASSWORD = 'Zhaoshang-2025';
const ROADSHOW = '2026 新能源汽车产业链（上海）投资推介会';
const EXISTING_COMPANY = '上海华信汽车零部件有限公司';
const WALK_IN_COMPANY = '苏州汇博新能源科技有限公司';
const LEAD = '华信动力总成华东基地项目';

/** Today and tomorrow as China days (YYYY-MM-DD): check-in is only open on the event's days. */
function chinaDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

describe('a roadshow in the console', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('roadshow'));
    const admin = await login(server, server.admin.username, server.admin.password);
    await createStaffOnNewTeam(server, admin, {
      team: '新能源汽车招商专班',
      username: 'zhaolei',
      displayName: '赵磊',
      password: PASSWORD,
    });
    const staff = await login(server, 'zhaolei', PASSWORD);
    await call(server, staff, 'POST', '/api/companies', { name: EXISTING_COMPANY, city: '上海' });

    // The event's days are China days: the browser keeps China time, as the district's staff do.
    const context = await browser.newContext({
      ...CONSOLE_CONTEXT,
      viewport: { width: 1366, height: 800 },
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.baseUrl, 'zhaolei', PASSWORD);
    await expectVisible(page, page.getByTestId('greeting'));
  });

  it('plans a roadshow, checks in two attendees, logs a lead, converts and signs it, and shows the yield change', async () => {
    // 1. Plan the event through the menu.
    await page.getByRole('menuitem', { name: '招商活动' }).click();
    await page.getByRole('menuitem', { name: '推介会' }).click();
    await page.waitForURL('**/roadshows');
    await page.getByRole('button', { name: /新建推介会/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('名称').fill(ROADSHOW);
    await drawer.getByLabel('城市').fill('上海');
    await drawer.getByLabel('场地').fill('上海国际会议中心');
    const dates = drawer.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(`${chinaDay()} 00:00`);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(`${chinaDay(1)} 18:00`);
    await dates.nth(1).press('Enter');
    await drawer.getByLabel('预算（万元）').fill('20');
    await page.getByTestId('roadshow-form-submit').click();

    await expectVisible(page, page.getByText(`推介会 ${ROADSHOW} 已创建`));
    await page.waitForURL(/\/roadshows\/[0-9a-f-]{36}$/);
    const roadshowUrl = page.url();
    await expectVisible(page, page.getByRole('heading', { name: ROADSHOW }));
    expect(await figure(page, 'attendees')).toBe('0');
    expect(await figure(page, 'leads')).toBe('0');

    // 2. Two attendees: a company already in the register, and a walk-in created on the spot.
    await page.getByRole('button', { name: /添加参会企业/ }).click();
    let modal = page.getByRole('dialog');
    await dialogSettled(page);
    await page.locator('#attendee_companyId').fill('华信');
    await page.getByTitle(`${EXISTING_COMPANY}（上海）`).click();
    await modal.getByLabel('联系人').fill('王建国');
    await modal.getByLabel('职务').fill('董事长');
    await page.getByTestId('attendee-submit').click();
    await expectVisible(page, page.getByText(`${EXISTING_COMPANY} 已加入参会名单`));

    await page.getByRole('button', { name: /添加参会企业/ }).click();
    modal = page.getByRole('dialog');
    await dialogSettled(page);
    await modal.getByText('现场新建企业').click();
    await modal.getByLabel('企业名称').fill(WALK_IN_COMPANY);
    await modal.getByLabel('所在城市').fill('苏州');
    await modal.getByLabel('联系人').fill('李娜');
    await page.getByTestId('attendee-submit').click();
    await expectVisible(page, page.getByText(`${WALK_IN_COMPANY} 已加入参会名单`));

    await page.getByRole('button', { name: `签到 ${EXISTING_COMPANY}` }).click();
    await expectVisible(page, page.getByText(`${EXISTING_COMPANY} 已签到`));
    await page.getByRole('button', { name: `签到 ${WALK_IN_COMPANY}` }).click();
    await expectVisible(page, page.getByText(`${WALK_IN_COMPANY} 已签到`));
    await figureBecomes(page, 'checkedIn', '2');
    expect(await figure(page, 'attendees')).toBe('2');

    // 3. A lead logged in seconds, with this roadshow as its source.
    await page.getByLabel('线索名称').fill(LEAD);
    await page.getByLabel('预计投资（万元）').fill('50000');
    await page.getByTestId('quick-lead-submit').click();
    await expectVisible(page, page.getByText(`线索 ${LEAD} 已登记，来源为本推介会`));
    await figureBecomes(page, 'leads', '1');

    // 4. On the lead's page: qualified, then converted into a project.
    await page.getByRole('link', { name: '查看线索' }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expectVisible(page, page.getByText('推介会').first());
    await page.getByTestId('lead-status-button').click();
    await page.getByRole('menuitem', { name: '意向明确' }).click();
    await expectVisible(page, page.getByText('状态已改为「意向明确」'));
    await page.getByRole('button', { name: '转为项目' }).first().click();
    await page.getByTestId('convert-submit').click();
    await expectVisible(page, page.getByText(`已转为项目「${LEAD}」`));

    // 5. Signed at the event: the yield shows it, counted by the server.
    await page.goto(roadshowUrl);
    await expectVisible(page, page.getByRole('heading', { name: ROADSHOW }));
    await figureBecomes(page, 'qualifiedLeads', '1');
    expect(await figure(page, 'projects')).toBe('1');
    expect(await figure(page, 'signedProjects')).toBe('0');

    await page.getByRole('button', { name: /登记现场签约/ }).click();
    modal = page.getByRole('dialog');
    await dialogSettled(page);
    await page.locator('#signing_leadId').click();
    await page.getByTitle(LEAD).click();
    // The choice must show in the field before the form is sent (a lost click left it empty once).
    await expectVisible(page, modal.locator('.ant-select-content, .ant-select-selection-item').getByText(LEAD));
    await modal.getByLabel('签约额（万元）').fill('48000');
    await page.getByTestId('signing-submit').click();
    await expectVisible(page, page.getByText(`项目 ${LEAD} 已登记为现场签约`));

    await figureBecomes(page, 'signedProjects', '1');
    expect(await figure(page, 'leads')).toBe('1');
    expect(await figure(page, 'contractedWan')).toBe('48,000');
    expect(await figure(page, 'costPerLead')).toBe('20.00');
    expect(await figure(page, 'costPerSignedProject')).toBe('20.00');
    await page.screenshot({ path: '/tmp/roadshow-page.png', fullPage: true });
    await screenshot(page, 'roadshow');

    // 6. The list shows the same yield, and sorts by it.
    await page.goto(`${server.baseUrl}/roadshows?sort=contractedWan:desc`);
    const row = page.getByRole('row').filter({ hasText: ROADSHOW });
    await expectVisible(page, row);
    expect(await row.textContent()).toContain('48,000');
  });
});

/** A figure of the yield panel, as the page shows it. */
async function figure(page: Page, key: string): Promise<string> {
  const value = page.getByTestId(`yield-${key}`).locator('.ant-statistic-content');
  await value.waitFor({ state: 'visible' });
  return (await value.textContent())?.trim() ?? '';
}

/** Waits until a yield figure shows a value (the panel refetches after each change). */
async function figureBecomes(page: Page, key: string, expected: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let shown = await figure(page, key);
  while (shown !== expected && Date.now() < deadline) {
    await page.waitForTimeout(250);
    shown = await figure(page, key);
  }
  expect([key, shown]).toEqual([key, expected]);
}
