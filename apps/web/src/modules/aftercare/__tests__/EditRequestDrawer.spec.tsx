import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EnterpriseRequestDto } from '@lianqiao/contracts';
import { App as AntdApp } from 'antd';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import RequestDetailPage from '../../../pages/aftercare/RequestDetailPage';
import { mayEditRequest } from '../components/EditRequestDrawer';
import { aRequest, apiError, DEPT, page, REQUEST_ID, TOWN } from './fixtures';

const PATH = `/api/requests/${REQUEST_ID}`;
const rep = aUser({ id: '00000000-0000-4000-8000-000000000011', displayName: '赵代表' });
const deptUser = aUser({ id: '00000000-0000-4000-8000-000000000012', displayName: '供电办小刘', orgUnitId: DEPT.id });
const routed = aRequest({
  orgUnitId: DEPT.id,
  orgUnitName: DEPT.name,
  routedAt: '2026-03-01T03:00:00.000Z',
  version: 2,
});

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/org-units': { status: 200, body: page([DEPT, TOWN]) },
    'GET /api/audit': { status: 200, body: page([]) },
    'GET /api/requests/categories': {
      status: 200,
      body: page([
        { category: 'utilities', label: '水电气暖', dueDays: 7 },
        { category: 'permits', label: '审批办证', dueDays: 10 },
      ]),
    },
    ...routes,
  });
  global.fetch = api.fetch;
  return api;
}

function renderDetail() {
  return renderInConsole(<RequestDetailPage />, {
    path: `/aftercare/requests/${REQUEST_ID}`,
    routes: [
      {
        path: '/aftercare/requests/:id',
        element: (
          <AntdApp>
            <RequestDetailPage />
          </AntdApp>
        ),
      },
    ],
  });
}

const openDrawer = async () => {
  fireEvent.click(await screen.findByTestId('request-edit'));
  return screen.findByRole('dialog');
};

describe('editing a request', () => {
  afterAll(() => resetConsole());

  it('sends only the fields that changed, with the version read, and shows the saved request', async () => {
    await resetConsole(aSession({ user: rep }));
    let current: EnterpriseRequestDto = routed;
    const api = serve({
      [`GET ${PATH}`]: () => ({ status: 200, body: current }),
      [`PATCH ${PATH}`]: (call) => {
        current = { ...routed, ...(call.body as Partial<EnterpriseRequestDto>), version: 3 };
        return { status: 200, body: current };
      },
    });
    renderDetail();
    await screen.findByTestId('request-description');

    const drawer = await openDrawer();
    expect(within(drawer).getByText('编辑诉求')).toBeTruthy();
    expect(within(drawer).getByTestId('request-edit-department').textContent).toBe('区供电协调办');
    fireEvent.change(within(drawer).getByLabelText('诉求内容'), {
      target: { value: ' 新厂房用电增容，供电公司要求补交负荷说明 ' },
    });
    fireEvent.click(within(drawer).getByLabelText('办不成事'));
    fireEvent.change(within(drawer).getByLabelText('联系人'), { target: { value: '  ' } });
    fireEvent.click(within(drawer).getByTestId('request-edit-submit'));

    expect(await screen.findByText('诉求已保存')).toBeTruthy();
    const patches = api.calls.filter((c) => c.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].body).toEqual({
      description: '新厂房用电增容，供电公司要求补交负荷说明',
      cannotBeDone: true,
      contactName: null,
      version: 2,
    });
    await waitFor(() =>
      expect(screen.getByTestId('request-description').textContent).toBe('新厂房用电增容，供电公司要求补交负荷说明'),
    );
  });

  it('sends nothing when nothing changed', async () => {
    await resetConsole(aSession({ user: rep }));
    const api = serve({ [`GET ${PATH}`]: { status: 200, body: routed } });
    renderDetail();
    await screen.findByTestId('request-description');

    const drawer = await openDrawer();
    fireEvent.click(within(drawer).getByTestId('request-edit-submit'));

    expect(await screen.findByText('没有修改')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('says politely when someone else saved first, and loads the latest into the form', async () => {
    await resetConsole(aSession({ user: rep }));
    const latest = { ...routed, description: '他人修改后的诉求内容', version: 3 };
    const api = serve({
      [`GET ${PATH}`]: [
        { status: 200, body: routed },
        { status: 200, body: latest },
      ],
      [`PATCH ${PATH}`]: apiError(409, '记录已被他人修改，请刷新后重试 (stale version)', [
        { field: 'version', message: '版本已过期' },
      ]),
    });
    renderDetail();
    await screen.findByTestId('request-description');

    const drawer = await openDrawer();
    fireEvent.change(within(drawer).getByLabelText('诉求内容'), { target: { value: '我的修改' } });
    fireEvent.click(within(drawer).getByTestId('request-edit-submit'));

    expect(await within(drawer).findByText('记录已被他人修改')).toBeTruthy();
    expect(within(drawer).getByText('您打开后，其他人保存了这条记录。请载入最新数据，核对后再保存。')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PATCH')!.body).toEqual({ description: '我的修改', version: 2 });

    fireEvent.click(within(drawer).getByRole('button', { name: '载入最新数据' }));
    await waitFor(() =>
      expect((within(drawer).getByLabelText('诉求内容') as HTMLTextAreaElement).value).toBe('他人修改后的诉求内容'),
    );
    expect(within(drawer).queryByText('记录已被他人修改')).toBeNull();
  });

  it('is offered to those the API lets edit: not the routed department alone, not after confirmation', async () => {
    await resetConsole(aSession({ user: deptUser }));
    serve({ [`GET ${PATH}`]: { status: 200, body: routed } });
    renderDetail();
    await screen.findByTestId('request-description');
    expect(screen.getByTestId('request-resolve')).toBeTruthy();
    expect(screen.queryByTestId('request-edit')).toBeNull();

    expect(mayEditRequest(routed, rep)).toBe(true);
    expect(mayEditRequest(routed, deptUser)).toBe(false);
    expect(mayEditRequest({ ...routed, loggedById: deptUser.id }, deptUser)).toBe(true);
    expect(mayEditRequest(routed, aUser({ role: 'leader', orgUnitId: DEPT.id }))).toBe(true);
    expect(mayEditRequest({ ...routed, status: 'confirmed' }, aUser({ role: 'admin' }))).toBe(false);
  });
});
