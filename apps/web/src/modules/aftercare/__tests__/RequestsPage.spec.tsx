import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import RequestReviewPage from '../../../pages/aftercare/RequestReviewPage';
import RequestsPage from '../../../pages/aftercare/RequestsPage';
import { aRequest, DEPT, page, TOWN } from './fixtures';

const rep = aUser({ id: '00000000-0000-4000-8000-000000000011', displayName: '赵代表' });
const deptUser = aUser({ id: '00000000-0000-4000-8000-000000000012', displayName: '供电办小刘', orgUnitId: DEPT.id });
const overdue = aRequest({
  id: '00000000-0000-4000-8000-0000000000e2',
  companyName: '研奥电气股份有限公司',
  category: 'permits',
  cannotBeDone: true,
  status: 'escalated',
  escalationReason: 'overdue',
  orgUnitId: DEPT.id,
  orgUnitName: DEPT.name,
  dueAt: new Date(Date.now() - 2 * 86_400_000 - 60_000).toISOString(),
  overdue: true,
  source: 'staff',
});

function serve(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/requests': { status: 200, body: page([aRequest(), overdue]) },
    'GET /api/requests/review': { status: 200, body: page([overdue]) },
    'GET /api/org-units': { status: 200, body: page([DEPT, TOWN]) },
    'GET /api/requests/categories': { status: 200, body: page([]) },
    ...extra,
  });
  global.fetch = api.fetch;
  return api;
}

describe('RequestsPage', () => {
  afterAll(() => resetConsole());

  it('lists requests with the deadline counting down, or how late they are', async () => {
    await resetConsole(aSession({ user: rep }));
    serve();
    renderInConsole(<RequestsPage />, { path: '/aftercare/requests' });

    const open = (await screen.findByText('长客配套有限公司')).closest('tr') as HTMLElement;
    expect(within(open).getByTestId('deadline').textContent).toBe('剩 3 天 5 小时');
    expect(within(open).getByText('待办理')).toBeTruthy();
    expect(within(open).getByText('未转办')).toBeTruthy();
    expect(within(open).getByText('企业扫码提交')).toBeTruthy();
    const late = screen.getByText('研奥电气股份有限公司').closest('tr') as HTMLElement;
    expect(within(late).getByTestId('deadline').textContent).toBe('逾期 2 天');
    expect(within(late).getByText('办不成事')).toBeTruthy();
    expect(within(late).getByText('区供电协调办')).toBeTruthy();
    expect(within(late).getByText('已升级')).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 2 / 共 2 条');
  });

  it('sends the URL’s filters to the API, dropping what it would refuse', async () => {
    await resetConsole(aSession({ user: rep }));
    const api = serve();
    renderInConsole(<RequestsPage />, {
      path: `/aftercare/requests?status=escalated&category=permits&orgUnitId=${DEPT.id}&overdue=true&cannotBeDone=true&routedToMe=true&sort=dueAt:asc&q=研奥`,
    });
    await screen.findByText('长客配套有限公司');

    expect(Object.fromEntries(api.calls.find((c) => c.path === '/api/requests')!.query)).toEqual({
      status: 'escalated',
      category: 'permits',
      orgUnitId: DEPT.id,
      overdue: 'true',
      cannotBeDone: 'true',
      sort: 'dueAt:asc',
      q: '研奥',
      limit: '20',
    });
    // 转办本部门 is offered only to someone of a department.
    expect(screen.queryByText('转办本部门')).toBeNull();
  });

  it('ignores nonsense in the URL', async () => {
    await resetConsole(aSession({ user: rep }));
    const api = serve();
    renderInConsole(<RequestsPage />, {
      path: '/aftercare/requests?status=lost&category=x&orgUnitId=1&overdue=yes&sort=name:asc',
    });
    await screen.findByText('长客配套有限公司');

    expect(Object.fromEntries(api.calls.find((c) => c.path === '/api/requests')!.query)).toEqual({ limit: '20' });
  });

  it('lets a department’s user narrow the list to what is routed to the department', async () => {
    await resetConsole(aSession({ user: deptUser }));
    const api = serve();
    const { router } = renderInConsole(<RequestsPage />, { path: '/aftercare/requests' });
    await screen.findByText('长客配套有限公司');

    fireEvent.click(screen.getByLabelText('转办本部门'));

    await waitFor(() => expect(router.state.location.search).toBe('?routedToMe=true'));
    await waitFor(() => expect(api.calls.some((c) => c.query.get('routedToMe') === 'true')).toBe(true));
  });

  it('offers only departments as the department filter', async () => {
    await resetConsole(aSession({ user: rep }));
    serve();
    renderInConsole(<RequestsPage />, { path: '/aftercare/requests' });
    await screen.findByText('长客配套有限公司');

    fireEvent.mouseDown(screen.getByLabelText('全部承办部门'));

    expect(await screen.findByTitle('区供电协调办')).toBeTruthy();
    expect(screen.queryByTitle('青年街道')).toBeNull();
  });
});

describe('RequestReviewPage', () => {
  afterAll(() => resetConsole());

  it('shows leaders the escalated and could-not-be-done requests with why they were escalated', async () => {
    await resetConsole(aSession({ user: aUser({ role: 'leader', displayName: '王区长' }) }));
    const api = serve();
    renderInConsole(<RequestReviewPage />, { path: '/aftercare/review' });

    const row = (await screen.findByText('研奥电气股份有限公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('逾期未办结')).toBeTruthy();
    expect(screen.queryByText('长客配套有限公司')).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/requests/review')).toBe(true);
  });
});
