import { screen, within } from '@testing-library/react';
import type { RequestStatsDto } from '@lianqiao/contracts';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import RequestStatsPage from '../../../pages/aftercare/RequestStatsPage';
import { DEPT } from './fixtures';

// ECharts draws nothing in jsdom; the chart's option is tested on its own (stats-chart-option.spec).
jest.mock('../components/RequestStatsChart', () => ({
  __esModule: true,
  default: ({ rows }: { rows: unknown[] }) => <div data-testid="chart-stub">{rows.length}</div>,
}));

const row = {
  orgUnitId: DEPT.id,
  orgUnitName: DEPT.name,
  count: 4,
  resolved: 3,
  overdue: 1,
  escalated: 1,
  medianHoursToResolve: 20.5,
  avgHoursToResolve: 30.2,
  avgSatisfaction: 4.5,
  ratedCount: 2,
};
const stats: RequestStatsDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  rows: [
    row,
    {
      ...row,
      orgUnitId: null,
      orgUnitName: '未转办',
      count: 1,
      resolved: 0,
      overdue: 0,
      escalated: 0,
      medianHoursToResolve: null,
      avgHoursToResolve: null,
      avgSatisfaction: null,
      ratedCount: 0,
    },
  ],
  total: { ...row, orgUnitId: null, orgUnitName: '合计', count: 5 },
};

describe('RequestStatsPage', () => {
  afterAll(() => resetConsole());

  it('shows the figures per department over the range in the URL, with the chart', async () => {
    await resetConsole(aSession({ user: aUser({ role: 'leader' }) }));
    const api = fakeApi({ 'GET /api/requests/stats': { status: 200, body: stats } });
    global.fetch = api.fetch;
    renderInConsole(<RequestStatsPage />, { path: '/aftercare/stats?from=2026-01-01&to=2026-03-31' });

    const dept = (await screen.findByText('区供电协调办')).closest('tr') as HTMLElement;
    expect(within(dept).getByText('20.5 小时')).toBeTruthy();
    expect(within(dept).getByText('30.2 小时')).toBeTruthy();
    expect(within(dept).getByText('4.5 分')).toBeTruthy();
    expect(within(dept).getByText('(2 件已评价)')).toBeTruthy();
    expect(screen.getByText('未转办').closest('tr')!.textContent).toContain('—');
    expect(within(screen.getByTestId('stat-total')).getByText('5')).toBeTruthy();
    expect(screen.getByTestId('stat-satisfaction').textContent).toBe('平均满意度4.50/ 5');
    expect((await screen.findByTestId('chart-stub')).textContent).toBe('2');
    expect(Object.fromEntries(api.calls[0].query)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('says when the period has no requests', async () => {
    await resetConsole(aSession({ user: aUser({ role: 'leader' }) }));
    const api = fakeApi({
      'GET /api/requests/stats': {
        status: 200,
        body: {
          from: null,
          to: null,
          rows: [],
          total: {
            ...stats.total,
            count: 0,
            resolved: 0,
            overdue: 0,
            escalated: 0,
            medianHoursToResolve: null,
            avgHoursToResolve: null,
            avgSatisfaction: null,
            ratedCount: 0,
          },
        },
      },
    });
    global.fetch = api.fetch;
    renderInConsole(<RequestStatsPage />, { path: '/aftercare/stats?from=bad' });

    expect((await screen.findAllByText('所选期间暂无诉求')).length).toBeGreaterThan(0);
    expect(Object.fromEntries(api.calls[0].query)).toEqual({});
  });
});
