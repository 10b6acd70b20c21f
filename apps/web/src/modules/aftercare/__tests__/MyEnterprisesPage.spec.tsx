import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyEnterpriseDto } from '@lianqiao/contracts';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import MyEnterprisesPage from '../../../pages/aftercare/MyEnterprisesPage';
import { COMPANY_ID, page } from './fixtures';

const leader = aUser({ id: '00000000-0000-4000-8000-000000000021', displayName: '王区长', role: 'leader' });
const rep = aUser({ id: '00000000-0000-4000-8000-000000000023', displayName: '赵代表' });
const enterprise: MyEnterpriseDto = {
  companyId: COMPANY_ID,
  companyName: '长客配套有限公司',
  roles: ['affairs_rep'],
  responsibleLeader: { id: leader.id, displayName: '王区长' },
  affairsRep: { id: rep.id, displayName: '赵代表' },
  latestActivity: {
    id: 'a1',
    kind: 'note',
    occurredAt: '2026-03-01T02:00:00.000Z',
    summary: '企业通过二维码提交诉求（水电气暖）：新厂房用电增容',
    actorName: null,
  },
  openRequestCount: 3,
  overdueRequestCount: 1,
  projects: [{ id: 'p1', name: '年产 10 万套转向架配件项目', stage: 'under_construction' }],
};

describe('MyEnterprisesPage', () => {
  afterAll(() => resetConsole());

  it('shows the representative’s enterprises with the latest activity, open and overdue requests and project stages', async () => {
    await resetConsole(aSession({ user: rep }));
    const api = fakeApi({ 'GET /api/aftercare/my-enterprises': { status: 200, body: page([enterprise]) } });
    global.fetch = api.fetch;
    renderInConsole(<MyEnterprisesPage />, { path: '/aftercare/mine?leaderId=00000000-0000-4000-8000-000000000021' });

    const row = (await screen.findByText('长客配套有限公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('政府事务代表')).toBeTruthy();
    expect(within(row).getByText('企业通过二维码提交诉求（水电气暖）：新厂房用电增容')).toBeTruthy();
    expect(within(row).getByText('3 件')).toBeTruthy();
    expect(within(row).getByText('1 件逾期')).toBeTruthy();
    expect(within(row).getByText('已开工')).toBeTruthy();
    // Staff see their own: no picker, and the URL cannot ask for someone else's.
    expect(screen.queryByLabelText('查看包保领导')).toBeNull();
    expect(Object.fromEntries(api.calls[0].query)).toEqual({});
  });

  it('lets a leader look at a representative’s enterprises', async () => {
    await resetConsole(aSession({ user: leader }));
    const api = fakeApi({
      'GET /api/aftercare/my-enterprises': (call) => ({
        status: 200,
        body: page(call.query.get('repId') ? [enterprise] : []),
      }),
      'GET /api/users': { status: 200, body: page([rep, leader]) },
    });
    global.fetch = api.fetch;
    const { router } = renderInConsole(<MyEnterprisesPage />, { path: '/aftercare/mine' });

    expect(await screen.findByText('暂无包保企业')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('查看政府事务代表'));
    fireEvent.click(await screen.findByTitle('赵代表'));

    await waitFor(() => expect(router.state.location.search).toBe(`?repId=${rep.id}`));
    expect(await screen.findByText('长客配套有限公司')).toBeTruthy();
  });
});
