import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Page, TeamDto, UserDto } from '@lianqiao/contracts';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import UsersPage from '../../../pages/admin/UsersPage';

const TEAM: TeamDto = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: '汽车产业链招商专班',
  orgUnitId: null,
  createdAt: '2025-01-01T00:00:00Z',
  version: 1,
};
const admin = aUser({
  id: '00000000-0000-4000-8000-00000000000a',
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
});
const zhang = aUser({
  id: '00000000-0000-4000-8000-000000000001',
  displayName: '张三',
  teamId: TEAM.id,
  lastLoginAt: '2025-03-01T08:30:00Z',
});
const li = aUser({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'lisi',
  displayName: '李四',
  role: 'leader',
  lockedUntil: '2099-01-01T00:00:00Z',
});
const wang = aUser({
  id: '00000000-0000-4000-8000-000000000003',
  username: 'wangwu',
  displayName: '王五',
  active: false,
});

const page = (items: UserDto[], nextCursor: string | null, total: number): Page<UserDto> => ({
  items,
  nextCursor,
  total,
});

function serve(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/users': (call) =>
      call.query.get('cursor') === 'c2'
        ? { status: 200, body: page([wang], null, 3) }
        : { status: 200, body: page([zhang, li], 'c2', 3) },
    'GET /api/teams': { status: 200, body: { items: [TEAM], nextCursor: null, total: 1 } },
    'GET /api/org-units': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    ...routes,
  });
  global.fetch = api.fetch;
  return api;
}

