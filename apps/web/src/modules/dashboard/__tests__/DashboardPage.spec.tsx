import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DrillDto } from '@lianqiao/contracts';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import DashboardPage from '../../../pages/dashboard/DashboardPage';
import { monthRangeOf, periodDays } from '../period';

// ECharts draws nothing in jsdom: each bar becomes a button that drills as a click on it would.
jest.mock('../components/DashboardCharts', () => ({
  StageFunnel: () => null,
  DrillBars: ({
    series,
    onDrill,
  }: {
    series: { name: string; items: { name: string; value: number; drill: DrillDto }[] }[];
    onDrill: (drill: DrillDto) => void;
  }) => (
    <div>
      {series.flatMap((s) =>
        s.items.map((item) => (
          <button key={`${s.name}-${item.name}`} type="button" onClick={() => onDrill(item.drill)}>
            {`${s.name}|${item.name}|${item.value}`}
          </button>
        )),
      )}
    </div>
  ),
}));

const drill = (path: string, query: Record<string, string> = {}): DrillDto => ({ path, query });
const figure = (value: number, d = drill('/projects')) => ({ value, drill: d });
const period = { year: 2026, from: '', to: '', teamId: null, teamName: null };
const invest = (key: string, label: string, projects: number, wan: number[], jobs: number[], d: DrillDto) => ({
  key,
  label,
  projects,
  projectedWan: wan[0],
  contractedWan: wan[1],
  actualWan: wan[2],
  projectedJobs: jobs[0],
  contractedJobs: jobs[1],
  actualJobs: jobs[2],
  drill: d,
});
const node = (nodeId: string, name: string, level: 'gap' | 'weak' | 'strong', layer: string | null) => ({
  nodeId,
  parentId: null,
  name,
  layer,
  depth: 0,
  level,
  localCompanies: figure(level === 'gap' ? 0 : 2, drill('/companies', { chainNode: nodeId, isTarget: 'false' })),
  targetCompanies: figure(4, drill('/companies', { chainNode: nodeId, isTarget: 'true' })),
  newLeads: figure(0),
  projects: figure(0),
  investmentWan: figure(0),
  projectsSigned: figure(0),
  contractedWan: figure(0),
});
const rtRow = {
  source: 'all',
  label: '全部',
  leads: figure(0),
  responded: figure(0),
  unanswered: figure(0),
  medianHours: null,
  p90Hours: null,
  withinTarget: 0,
  decided: 0,
  shareWithinTarget: null,
};

function serve() {
  return fakeApi({
    'GET /api/teams': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    'GET /api/dashboard/summary': {
      status: 200,
      body: { period, figures: [], stalledProjects: figure(0), stalledDays: 30 },
    },
    'GET /api/dashboard/funnel': { status: 200, body: { period, stages: [] } },
    'GET /api/dashboard/teams': { status: 200, body: { period, teams: [] } },
    'GET /api/dashboard/months': { status: 200, body: { period, months: [] } },
    'GET /api/dashboard/stalled': {
      status: 200,
      body: { period, stalledDays: 30, total: figure(0), items: [], byLeader: [], byOwner: [] },
    },
    'GET /api/dashboard/top': { status: 200, body: { period, roadshows: [], trips: [], cards: [] } },
    'GET /api/dashboard/response-times': {
      status: 200,
      body: { period, targetHours: 24, overall: rtRow, bySource: [] },
    },
    'GET /api/dashboard/chains': {
      status: 200,
      body: {
        period,
        chains: [
          {
            chainId: 'c1',
            code: 'nev',
            name: '新能源汽车',
            kind: 'chain',
            gapCount: 1,
            weakCount: 1,
            strongCount: 0,
            nodes: [node('n1', '动力电池', 'weak', 'upstream'), node('n2', '整车制造', 'gap', 'downstream')],
          },
        ],
      },
    },
    'GET /api/dashboard/investment': {
      status: 200,
      body: {
        period,
        rows: [
          invest('negotiating', '在谈', 0, [0, 0, 0], [0, 0, 0], drill('/projects', { stage: 'negotiating' })),
          invest('signed', '已签约', 2, [120000, 60000, 15000], [800, 500, 0], drill('/projects', { stage: 'signed' })),
          invest('all', '全部项目', 3, [140000, 60000, 15000], [900, 500, 0], drill('/projects')),
          invest(
            'signed_in_period',
            '本期签约项目',
            2,
            [120000, 60000, 15000],
            [800, 500, 0],
            drill('/projects', { reachedStage: 'signed', reachedFrom: '2026-03-01' }),
          ),
        ],
      },
    },
  });
}

const dashboardCalls = (api: ReturnType<typeof serve>) => api.calls.filter((c) => c.path.startsWith('/api/dashboard/'));

