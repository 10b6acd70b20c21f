import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../test/render';
import { sessionStore } from '../../shared/http';
import { routes } from '../router';

const admin = aUser({
  id: '00000000-0000-4000-8000-00000000000a',
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
});
const staff = aUser({ displayName: '李四', teamId: '00000000-0000-4000-8000-0000000000t1' });

function serve(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': (call) => ({
      status: 200,
      body: call.headers.Authorization === 'Bearer admin-token' ? admin : staff,
    }),
    'GET /api/teams/00000000-0000-4000-8000-0000000000t1': {
      status: 200,
      body: {
        id: staff.teamId,
        name: '汽车产业链招商专班',
        orgUnitId: null,
        createdAt: '2025-01-01T00:00:00Z',
        version: 1,
      },
    },
    'POST /api/auth/logout': { status: 204 },
    ...extra,
  });
  global.fetch = api.fetch;
  return api;
}

describe('console routing', () => {
  afterAll(() => resetConsole());

  it('sends a visitor without a session to the login page', async () => {
    await resetConsole();
    serve();
    const { router } = renderInConsole(<></>, { path: '/admin/users', routes });

    expect(await screen.findByText('账号登录')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByText('强链补链，精准招商，项目落地全程可视')).toBeTruthy();
  });

  it('greets staff on the home page with their role and team, and shows them no administration menu', async () => {
    await resetConsole(aSession({ user: staff }));
    serve();
    renderInConsole(<></>, { path: '/', routes });

    expect(await screen.findByText(/，李四$/)).toBeTruthy();
    expect(await screen.findByText('汽车产业链招商专班')).toBeTruthy();
    expect(screen.getAllByText('招商专员').length).toBeGreaterThan(0);
    expect(screen.getAllByText('工作台').length).toBeGreaterThan(0);
    expect(screen.queryByText('系统管理')).toBeNull();
    expect(screen.queryByText('用户管理')).toBeNull();
  });

  it('tells staff that opened an admin page by its address that it is not for them', async () => {
    await resetConsole(aSession({ user: staff }));
    serve();
    renderInConsole(<></>, { path: '/admin/users', routes });

    expect(await screen.findByText('无权访问')).toBeTruthy();
  });

  it('shows an admin the administration menu and quick links', async () => {
    await resetConsole(aSession({ accessToken: 'admin-token', user: admin }));
    serve();
    renderInConsole(<></>, { path: '/', routes });

    expect(await screen.findByText('系统管理')).toBeTruthy();
    expect(await screen.findByText('账号、角色、专班与锁定状态')).toBeTruthy();
  });

  it('sends the user to the login page with a message when the server ends the session', async () => {
    await resetConsole(aSession({ user: staff }));
    serve();
    const { router } = renderInConsole(<></>, { path: '/', routes });
    await screen.findByText(/，李四$/);

    act(() => sessionStore.clear('expired'));

    expect(await screen.findByText('登录已过期或已在别处结束，请重新登录。')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('signs out through the user menu: the server is told, the session is gone, the login page says so', async () => {
    await resetConsole(aSession({ user: staff }));
    const api = serve();
    renderInConsole(<></>, { path: '/', routes });
    await screen.findByText(/，李四$/);

    fireEvent.click(screen.getByTestId('user-menu'));
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByText('您已安全退出。')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/auth/logout')).toBe(true);
    expect(sessionStore.get()).toBeNull();
    expect(window.sessionStorage.getItem('lianqiao.session')).toBeNull();
  });

  it('shows the user’s name and role in the header', async () => {
    await resetConsole(aSession({ user: staff }));
    serve();
    renderInConsole(<></>, { path: '/', routes });

    const menu = await screen.findByTestId('user-menu');
    await waitFor(() => expect(within(menu).getByText('李四')).toBeTruthy());
    expect(within(menu).getByText('招商专员')).toBeTruthy();
  });
});
