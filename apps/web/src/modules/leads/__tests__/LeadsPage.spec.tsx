import type { LeadDto, Page } from '@lianqiao/contracts';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import LeadsPage from '../../../pages/leads/LeadsPage';

// Drawers full of antd fields render slowly in jsdom on a shared 2-core machine.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const lead = (n: number, overrides: Partial<LeadDto> = {}): LeadDto => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  name: `线索${n}`,
  companyId: null,
  companyName: null,
  source: 'roadshow',
  sourceRefId: null,
  status: 'following',
  invalidReason: null,
  ownerId: '00000000-0000-4000-8000-000000000001',
  ownerName: '张三',
  teamId: null,
  estimatedWan: 10_000 * n,
  chainNodeIds: [],
  nextFollowUpAt: null,
  contactName: null,
  contactMobile: null,
  notes: null,
  projectId: null,
  firstResponseAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

function serve(first: Page<LeadDto>, next?: Page<LeadDto>) {
  const api = fakeApi({
    'GET /api/leads': (call) => ({ status: 200, body: call.query.get('cursor') === 'c2' && next ? next : first }),
    'GET /api/teams': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    'GET /api/users': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    'GET /api/chains': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
  });
  global.fetch = api.fetch;
  return api;
}

const leadCalls = (api: ReturnType<typeof serve>) =>
  api.calls.filter((call) => call.path === '/api/leads').map((call) => Object.fromEntries(call.query));

describe('LeadsPage', () => {
  beforeEach(() => resetConsole(aSession({ user: aUser({ role: 'leader' }) })));
  afterAll(() => resetConsole());

  it('reads its filters and sort from the URL and sends them to the API', async () => {
    const api = serve({ items: [lead(1)], nextCursor: null, total: 1 });
    renderInConsole(<LeadsPage />, {
      path: '/leads?status=following&source=roadshow&overdue=true&from=2026-11-01&to=2026-11-30&sort=estimatedWan:desc&q=电池',
    });

    expect(await screen.findByText('线索1')).toBeTruthy();
    const [query] = leadCalls(api);
    expect(query).toEqual({
      status: 'following',
      source: 'roadshow',
      overdue: 'true',
      q: '电池',
      sort: 'estimatedWan:desc',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
      limit: '20',
    });
    expect((screen.getByRole('checkbox', { name: '仅看逾期跟进' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByPlaceholderText('搜索线索名称') as HTMLInputElement).value).toBe('电池');
  });

  it('puts a column sort into the URL and asks the server for that order', async () => {
    const api = serve({ items: [lead(1), lead(2)], nextCursor: null, total: 2 });
    const { router } = renderInConsole(<LeadsPage />, { path: '/leads?status=following' });
    await screen.findByText('线索1');

    fireEvent.click(screen.getAllByText('预计投资')[0].closest('th') as HTMLElement);

    await waitFor(() => expect(router.state.location.search).toBe('?status=following&sort=estimatedWan%3Aasc'));
    await waitFor(() =>
      expect(leadCalls(api).at(-1)).toEqual({ status: 'following', sort: 'estimatedWan:asc', limit: '20' }),
    );
  });

  it('clears the filters but keeps the order on reset', async () => {
    serve({ items: [lead(1)], nextCursor: null, total: 1 });
    const { router } = renderInConsole(<LeadsPage />, {
      path: '/leads?status=following&source=roadshow&sort=createdAt:asc',
    });
    await screen.findByText('线索1');

    fireEvent.click(screen.getByRole('button', { name: /^重\s?置$/ }));

    await waitFor(() => expect(router.state.location.search).toBe('?sort=createdAt%3Aasc'));
  });

  it('says “about” for an estimated total and follows the cursor for the next page', async () => {
    const api = serve(
      { items: [lead(1), lead(2)], nextCursor: 'c2', total: 1_234_567, totalIsEstimate: true },
      { items: [lead(3)], nextCursor: null, total: 1_234_567, totalIsEstimate: true },
    );
    renderInConsole(<LeadsPage />, { path: '/leads' });
    await screen.findByText('线索1');
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 2 / 约 1,234,567 条');

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));

    expect(await screen.findByText('线索3')).toBeTruthy();
    expect(leadCalls(api).map((query) => query.cursor ?? null)).toEqual([null, 'c2']);
  });

  it('offers to create the first lead when there are none at all', async () => {
    serve({ items: [], nextCursor: null, total: 0 });
    renderInConsole(<LeadsPage />, { path: '/leads' });

    const empty = await screen.findByText('还没有线索');
    fireEvent.click(within(empty.closest('.ant-empty') as HTMLElement).getByRole('button', { name: '新建线索' }));

    expect(await screen.findByRole('dialog')).toBeTruthy();
  });
});