describe('dashboard period', () => {
  it('keeps months of the chosen year only and sends the day after the last month as `to`', () => {
    expect(monthRangeOf(2026, '2026-03', '2026-05')).toEqual({ from: '2026-03', to: '2026-05' });
    expect(monthRangeOf(2026, '2025-03', '2026-05')).toBeNull();
    expect(monthRangeOf(2026, '2026-06', '2026-05')).toBeNull();
    expect(monthRangeOf(2026, '2026-13', '2026-05')).toBeNull();
    expect(monthRangeOf(2026, '2026-03', undefined)).toBeNull();
    expect(periodDays({ from: '2026-03', to: '2026-05' })).toEqual({ from: '2026-03-01', to: '2026-06-01' });
    expect(periodDays({ from: '2026-01', to: '2026-12' })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });
});

describe('DashboardPage', () => {
  beforeEach(() => resetConsole(aSession({ user: aUser({ role: 'leader' }) })));
  afterAll(() => resetConsole());

  it('sends the months in the URL to every dashboard query', async () => {
    const api = serve();
    global.fetch = api.fetch;
    renderInConsole(<DashboardPage />, { path: '/dashboard?year=2026&from=2026-03&to=2026-05' });

    expect(await screen.findByTestId('investment-projected')).toBeTruthy();
    await waitFor(() => expect(dashboardCalls(api).length).toBeGreaterThanOrEqual(9));
    const views = new Set(dashboardCalls(api).map((c) => c.path.replace('/api/dashboard/', '')));
    expect([...views].sort()).toEqual(
      ['chains', 'funnel', 'investment', 'months', 'response-times', 'stalled', 'summary', 'teams', 'top'].sort(),
    );
    for (const call of dashboardCalls(api)) {
      expect([call.path, Object.fromEntries(call.query)]).toEqual([
        call.path,
        { year: '2026', from: '2026-03-01', to: '2026-06-01' },
      ]);
    }
  });

  it('asks again for the months picked', async () => {
    const api = serve();
    global.fetch = api.fetch;
    const { router } = renderInConsole(<DashboardPage />, { path: '/dashboard?year=2026' });
    expect(await screen.findByTestId('investment-projected')).toBeTruthy();
    expect(dashboardCalls(api).every((c) => !c.query.has('from') && !c.query.has('to'))).toBe(true);

    const start = screen.getByPlaceholderText('起始月份');
    fireEvent.mouseDown(start);
    fireEvent.focus(start);
    fireEvent.click(start);
    fireEvent.click((await screen.findAllByTitle('2026-02'))[0]);
    fireEvent.click((await screen.findAllByTitle('2026-12'))[0]);

    await waitFor(() => expect(router.state.location.search).toBe('?year=2026&from=2026-02&to=2026-12'));
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) =>
            c.path === '/api/dashboard/investment' &&
            c.query.get('from') === '2026-02-01' &&
            c.query.get('to') === '2027-01-01',
        ),
      ).toBe(true),
    );
  });

  it('draws investment and jobs, projected against contracted against paid in, each opening its projects', async () => {
    global.fetch = serve().fetch;
    const { router } = renderInConsole(<DashboardPage />, { path: '/dashboard?year=2026' });

    const card = await screen.findByTestId('investment-card');
    await within(card).findByTestId('investment-projected');
    expect(within(card).getByTestId('investment-projected').textContent).toContain('14.00');
    expect(within(card).getByTestId('investment-actual').textContent).toContain('1.50');
    expect(within(card).getByTestId('investment-projected').getAttribute('href')).toBe('/projects');
    // Stages with no projects are left out; the period's signings stay.
    expect(within(card).queryByText(/\|在谈\|/)).toBeNull();
    expect(within(card).getByText('合同额|已签约|6')).toBeTruthy();

    fireEvent.click(within(card).getByText('就业（人）'));
    expect(await within(card).findByText('实际就业|本期签约项目|0')).toBeTruthy();
    expect(within(card).getByText('计划就业|已签约|800')).toBeTruthy();

    fireEvent.click(within(card).getByText('计划就业|本期签约项目|800'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'));
    expect(router.state.location.search).toBe('?reachedStage=signed&reachedFrom=2026-03-01');
  });

  it('colours each chain segment by its level and opens the companies behind it', async () => {
    global.fetch = serve().fetch;
    const { router } = renderInConsole(<DashboardPage />, { path: '/dashboard?year=2026' });

    const card = await screen.findByTestId('chain-gap-card');
    await within(card).findByTestId('chain-segment-n2');
    expect(within(card).getByTestId('chain-gap-count-gap').textContent).toBe('缺链 1');
    expect(within(card).getByTestId('chain-segment-n1').getAttribute('data-level')).toBe('weak');
    expect(within(card).getByText('上游')).toBeTruthy();
    expect(within(card).getByText('下游')).toBeTruthy();

    fireEvent.click(within(card).getByTestId('chain-segment-n2'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies'));
    expect(router.state.location.search).toBe('?chainNode=n2&isTarget=true');
  });
});
