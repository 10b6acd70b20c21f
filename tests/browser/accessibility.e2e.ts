import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newPage } from './support/browser';
import { expectVisible, signIn } from './support/console-pages';
import { call, login, createStaffOnNewTeam } from './support/api';
import type { ConsoleServer } from './support/console-server';
import { consoleSuite } from './support/suite';

jest.setTimeout(240_000);

const PASSWORD = 'Zhaoshang-2025';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('')}`,
      ),
    );
}

const headings = (page: Page) => page.locator('h1').allInnerTexts();

describe('what everyone can read (axe-core: no serious or critical violation, one <h1>)', () => {
  const suite = consoleSuite();
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let leadId: string;
  let signedIn = false;
  let cardSlug: string;

  beforeAll(async () => {
    ({ server, browser } = await suite.start('accessibility'));
    const admin = await login(server, server.admin.username, server.admin.password);
    await createStaffOnNewTeam(server, admin, {
      team: '新能源汽车招商专班',
      username: 'zhaolei',
      displayName: '赵磊',
      password: PASSWORD,
    });
    const staff = await login(server, 'zhaolei', PASSWORD);
    const company = await call<{ id: string }>(server, staff, 'POST', '/api/companies', {
      name: '宁德新能源科技有限公司',
      tags: ['srdi'],
    });
    leadId = (
      await call<{ id: string }>(server, staff, 'POST', '/api/leads', {
        name: '动力电池项目',
        source: 'roadshow',
        companyId: company.id,
        estimatedWan: 80000,
      })
    ).id;
    const project = await call<{ id: string; version: number }>(server, staff, 'POST', '/api/projects', {
      name: '智能座舱项目',
      totalInvestmentWan: 20000,
    });
    await call(server, staff, 'POST', `/api/projects/${project.id}/transitions`, {
      version: project.version,
      to: 'signed',
      signedAt: new Date().toISOString().slice(0, 10),
      contractedWan: 10000,
    });
    await call(server, admin, 'POST', '/api/users', {
      username: 'liuju',
      displayName: '刘局长',
      role: 'leader',
      password: PASSWORD,
    });
    const draft = await call<{ id: string; version: number }>(server, staff, 'POST', '/api/promo-projects', {
      kind: 'land',
      title: '汽车零部件产业园 A-03 地块',
      summary: '紧邻整车厂与绕城高速，适合汽车零部件企业落地。',
      location: '经开区汽车产业园东区',
      landMu: 120.5,
      investmentScaleWan: 50000,
      advantages: '<p>距整车厂 3 公里。</p>',
      contactName: '招商服务中心 王科长',
      contactPhone: '0731-8888 1234',
    });
    const submitted = await call<{ version: number }>(server, staff, 'POST', `/api/promo-projects/${draft.id}/submit`, {
      version: draft.version,
    });
    const leader = await login(server, 'liuju', PASSWORD);
    cardSlug = (
      await call<{ slug: string }>(server, leader, 'POST', `/api/promo-projects/${draft.id}/approve`, {
        version: submitted.version,
      })
    ).slug;
    page = await newPage(browser);
  });

  it('the public card', async () => {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      // The card's CSP allows its own script only: axe is the test's, not the page's.
      bypassCSP: true,
    });
    try {
      const card = await phone.newPage();
      await card.goto(`${server.baseUrl}/c/${cardSlug}`);
      await expectVisible(card, card.getByRole('heading', { level: 1 }));
      expect({ headings: (await headings(card)).length, violations: await seriousViolations(card) }).toEqual({
        headings: 1,
        violations: [],
      });
    } finally {
      await phone.close();
    }
  });

  it('the login page', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await expectVisible(page, page.getByLabel('用户名'));
    expect({ headings: (await headings(page)).length, violations: await seriousViolations(page) }).toEqual({
      headings: 1,
      violations: [],
    });
  });

  // Each page is checked once what it is for has loaded: its records, not a spinner.
  it.each([
    ['home', '/', (p: Page) => p.getByTestId('greeting')],
    ['lead list', '/leads', (p: Page) => p.getByRole('link', { name: '动力电池项目' })],
    ['lead detail', '/leads/:lead', (p: Page) => p.getByTestId('lead-title')],
    ['board', '/projects/board', (p: Page) => p.getByTestId('board-card')],
    ['dashboard', '/dashboard', (p: Page) => p.getByTestId('investment-projected')],
  ])('the %s', async (_name, path, loaded) => {
    if (!signedIn) {
      await signIn(page, server.baseUrl, 'zhaolei', PASSWORD);
      await expectVisible(page, page.getByTestId('greeting'));
      signedIn = true;
    }
    await page.goto(`${server.baseUrl}${path.replace(':lead', leadId)}`);
    await expectVisible(page, loaded(page));
    await page.waitForLoadState('networkidle');
    expect({ headings: await headings(page), violations: await seriousViolations(page) }).toEqual({
      headings: [expect.any(String)],
      violations: [],
    });
  });
});
