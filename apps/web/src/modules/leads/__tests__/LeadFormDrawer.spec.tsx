import type { CompanyDto, LeadDto } from '@lianqiao/contracts';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { LeadFormDrawer } from '../components/LeadFormDrawer';

// Drawers full of antd fields render slowly in jsdom on a shared 2-core machine.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const COMPANY: CompanyDto = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: '苏州汇川联合动力系统有限公司',
  uscc: null,
  ownership: 'private',
  province: '江苏',
  city: '苏州',
  chainNodeIds: [],
  tags: [],
  website: null,
  notes: null,
  isTarget: true,
  isChainLeader: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

const me = aUser({ teamId: '00000000-0000-4000-8000-0000000000t1' });

const created: LeadDto = {
  id: '00000000-0000-4000-8000-0000000000l1',
  name: '电驱系统扩产项目',
  companyId: COMPANY.id,
  companyName: COMPANY.name,
  source: 'roadshow',
  sourceRefId: null,
  status: 'new',
  invalidReason: null,
  ownerId: me.id,
  ownerName: me.displayName,
  teamId: me.teamId,
  estimatedWan: null,
  chainNodeIds: [],
  nextFollowUpAt: null,
  contactName: null,
  contactMobile: null,
  notes: null,
  projectId: null,
  firstResponseAt: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  version: 1,
};

const collision = {
  status: 409,
  body: {
    statusCode: 409,
    error: 'Conflict',
    message: '该企业已有其他专班在跟进：轨道交通招商专班。请先沟通，确认后可继续创建',
    details: [{ field: 'companyId', message: '已由 轨道交通招商专班 跟进' }],
  },
};

function serve(posts: Array<{ status: number; body: unknown }>) {
  const api = fakeApi({
    [`GET /api/companies/${COMPANY.id}`]: { status: 200, body: COMPANY },
    'GET /api/companies': { status: 200, body: { items: [COMPANY], nextCursor: null, total: 1 } },
    'GET /api/chains': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    'POST /api/leads': posts,
  });
  global.fetch = api.fetch;
  return api;
}

async function fillAndSubmit() {
  const drawer = await screen.findByRole('dialog');
  await within(drawer).findByText(COMPANY.name);
  fireEvent.change(within(drawer).getByLabelText('线索名称'), { target: { value: '电驱系统扩产项目' } });
  fireEvent.mouseDown(within(drawer).getByLabelText('来源'));
  fireEvent.click(await screen.findByTitle('推介会'));
  fireEvent.click(screen.getByTestId('lead-form-submit'));
  return drawer;
}

describe('LeadFormDrawer', () => {
  beforeEach(() => resetConsole(aSession({ user: me })));
  afterAll(() => resetConsole());

  it('warns of another team on the company (撞单) and, confirmed, sends the lead again acknowledging it', async () => {
    const api = serve([collision, { status: 200, body: created }]);
    const onSaved = jest.fn();
    renderInConsole(
      <LeadFormDrawer open lead={null} initialCompanyId={COMPANY.id} onClose={() => undefined} onSaved={onSaved} />,
    );

    await fillAndSubmit();

    const confirm = await screen.findByText('该企业已有其他专班在跟进（撞单提醒）', {
      selector: '.ant-modal-confirm-title',
    });
    const dialog = confirm.closest('.ant-modal') as HTMLElement;
    expect(within(dialog).getByText(collision.body.message)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '已沟通，继续创建' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    const posts = api.calls.filter((call) => call.method === 'POST').map((call) => call.body);
    const first = {
      name: '电驱系统扩产项目',
      companyId: COMPANY.id,
      source: 'roadshow',
      estimatedWan: null,
      chainNodeIds: [],
      nextFollowUpAt: null,
      contactName: null,
      contactMobile: null,
      notes: null,
    };
    expect(posts).toEqual([first, { ...first, acknowledgeCollision: true }]);
    expect(await screen.findByText('线索 电驱系统扩产项目 已创建')).toBeTruthy();
  });

  it('creates nothing when the warning is dismissed', async () => {
    const api = serve([collision]);
    const onSaved = jest.fn();
    renderInConsole(
      <LeadFormDrawer open lead={null} initialCompanyId={COMPANY.id} onClose={() => undefined} onSaved={onSaved} />,
    );

    await fillAndSubmit();
    const confirm = await screen.findByText('该企业已有其他专班在跟进（撞单提醒）', {
      selector: '.ant-modal-confirm-title',
    });
    fireEvent.click(within(confirm.closest('.ant-modal') as HTMLElement).getByRole('button', { name: '取 消' }));

    await waitFor(() =>
      expect(
        screen.queryByText('该企业已有其他专班在跟进（撞单提醒）', { selector: '.ant-modal-confirm-title' }),
      ).toBeNull(),
    );
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('requires the source before sending anything', async () => {
    const api = serve([]);
    renderInConsole(<LeadFormDrawer open lead={null} onClose={() => undefined} />);
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('线索名称'), { target: { value: '某项目' } });
    fireEvent.click(screen.getByTestId('lead-form-submit'));

    expect(await within(drawer).findByText('请选择来源')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });
});
