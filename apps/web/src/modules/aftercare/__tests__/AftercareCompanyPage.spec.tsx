import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AftercareCompanyDto } from '@lianqiao/contracts';
import { App as AntdApp } from 'antd';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import AftercareCompanyPage from '../../../pages/aftercare/AftercareCompanyPage';
import { aCompany, apiError, COMPANY_ID, page } from './fixtures';

const PATH = `/api/aftercare/companies/${COMPANY_ID}`;
const leader = aUser({ id: '00000000-0000-4000-8000-000000000021', displayName: '王区长', role: 'leader' });
const admin = aUser({ id: '00000000-0000-4000-8000-000000000022', displayName: '系统管理员', role: 'admin' });
const rep = aUser({ id: '00000000-0000-4000-8000-000000000023', displayName: '赵代表', role: 'staff' });
const link = (token: string) => ({
  companyId: COMPANY_ID,
  token,
  url: `http://zs.test/e/${token}`,
  qrSvg: `<svg xmlns="http://www.w3.org/2000/svg"><title>${token}</title></svg>`,
  createdAt: '2026-03-01T02:00:00.000Z',
});

function serve(company: AftercareCompanyDto, extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    [`GET ${PATH}`]: { status: 200, body: company },
    [`GET ${PATH}/request-link`]: { status: 200, body: link('AAAAAAAAAAAAAAAAAAAAAA') },
    'GET /api/requests': { status: 200, body: page([]) },
    'GET /api/cultivation': { status: 200, body: page([]) },
    'GET /api/org-units': { status: 200, body: page([]) },
    'GET /api/users': (call) => ({
      status: 200,
      body: page([leader, admin, rep].filter((u) => !call.query.get('role') || u.role === call.query.get('role'))),
    }),
    ...extra,
  });
  global.fetch = api.fetch;
  return api;
}

const renderPage = () =>
  renderInConsole(<></>, {
    path: `/aftercare/companies/${COMPANY_ID}`,
    routes: [
      {
        path: '/aftercare/companies/:id',
        element: (
          <AntdApp>
            <AftercareCompanyPage />
          </AntdApp>
        ),
      },
    ],
  });

describe('AftercareCompanyPage', () => {
  afterAll(() => resetConsole());

  it('shows the request QR code and its address, and replaces it after a warning', async () => {
    await resetConsole(aSession({ user: rep }));
    const api = serve(aCompany({ affairsRep: { id: rep.id, displayName: rep.displayName }, version: 1 }), {
      [`POST ${PATH}/request-link/rotate`]: { status: 200, body: link('BBBBBBBBBBBBBBBBBBBBBB') },
    });
    renderPage();

    expect(((await screen.findByTestId('request-form-url')) as HTMLInputElement).value).toBe(
      'http://zs.test/e/AAAAAAAAAAAAAAAAAAAAAA',
    );
    expect((screen.getByTestId('request-qr') as HTMLImageElement).src).toContain('data:image/svg+xml');
    expect(screen.getByText('赵代表')).toBeTruthy();
    // Staff do not assign.
    expect(screen.queryByText('调整包保安排')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /更换二维码/ }));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText('更换后，旧二维码和旧链接立即失效。确定更换吗？')).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: /更换二维码/ }));

    await waitFor(() =>
      expect((screen.getByTestId('request-form-url') as HTMLInputElement).value).toBe(
        'http://zs.test/e/BBBBBBBBBBBBBBBBBBBBBB',
      ),
    );
    expect(api.calls.filter((c) => c.path.endsWith('/rotate')).length).toBe(1);
  });

  it('says why someone who does not look after the company gets no QR code', async () => {
    await resetConsole(aSession({ user: rep }));
    serve(aCompany(), {
      [`GET ${PATH}/request-link`]: apiError(
        403,
        '只有包保领导、政府事务代表、跟进该企业的专班或领导可以获取诉求二维码',
      ),
    });
    renderPage();

    expect(
      await screen.findByText('只有包保领导、政府事务代表、跟进该企业的专班或领导可以获取诉求二维码'),
    ).toBeTruthy();
  });

  it('lets a leader assign a leader (only leaders and admins offered) and a representative', async () => {
    await resetConsole(aSession({ user: leader }));
    const saved = aCompany({
      responsibleLeader: { id: leader.id, displayName: leader.displayName },
      affairsRep: { id: rep.id, displayName: rep.displayName },
      version: 1,
      updatedAt: '2026-03-01T02:00:00.000Z',
    });
    const api = serve(aCompany(), { [`PATCH ${PATH}`]: { status: 200, body: saved } });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: /调整包保安排/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('包保领导'));
    fireEvent.click(await screen.findByTitle('王区长'));
    expect(screen.queryByTitle('赵代表')).toBeNull();
    fireEvent.mouseDown(within(dialog).getByLabelText('政府事务代表'));
    fireEvent.click(await screen.findByTitle('赵代表'));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('长客配套有限公司 的包保安排已保存')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      responsibleLeaderId: leader.id,
      affairsRepId: rep.id,
      version: 0,
    });
    const roles = api.calls.filter((c) => c.path === '/api/users').map((c) => c.query.get('role'));
    expect(roles).toEqual(expect.arrayContaining(['leader', 'admin', null]));
  });

  it('lets an admin put a company that has not landed into aftercare', async () => {
    await resetConsole(aSession({ user: admin }));
    const api = serve(aCompany({ landed: false, inAftercare: false }), {
      [`PATCH ${PATH}`]: { status: 200, body: aCompany({ landed: false, aftercareEligible: true, version: 1 }) },
    });
    renderPage();

    expect(await screen.findByText('该企业尚未纳入包保服务')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '纳入包保服务' }));
    const confirm = await screen.findByRole('dialog');
    fireEvent.click(within(confirm).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已纳入包保服务')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PATCH')!.body).toEqual({ aftercareEligible: true, version: 0 });
  });
});
