import type { Browser, Locator, Page } from 'playwright-core';
import { call, login } from './support/api';
import { newPage, screenshot } from './support/browser';
import { dialogSettled, expectVisible, signIn } from './support/console-pages';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// The built server, Chromium and five people on a shared 2-core machine take a while.
jest.setTimeout(300_000);

const PASSWORD = 'Aftercare-2025';
const COMPANY = '长客配套有限公司';
const DEPARTMENT = '区行政审批局';

/** A phone inside WeChat: where an enterprise scans its QR code. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/4G Language/zh_CN',
};

describe('aftercare: an enterprise’s request from its QR code to the leader’s statistics', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;

  async function personPage(username: string): Promise<Page> {
    const page = await newPage(browser);
    await signIn(page, server.baseUrl, username, PASSWORD);
    await expectVisible(page, page.getByTestId('greeting'));
    return page;
  }

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  beforeAll(async () => {
    ({ server, browser } = await suite.start('aftercare'));

    // Given: a department, a task force, a leader, a representative, a department user, and a
    // company whose project has landed (registered).
    const admin = await login(server, server.admin.username, server.admin.password);
    const unit = await call<{ id: string }>(server, admin, 'POST', '/api/org-units', {
      name: DEPARTMENT,
      kind: 'department',
    });
    const team = await call<{ id: string }>(server, admin, 'POST', '/api/teams', { name: '营商环境专班' });
    const user = (username: string, displayName: string, role: string, extra: Record<string, unknown> = {}) =>
      call(server, admin, 'POST', '/api/users', { username, displayName, role, password: PASSWORD, ...extra });
    await user('leader.wang', '王区长', 'leader');
    await user('rep.zhao', '赵代表', 'staff', { teamId: team.id });
    await user('dept.liu', '审批局小刘', 'staff', { orgUnitId: unit.id });
    const company = await call<{ id: string }>(server, admin, 'POST', '/api/companies', { name: COMPANY });
    const rep = await login(server, 'rep.zhao', PASSWORD);
    const project = await call<{ id: string }>(server, rep, 'POST', '/api/projects', {
      name: '年产 2 万套转向架配件项目',
      companyId: company.id,
    });
    await call(server, rep, 'POST', `/api/projects/${project.id}/transitions`, {
      to: 'registered',
      signedAt: '2026-01-15',
      contractedWan: 12000,
      localUscc: '914403001922038216',
      version: 1,
    });
    // And a plan for the company in the cultivation pool, one milestone of two done.
    await call(server, rep, 'POST', '/api/cultivation', {
      companyId: company.id,
      goal: 'above_scale',
      measures: '协调二期用地；对接区内银行授信；申报市级企业技术中心',
      milestones: [
        { title: '二期厂房取得施工许可', dueOn: '2026-03-31', doneOn: '2026-03-20' },
        { title: '年营业收入突破 2000 万元', dueOn: '2026-12-31', doneOn: null },
      ],
    });
  });

  it('is routed, resolved, confirmed and rated, and the leader’s figures show it', async () => {
    // The leader makes 赵代表 the company's representative and himself its 包保领导.
    const leader = await personPage('leader.wang');
    await openMenu(leader, '包保服务');
    await openMenu(leader, '包保企业');
    const row = leader.getByRole('row').filter({ hasText: COMPANY });
    await expectVisible(leader, row);
    await row.getByRole('button', { name: '指派' }).click();
    const dialog = leader.getByRole('dialog');
    await dialogSettled(leader);
    await pickOption(leader, dialog.getByLabel('包保领导'), '王区长');
    await pickOption(leader, dialog.getByLabel('政府事务代表'), '赵代表');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expectVisible(leader, leader.getByText(`${COMPANY} 的包保安排已保存`));
    await expectVisible(leader, row.getByText('赵代表'));

    // Before anything happened: no requests in the statistics.
    await openMenu(leader, '诉求统计');
    await leader.waitForURL('**/aftercare/stats');
    await expectVisible(leader, leader.getByTestId('stat-total').getByText('0', { exact: true }));
    await expectVisible(leader, leader.getByText('所选期间暂无诉求').first());

    // The representative finds the company among his enterprises and takes its QR form's address.
    const rep = await personPage('rep.zhao');
    await openMenu(rep, '包保服务');
    await openMenu(rep, '我的包保企业');
    const mine = rep.getByRole('row').filter({ hasText: COMPANY });
    await expectVisible(rep, mine);
    expect(await mine.innerText()).toContain('已落地注册');
    await screenshot(rep, 'aftercare-mine');
    await mine.getByRole('link', { name: COMPANY }).click();
    await rep.waitForURL('**/aftercare/companies/*');
    await expectVisible(rep, rep.getByTestId('request-qr'));
    const formUrl = await rep.getByTestId('request-form-url').inputValue();
    expect(formUrl).toMatch(new RegExp(`^${server.baseUrl}/e/[A-Za-z0-9_-]{22}$`));
    await screenshot(rep, 'aftercare-company');

    // The enterprise scans it on a phone and sends its request, without signing in.
    const phone = await phonePage();
    await phone.goto(formUrl);
    await expectVisible(phone, phone.getByText(COMPANY));
    await phone.getByRole('radio', { name: '审批办证' }).click();
    await phone.getByLabel('诉求内容').fill('新厂房施工许可申请已提交 40 天，仍未办结，影响二期开工');
    await phone.getByLabel('联系人').fill('王经理');
    await phone.getByLabel('手机号码').fill('13812345678');
    await screenshot(phone, 'aftercare-phone-form');
    await phone.getByRole('button', { name: '提交诉求' }).click();
    await expectVisible(phone, phone.getByText('诉求已收到，政府事务代表会尽快与您联系。'));
    await screenshot(phone, 'aftercare-phone-received');

    // The representative routes it to the department.
    await openMenu(rep, '企业诉求');
    await rep.waitForURL('**/aftercare/requests');
    const request = rep.getByRole('row').filter({ hasText: '企业扫码提交' });
    await expectVisible(rep, request);
    expect(await request.innerText()).toContain('待办理');
    expect(await request.getByTestId('deadline').innerText()).toMatch(/^剩 \d+ 天/);
    await screenshot(rep, 'aftercare-requests');
    await request.getByRole('link', { name: COMPANY }).click();
    await rep.waitForURL('**/aftercare/requests/*');
    const requestUrl = rep.url();
    await rep.getByTestId('request-route').click();
    const route = rep.getByRole('dialog');
    await dialogSettled(rep);
    await pickOption(rep, route.getByLabel('承办部门'), DEPARTMENT);
    await route.getByLabel('转办说明').fill('请一周内答复企业');
    await route.getByRole('button', { name: /确\s*定/ }).click();
    await expectVisible(rep, rep.getByText(`已转办至 ${DEPARTMENT}`));
    await expectVisible(rep, rep.getByTestId('request-timeline').getByText(`转办至 ${DEPARTMENT}`));

    // The department sees it among what is routed to it, starts it and resolves it.
    const dept = await personPage('dept.liu');
    await openMenu(dept, '包保服务');
    await openMenu(dept, '企业诉求');
    await dept.getByLabel('转办本部门').click();
    await dept.waitForURL('**/aftercare/requests?routedToMe=true');
    await dept.getByRole('row').filter({ hasText: COMPANY }).getByRole('link', { name: COMPANY }).click();
    await dept.waitForURL('**/aftercare/requests/*');
    expect(await dept.getByTestId('request-route').count()).toBe(0);
    await dept.getByTestId('request-start').click();
    await dept.getByRole('dialog').getByRole('button', { name: '开始办理' }).click();
    await expectVisible(dept, dept.getByText('已开始办理'));
    await expectVisible(dept, dept.getByTestId('request-status').getByText('办理中'));
    await dept.getByTestId('request-resolve').click();
    const resolve = dept.getByRole('dialog').filter({ hasText: '办结诉求' });
    await resolve.getByLabel('办理结果').fill('已开辟绿色通道，施工许可证于今日核发');
    await resolve.getByRole('button', { name: /确\s*定/ }).click();
    await expectVisible(dept, dept.getByText('诉求已办结，请将评价链接发给企业'));
    await screenshot(dept, 'aftercare-request-resolved');

    // The representative sends the enterprise its feedback link.
    await rep.goto(requestUrl);
    await expectVisible(rep, rep.getByTestId('feedback-url'));
    const feedbackUrl = await rep.getByTestId('feedback-url').inputValue();
    expect(feedbackUrl).toMatch(new RegExp(`^${server.baseUrl}/f/[A-Za-z0-9_-]{22}$`));

    // The enterprise confirms it is solved and rates it five stars.
    await phone.goto(feedbackUrl);
    await expectVisible(phone, phone.getByText('已开辟绿色通道，施工许可证于今日核发'));
    await phone.getByRole('radio', { name: '已解决' }).click();
    await phone.getByRole('radio', { name: '5 星' }).click();
    await phone.getByLabel('意见或建议（选填）').fill('审批局响应很快，感谢！');
    await screenshot(phone, 'aftercare-phone-feedback');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expectVisible(phone, phone.getByText('感谢您的评价'));
    // The link works once.
    await phone.reload();
    await expectVisible(phone, phone.getByText('您已评价过该诉求'));

    await rep.reload();
    await expectVisible(rep, rep.getByTestId('request-status').getByText('企业已确认'));
    expect(await rep.getByTestId('request-satisfaction').innerText()).toBe('5 分');
    await screenshot(rep, 'aftercare-request-confirmed');

    // The leader's statistics now count it for the department, resolved and rated.
    await leader.reload();
    const deptRow = leader.getByRole('row').filter({ hasText: DEPARTMENT });
    await expectVisible(leader, deptRow);
    const cells = await deptRow.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual([DEPARTMENT, '1', '1', '0', '0']);
    expect(cells[7]).toContain('5.0 分');
    await expectVisible(leader, leader.getByTestId('stat-total').getByText('1', { exact: true }));
    expect(await leader.getByTestId('stat-satisfaction').innerText()).toContain('5.00');
    await expectVisible(leader, leader.getByTestId('stats-chart').locator('svg').first());
    await screenshot(leader, 'aftercare-stats');

    // The pool shows the company's plan halfway to its goal.
    await openMenu(leader, '企业培育库');
    const plan = leader.getByRole('row').filter({ hasText: COMPANY });
    await expectVisible(leader, plan);
    expect(await plan.innerText()).toContain('1/2 个节点');
    expect(await plan.innerText()).toContain('拟入规');
    await screenshot(leader, 'aftercare-cultivation');
  });
});

/** Clicks a side-menu entry by its exact label (the accessible name also holds the icon's). */
async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) }).click();
}

/** Opens an antd Select by its label and picks the option with that title. */
async function pickOption(page: Page, select: Locator, title: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}