describe('UsersPage', () => {
  beforeEach(() => resetConsole(aSession({ user: admin })));
  afterAll(() => resetConsole());

  it('lists users with their role, task force, status and lock, and loads the next page on request', async () => {
    const api = serve();
    renderInConsole(<UsersPage />, { path: '/admin/users' });

    const zhangRow = (await screen.findByText('张三')).closest('tr') as HTMLElement;
    expect(within(zhangRow).getByText('招商专员')).toBeTruthy();
    expect(await within(zhangRow).findByText('汽车产业链招商专班')).toBeTruthy();
    expect(within(zhangRow).getByText('启用')).toBeTruthy();
    const liRow = screen.getByText('李四').closest('tr') as HTMLElement;
    expect(within(liRow).getByText('已锁定')).toBeTruthy();
    expect(within(liRow).getByRole('button', { name: /解锁/ })).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 2 / 共 3 条');

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));

    expect(await screen.findByText('王五')).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 3 / 共 3 条');
    expect(screen.getByText('已全部加载')).toBeTruthy();
    const listCalls = api.calls.filter((c) => c.path === '/api/users');
    expect(listCalls.map((c) => c.query.get('cursor'))).toEqual([null, 'c2']);
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const api = serve();
    renderInConsole(<UsersPage />, { path: `/admin/users?q=张&role=staff&teamId=${TEAM.id}&active=true` });

    await screen.findByText('张三');
    const query = api.calls.find((c) => c.path === '/api/users')!.query;
    expect(Object.fromEntries(query)).toEqual({ q: '张', role: 'staff', teamId: TEAM.id, active: 'true', limit: '20' });
    expect((screen.getByPlaceholderText('搜索用户名或姓名') as HTMLInputElement).value).toBe('张');
  });

  it('ignores filter values in the URL that the API would refuse', async () => {
    const api = serve();
    renderInConsole(<UsersPage />, { path: '/admin/users?role=boss&teamId=42&active=maybe' });

    await screen.findByText('张三');
    expect(Object.fromEntries(api.calls.find((c) => c.path === '/api/users')!.query)).toEqual({ limit: '20' });
  });

  it('puts the search into the URL once typing pauses', async () => {
    const api = serve();
    const { router } = renderInConsole(<UsersPage />, { path: '/admin/users' });
    await screen.findByText('张三');

    fireEvent.change(screen.getByPlaceholderText('搜索用户名或姓名'), { target: { value: '李' } });

    await waitFor(() => expect(router.state.location.search).toBe('?q=%E6%9D%8E'));
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/users' && c.query.get('q') === '李')).toBe(true));
  });

  it('creates a user and shows the server’s complaint under the field it names', async () => {
    const api = serve({
      'POST /api/users': [
        {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'password: 密码须同时包含字母和数字',
            details: [{ field: 'password', message: '密码须同时包含字母和数字' }],
          },
        },
        {
          status: 200,
          body: aUser({ id: '00000000-0000-4000-8000-000000000009', username: 'zhaoliu', displayName: '赵六' }),
        },
      ],
    });
    renderInConsole(<UsersPage />, { path: '/admin/users' });
    await screen.findByText('张三');

    fireEvent.click(screen.getByRole('button', { name: /新建用户/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('用户名'), { target: { value: 'ZhaoLiu' } });
    fireEvent.change(within(drawer).getByLabelText('姓名'), { target: { value: '赵六' } });
    fireEvent.change(within(drawer).getByLabelText('初始密码'), { target: { value: 'onlyletters' } });
    fireEvent.click(screen.getByTestId('user-form-submit'));

    expect(await within(drawer).findByText('密码须同时包含字母和数字')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      username: 'zhaoliu',
      displayName: '赵六',
      role: 'staff',
      teamId: null,
      orgUnitId: null,
      password: 'onlyletters',
    });

    fireEvent.change(within(drawer).getByLabelText('初始密码'), { target: { value: 'Letters-and-1' } });
    fireEvent.click(screen.getByTestId('user-form-submit'));

    expect(await screen.findByText('用户 赵六 已创建')).toBeTruthy();
  });

  it('says clearly when someone else saved the user first, and saves on top of the latest version after reloading', async () => {
    const latest = { ...zhang, displayName: '张三丰', version: 2 };
    const api = serve({
      'PATCH /api/users/00000000-0000-4000-8000-000000000001': (call) =>
        (call.body as { version: number }).version === 1
          ? {
              status: 409,
              body: {
                statusCode: 409,
                error: 'Conflict',
                message: '记录已被他人修改，请刷新后重试 (stale version)',
                details: [{ field: 'version', message: '版本已过期' }],
              },
            }
          : { status: 200, body: { ...latest, displayName: '张三（汽车）', version: 3 } },
      'GET /api/users/00000000-0000-4000-8000-000000000001': { status: 200, body: latest },
    });
    renderInConsole(<UsersPage />, { path: '/admin/users' });
    const row = (await screen.findByText('张三')).closest('tr') as HTMLElement;

    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('姓名'), { target: { value: '张三（汽车）' } });
    fireEvent.click(screen.getByTestId('user-form-submit'));

    expect(await within(drawer).findByText('记录已被他人修改')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '载入最新数据' }));
    await waitFor(() => expect((within(drawer).getByLabelText('姓名') as HTMLInputElement).value).toBe('张三丰'));

    fireEvent.change(within(drawer).getByLabelText('姓名'), { target: { value: '张三（汽车）' } });
    fireEvent.click(screen.getByTestId('user-form-submit'));

    expect(await screen.findByText('用户 张三（汽车） 已保存')).toBeTruthy();
    const patches = api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
    expect(patches).toEqual([
      { displayName: '张三（汽车）', role: 'staff', teamId: TEAM.id, orgUnitId: null, version: 1 },
      { displayName: '张三（汽车）', role: 'staff', teamId: TEAM.id, orgUnitId: null, version: 2 },
    ]);
  });

  it('unlocks a locked user after confirmation', async () => {
    const api = serve({
      'POST /api/users/00000000-0000-4000-8000-000000000002/unlock': {
        status: 200,
        body: { ...li, lockedUntil: null },
      },
    });
    renderInConsole(<UsersPage />, { path: '/admin/users' });
    const row = (await screen.findByText('李四')).closest('tr') as HTMLElement;

    fireEvent.click(within(row).getByRole('button', { name: /解锁/ }));
    fireEvent.click(await screen.findByRole('button', { name: '解 锁' }));

    expect(await screen.findByText('李四 已解锁')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/unlock'))).toBe(true);
  });
});
