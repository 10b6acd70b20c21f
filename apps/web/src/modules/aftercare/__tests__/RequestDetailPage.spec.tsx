import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EnterpriseRequestDto } from '@lianqiao/contracts';
import { App as AntdApp } from 'antd';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import RequestDetailPage from '../../../pages/aftercare/RequestDetailPage';
import type { AuditEntryDto } from '../api/aftercare-api';
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

const audit = (
  action: string,
  at: string,
  actorName: string | null,
  after: Record<string, unknown> = {},
): AuditEntryDto => ({
  id: `${action}-${at}`,
  entity: 'enterprise_request',
  entityId: REQUEST_ID,
  action,
  actorId: null,
  actorName,
  before: null,
  after,
  createdAt: at,
});

function serve(request: EnterpriseRequestDto, extra: Parameters<typeof fakeApi>[0] = {}, trail: AuditEntryDto[] = []) {
  const api = fakeApi({
    [`GET ${PATH}`]: { status: 200, body: request },
    'GET /api/org-units': { status: 200, body: page([DEPT, TOWN]) },
    'GET /api/audit': { status: 200, body: page(trail) },
    ...extra,
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

describe('RequestDetailPage', () => {
  afterAll(() => resetConsole());

  it('lets the representative route a new request to a department, on top of the version read', async () => {
    await resetConsole(aSession({ user: rep }));
    let current = aRequest();
    const api = serve(current, {
      [`GET ${PATH}`]: () => ({ status: 200, body: current }),
      [`POST ${PATH}/route`]: () => {
        current = routed;
        return { status: 200, body: routed };
      },
    });
    renderDetail();

    expect((await screen.findByTestId('request-description')).textContent).toBe(
      '新厂房用电增容申请已提交一个月，尚未接电',
    );
    expect(screen.queryByTestId('request-start')).toBeNull();
    expect(screen.queryByTestId('request-resolve')).toBeNull();
    fireEvent.click(screen.getByTestId('request-route'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请选择承办部门')).toBeTruthy();

    fireEvent.mouseDown(within(dialog).getByLabelText('承办部门'));
    expect(screen.queryByTitle('青年街道')).toBeNull();
    fireEvent.click(await screen.findByTitle('区供电协调办'));
    fireEvent.change(within(dialog).getByLabelText('转办说明'), { target: { value: '请本周内对接供电公司' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已转办至 区供电协调办')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      orgUnitId: DEPT.id,
      note: '请本周内对接供电公司',
      version: 1,
    });
    await waitFor(() => expect(screen.getByTestId('request-department').textContent).toBe('区供电协调办'));
  });

  it('lets the department start and resolve it, asking for what was done', async () => {
    await resetConsole(aSession({ user: deptUser }));
    const resolved = {
      ...routed,
      status: 'resolved' as const,
      resolution: '已协调供电公司，本周五接电',
      resolvedAt: '2026-03-02T08:00:00.000Z',
      version: 3,
    };
    let current: EnterpriseRequestDto = routed;
    const api = serve(routed, {
      [`GET ${PATH}`]: () => ({ status: 200, body: current }),
      [`POST ${PATH}/transitions`]: () => {
        current = resolved;
        return { status: 200, body: resolved };
      },
      [`GET ${PATH}/feedback-link`]: {
        status: 200,
        body: {
          requestId: REQUEST_ID,
          url: 'http://zs.test/f/AAAAAAAAAAAAAAAAAAAAAA',
          qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
          used: false,
        },
      },
    });
    renderDetail();
    await screen.findByTestId('request-description');

    expect(screen.queryByTestId('request-route')).toBeNull();
    expect(screen.getByTestId('request-start')).toBeTruthy();
    fireEvent.click(screen.getByTestId('request-resolve'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写办理结果')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('办理结果'), { target: { value: ' 已协调供电公司，本周五接电 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('诉求已办结，请将评价链接发给企业')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      to: 'resolved',
      resolution: '已协调供电公司，本周五接电',
      version: 2,
    });
    expect(((await screen.findByTestId('feedback-url')) as HTMLInputElement).value).toBe(
      'http://zs.test/f/AAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(screen.getByTestId('request-resolution').textContent).toBe('已协调供电公司，本周五接电');
  });

  it('says when someone else moved the request first, and reloads it', async () => {
    await resetConsole(aSession({ user: deptUser }));
    const api = serve(routed, {
      [`POST ${PATH}/transitions`]: apiError(409, '记录已被他人修改，请刷新后重试 (stale version)', [
        { field: 'version', message: '版本已过期' },
      ]),
    });
    renderDetail();
    await screen.findByTestId('request-description');

    fireEvent.click(screen.getByTestId('request-escalate'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await within(dialog).findByText('记录已被他人修改')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '载入最新数据' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'GET' && c.path === PATH).length).toBe(2));
  });

  it('shows the enterprise’s rating once it answered, and that the link is used', async () => {
    await resetConsole(aSession({ user: rep }));
    serve(
      {
        ...routed,
        status: 'confirmed',
        resolution: '已接电',
        resolvedAt: '2026-03-02T08:00:00.000Z',
        confirmedAt: '2026-03-03T08:00:00.000Z',
        satisfaction: 5,
        satisfactionComment: '响应很快',
      },
      {
        [`GET ${PATH}/feedback-link`]: {
          status: 200,
          body: { requestId: REQUEST_ID, url: 'http://zs.test/f/x', qrSvg: '<svg/>', used: true },
        },
      },
    );
    renderDetail();

    expect((await screen.findByTestId('request-satisfaction')).textContent).toBe('5 分');
    expect(screen.getByText('响应很快')).toBeTruthy();
    expect(await screen.findByText('企业已评价，链接已失效')).toBeTruthy();
    expect(screen.queryByTestId('request-route')).toBeNull();
    expect(screen.queryByTestId('request-escalate')).toBeNull();
  });

  it('tells the history in sentences, oldest first, naming the department and who acted', async () => {
    await resetConsole(aSession({ user: rep }));
    serve(routed, {}, [
      audit('confirm', '2026-03-03T08:00:00.000Z', null, { satisfaction: 4, satisfactionComment: '满意' }),
      audit('resolve', '2026-03-02T08:00:00.000Z', '供电办小刘', { resolution: '已接电' }),
      audit('escalate', '2026-03-01T09:00:00.000Z', null, { escalationReason: 'overdue' }),
      audit('route', '2026-03-01T03:00:00.000Z', '赵代表', { orgUnitId: DEPT.id }),
      audit('create', '2026-03-01T02:00:00.000Z', null, { description: '用电增容' }),
    ]);
    renderDetail();

    const timeline = await screen.findByTestId('request-timeline');
    const lines = within(timeline)
      .getAllByText(/./, { selector: 'strong' })
      .map((n) => n.textContent);
    expect(lines).toEqual([
      '企业扫码提交诉求',
      '转办至 区供电协调办',
      '升级：逾期未办结',
      '办结',
      '企业确认已解决，满意度 4 分',
    ]);
    expect(within(timeline).getByText(/· 赵代表$/)).toBeTruthy();
    expect(within(timeline).getByText(/· 系统$/)).toBeTruthy();
  });

  it('answers a request the user may not see as not found', async () => {
    await resetConsole(aSession({ user: rep }));
    serve(aRequest(), { [`GET ${PATH}`]: apiError(404, '诉求不存在') });
    renderDetail();

    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByText('诉求不存在')).toBeTruthy();
  });
});
