import { usccCheckCharacter } from '@lianqiao/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { newPage, screenshot } from './support/browser';
import { dialogSettled, expectVisible, signIn } from './support/console-pages';
import { login, createStaffOnNewTeam } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

// Starting the built server and Chromium on a shared 2-core machine takes a while.
jest.setTimeout(300_000);

const PASSWORD = 'Zhaoshang-2025';
const COMPANY = '苏州汇博新能源科技有限公司';
const USCC = `91320594MA1WQ8K2X${usccCheckCharacter('91320594MA1WQ8K2X')}`;
const LEAD = '动力电池 PACK 产线项目';

describe('a staff member’s day in the console', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('staff_day'));
    const admin = await login(server, server.admin.username, server.admin.password);
    await createStaffOnNewTeam(server, admin, {
      team: '新能源汽车招商专班',
      username: 'zhaolei',
      displayName: '赵磊',
      password: PASSWORD,
    });
    page = await newPage(browser);
    await signIn(page, server.baseUrl, 'zhaolei', PASSWORD);
    await expectVisible(page, page.getByTestId('greeting'));
  });

  it('creates a company, a lead from a roadshow, follows it up, converts it and signs the project on the board', async () => {
    // Home: nothing overdue or stalled yet.
    await expectVisible(page, page.getByText('没有逾期的跟进，继续保持'));
    await expectVisible(page, page.getByText('没有停滞的项目'));

    // The chain map: the seeded automotive chain, drawn.
    await page.goto(`${server.baseUrl}/chains`);
    await expectVisible(page, page.getByTestId('chain-map'));
    await screenshot(page, 'chain-map');

    // 1. A company, with its credit code checked on the way.
    await page.goto(`${server.baseUrl}/companies`);
    await expectVisible(page, page.getByText('企业库还是空的'));
    await page
      .getByRole('button', { name: /新建企业/ })
      .first()
      .click();
    const companyDrawer = page.getByRole('dialog');
    await companyDrawer.getByLabel('企业名称').fill(COMPANY);
    await companyDrawer.getByLabel('统一社会信用代码').fill(`${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`);
    await expectVisible(page, companyDrawer.getByText('统一社会信用代码校验位不正确，请核对'));
    await companyDrawer.getByLabel('统一社会信用代码').fill(USCC.toLowerCase());
    await page.getByTestId('company-form-submit').click();
    await expectVisible(page, page.getByText(`企业 ${COMPANY} 已创建`));
    await expectVisible(page, page.getByTestId('company-title').getByText(COMPANY));

    // 2. A lead on it, met at a roadshow.
    await page
      .getByRole('button', { name: /为该企业新建线索/ })
      .first()
      .click();
    const leadDrawer = page.getByRole('dialog', { name: '新建线索' });
    await leadDrawer.getByLabel('线索名称').fill(LEAD);
    await leadDrawer.getByLabel('来源').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '推介会' }).click();
    await leadDrawer.getByLabel('预计投资（万元）').fill('50000');
    await page.getByTestId('lead-form-submit').click();
    await expectVisible(page, page.getByText(`线索 ${LEAD} 已创建`));
    await expectVisible(page, page.getByTestId('lead-title').getByText(LEAD));
    await expectVisible(page, page.getByText('推介会').first());

    // 3. The first follow-up.
    await page.getByRole('button', { name: /记录第一次跟进/ }).click();
    const activity = page.getByRole('dialog', { name: '记录跟进' });
    await activity.getByLabel('跟进内容').fill('推介会后电话回访，对方关注标准厂房和电价政策');
    await activity.getByLabel('下一步').fill('下周安排实地考察');
    await page.getByTestId('activity-submit').click();
    await expectVisible(page, page.getByText('跟进已记录'));
    await expectVisible(
      page,
      page.getByTestId('activity-timeline').getByText('推介会后电话回访，对方关注标准厂房和电价政策'),
    );

    // 4. Qualified, then converted into a project.
    await page.getByTestId('lead-status-button').click();
    await page.getByRole('menuitem', { name: '意向明确' }).click();
    await expectVisible(page, page.getByText('状态已改为「意向明确」'));
    await page.getByRole('button', { name: /转为项目/ }).click();
    await page.getByTestId('convert-submit').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();
    await expectVisible(page, page.getByTestId('project-title').getByText(LEAD));
    expect(await page.getByTestId('project-stage').textContent()).toBe('在谈');

    // 5. On the board, dragged from 在谈 to 已签约: the form asks for the signing evidence.
    await page.goto(`${server.baseUrl}/projects/board`);
    const card = page.getByTestId('board-column-negotiating').getByTestId('board-card').filter({ hasText: LEAD });
    await expectVisible(page, card);
    await screenshot(page, 'board');
    await dragTo(page, card, page.getByTestId('board-column-signed'));

    const transition = page.getByRole('dialog');
    await expectVisible(page, transition.getByText(`「${LEAD}」：在谈 → 已签约`));
    const asked = await transition.locator('.ant-form-item-label label').allTextContents();
    expect(asked).toEqual(['签约日期', '合同投资额（万元）', '备注']);
    await dialogSettled(page);
    await page.getByTestId('transition-submit').click();
    await expectVisible(page, transition.getByText('请填写签约日期'));

    await transition.getByLabel('签约日期').click();
    await transition.getByLabel('签约日期').fill('2026-11-20');
    await transition.getByLabel('签约日期').press('Enter');
    await transition.getByLabel('合同投资额（万元）').fill('48000');
    await transition.getByLabel('备注').fill('推介会后两周完成签约');
    await page.getByTestId('transition-submit').click();
    await expectVisible(page, page.getByText('已移至「已签约」'));
    await expectVisible(
      page,
      page.getByTestId('board-column-signed').getByTestId('board-card').filter({ hasText: LEAD }),
    );
    expect(
      await page.getByTestId('board-column-negotiating').getByTestId('board-card').filter({ hasText: LEAD }).count(),
    ).toBe(0);

    // 6. The move is in the project's history, with its evidence.
    await page.goto(projectUrl);
    expect(await page.getByTestId('project-stage').textContent()).toBe('已签约');
    await page.getByRole('tab', { name: '阶段历史' }).click();
    const history = page.getByTestId('stage-history');
    await expectVisible(page, history.getByText('推介会后两周完成签约'));
    const text = await history.innerText();
    expect(text).toContain('在谈\n→\n已签约');
    expect(text).toContain('签约日期：2026-11-20');
    expect(text).toContain('合同投资额（万元）：48,000');
    expect(text).toContain('赵磊 操作');
    await screenshot(page, 'project');

    // The company shows who works it.
    await page.goto(`${server.baseUrl}/companies`);
    await expectVisible(page, page.getByRole('link', { name: COMPANY }));
    await screenshot(page, 'companies');
  });
});

/** Drags with the mouse in small steps, as dnd-kit's pointer sensor needs to see a real drag. */
async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag or nowhere to drop');
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + 24, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
  await page.mouse.up();
}
