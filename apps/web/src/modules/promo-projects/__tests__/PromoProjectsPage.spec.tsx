import type { PromoProjectDto } from '@lianqiao/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi, response } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import PromoProjectsPage from '../../../pages/promo-projects/PromoProjectsPage';

const staff = aUser({ id: '00000000-0000-4000-8000-000000000001', displayName: '王芳' });
const leader = aUser({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'liling',
  displayName: '李玲',
  role: 'leader',
});

const card = (n: number, overrides: Partial<PromoProjectDto>): PromoProjectDto =>
  ({
    id: `00000000-0000-4000-8000-0000000000c${n}`,
    kind: 'land',
    title: `地块 ${n}`,
    summary: '',
    chainNodeIds: [],
    location: null,
    landMu: 100 + n,
    floorAreaM2: null,
    investmentScaleWan: 8000,
    advantages: '',
    policies: '',
    contactName: null,
    contactPhone: null,
    coverImageId: null,
    galleryImageIds: [],
    status: 'published',
    reviewState: 'clean',
    reviewComment: null,
    slug: `slug000${n}`,
    publicUrl: `http://localhost/c/slug000${n}`,
    expiresAt: null,
    ownerId: staff.id,
    teamId: null,
    liveVersion: 1,
    publishedAt: '2026-05-01T00:00:00.000Z',
    submittedAt: null,
    cover: null,
    gallery: [],
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
    version: 2,
    ...overrides,
  }) as PromoProjectDto;

const LIVE = card(1, {});
const PAUSED = card(2, { status: 'paused' });
const DRAFT = card(3, { status: 'draft', reviewState: 'editing', liveVersion: null });

function serve() {
  const api = fakeApi({
    'GET /api/promo-projects': { status: 200, body: { items: [LIVE, PAUSED, DRAFT], nextCursor: null, total: 3 } },
    [`GET /api/users/${staff.id}`]: { status: 200, body: staff },
  });
  global.fetch = api.fetch;
  return api;
}

describe('PromoProjectsPage', () => {
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => resetConsole());

  it('lists cards with their status, figures and owner, and sends the tab, kind and search to the API', async () => {
    await resetConsole(aSession({ user: staff }));
    const api = serve();
    renderInConsole(<PromoProjectsPage />, { path: '/promo-projects?kind=land&q=地块' });

    const row = (await screen.findByText('地块 1')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已发布')).toBeTruthy();
    expect(within(row).getByText('8000万元 · 101亩')).toBeTruthy();
    expect(await within(row).findByText('王芳')).toBeTruthy();
    expect(within(screen.getByText('地块 3').closest('tr') as HTMLElement).getByText('草稿')).toBeTruthy();
    expect(Object.fromEntries(api.calls[0].query)).toEqual({ kind: 'land', q: '地块', limit: '20' });
    // Staff pick no cards for a zip: that is a leader's.
    expect(screen.queryAllByRole('checkbox')).toEqual([]);

    fireEvent.click(screen.getByRole('tab', { name: '待审核' }));
    await waitFor(() => expect(api.calls.at(-1)?.query.get('reviewState')).toBe('in_review'));
    fireEvent.click(screen.getByRole('tab', { name: '已暂停' }));
    await waitFor(() => expect(api.calls.at(-1)?.query.get('status')).toBe('paused'));
  });

  it('lets a leader pick live cards only and download their share packages as one zip', async () => {
    await resetConsole(aSession({ user: leader }));
    const api = serve();
    const zipResponse = {
      ...response(200),
      headers: new Headers({ 'content-disposition': 'attachment; filename="cards-share-20260501.zip"' }),
      blob: async () => new Blob(['PK'], { type: 'application/zip' }),
    } as unknown as Response;
    const fetch = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/api/promo-projects/share-packages')
        ? Promise.resolve(zipResponse)
        : api.fetch(input, init),
    );
    global.fetch = fetch as unknown as typeof global.fetch;
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: () => 'blob:zip', revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    renderInConsole(<PromoProjectsPage />, { path: '/promo-projects' });

    const rows = [LIVE, PAUSED, DRAFT].map(
      async (p) => (await screen.findByText(p.title)).closest('tr') as HTMLElement,
    );
    const [live, paused, draft] = await Promise.all(rows);
    expect((within(paused).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect((within(draft).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(within(live).getByRole('checkbox'));
    expect(screen.getByText('已选 1 张项目卡')).toBeTruthy();

    fireEvent.click(screen.getByTestId('download-packages'));

    expect(await screen.findByText('转发包已下载：cards-share-20260501.zip')).toBeTruthy();
    const post = fetch.mock.calls.find(([url]) => String(url).endsWith('/share-packages'))!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ ids: [LIVE.id] });
    expect((post[1]?.headers as Headers).get('Authorization')).toBe('Bearer access-1');
    expect(saved).toEqual(['cards-share-20260501.zip blob:zip']);
  });
});
