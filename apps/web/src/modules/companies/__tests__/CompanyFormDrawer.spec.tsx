import type { CompanyDto } from '@lianqiao/contracts';
import { usccCheckCharacter } from '@lianqiao/domain';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { CompanyFormDrawer } from '../components/CompanyFormDrawer';

// Drawers full of antd fields render slowly in jsdom on a shared 2-core machine.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const USCC = `91440300MA5F0K3L2${usccCheckCharacter('91440300MA5F0K3L2')}`;
const EXISTING = '00000000-0000-4000-8000-0000000000c9';

const saved = (overrides: Partial<CompanyDto> = {}): CompanyDto => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  name: '深圳鹏程智驾科技有限公司',
  uscc: USCC,
  ownership: null,
  province: null,
  city: null,
  chainNodeIds: [],
  tags: [],
  website: null,
  notes: null,
  isTarget: false,
  isChainLeader: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

function serve(posts: Array<{ status: number; body: unknown }>) {
  const api = fakeApi({
    'GET /api/chains': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    'POST /api/companies': posts,
  });
  global.fetch = api.fetch;
  return api;
}

async function fillAndSubmit(uscc: string) {
  const drawer = await screen.findByRole('dialog');
  fireEvent.change(within(drawer).getByLabelText('企业名称'), { target: { value: '深圳鹏程智驾科技有限公司' } });
  fireEvent.change(within(drawer).getByLabelText('统一社会信用代码'), { target: { value: uscc } });
  fireEvent.click(screen.getByTestId('company-form-submit'));
  return drawer;
}

describe('CompanyFormDrawer', () => {
  beforeEach(() => resetConsole(aSession({ user: aUser() })));
  afterAll(() => resetConsole());

  it('refuses a credit code with a wrong check character before asking the server', async () => {
    const api = serve([]);
    renderInConsole(<CompanyFormDrawer open company={null} onClose={() => undefined} />);

    const drawer = await fillAndSubmit(`${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`);

    expect(await within(drawer).findByText('统一社会信用代码校验位不正确，请核对')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s 409 on a credit code already in use under that field', async () => {
    serve([
      {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: '统一社会信用代码已被「鹏程智驾」使用',
          details: [{ field: 'uscc', message: `已存在：鹏程智驾 (${EXISTING})` }],
        },
      },
    ]);
    renderInConsole(<CompanyFormDrawer open company={null} onClose={() => undefined} />);

    const drawer = await fillAndSubmit(USCC.toLowerCase());

    expect(await within(drawer).findByText(`已存在：鹏程智驾 (${EXISTING})`)).toBeTruthy();
    expect(screen.queryByText('可能与已有企业重复', { selector: '.ant-modal-confirm-title' })).toBeNull();
  });

  it('asks before creating a likely duplicate and, confirmed, sends it again allowing the duplicate name', async () => {
    const api = serve([
      {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: '可能与已有企业重复：深圳鹏程智驾科技有限公司。确认不是同一家企业后可继续创建',
          details: [{ field: 'name', message: `疑似重复：深圳鹏程智驾科技有限公司 (${EXISTING})` }],
        },
      },
      { status: 200, body: saved() },
    ]);
    const onSaved = jest.fn();
    renderInConsole(<CompanyFormDrawer open company={null} onClose={() => undefined} onSaved={onSaved} />);

    await fillAndSubmit(USCC);
    const title = await screen.findByText('可能与已有企业重复', { selector: '.ant-modal-confirm-title' });
    const confirm = title.closest('.ant-modal') as HTMLElement;
    expect(within(confirm).getByRole('link', { name: '深圳鹏程智驾科技有限公司' }).getAttribute('href')).toBe(
      `/companies/${EXISTING}`,
    );
    fireEvent.click(within(confirm).getByRole('button', { name: '仍然创建' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const posts = api.calls
      .filter((call) => call.method === 'POST')
      .map((call) => call.body as Record<string, unknown>);
    expect(posts.map((body) => [body.uscc, body.allowDuplicateName])).toEqual([
      [USCC, undefined],
      [USCC, true],
    ]);
  });
});
