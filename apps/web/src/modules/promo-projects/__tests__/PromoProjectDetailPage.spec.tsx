import type { PromoProjectDto, PromoVersionDto, PublicCardDto } from '@lianqiao/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import PromoProjectDetailPage from '../../../pages/promo-projects/PromoProjectDetailPage';

const ID = '00000000-0000-4000-8000-0000000000c1';
const staff = aUser({ id: '00000000-0000-4000-8000-000000000001', displayName: '王芳' });
const leader = aUser({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'liling',
  displayName: '李玲',
  role: 'leader',
});

const CARD: PromoProjectDto = {
  id: ID,
  kind: 'land',
  title: 'A-03 地块（二期）',
  summary: '紧邻整车厂。',
  chainNodeIds: [],
  location: '经开区',
  landMu: 130,
  floorAreaM2: null,
  investmentScaleWan: 50000,
  advantages: '<p>距整车厂 3 公里</p>',
  policies: '',
  contactName: null,
  contactPhone: '0731-8888 1234',
  coverImageId: null,
  galleryImageIds: [],
  status: 'published',
  reviewState: 'in_review',
  reviewComment: null,
  slug: 'k7mq2x9p',
  publicUrl: 'http://localhost/c/k7mq2x9p',
  expiresAt: null,
  ownerId: staff.id,
  teamId: null,
  liveVersion: 2,
  publishedAt: '2026-05-02T02:00:00.000Z',
  submittedAt: '2026-05-03T01:00:00.000Z',
  cover: null,
  gallery: [],
  createdAt: '2026-04-30T01:00:00.000Z',
  updatedAt: '2026-05-03T01:00:00.000Z',
  version: 7,
};
const content = (overrides: Partial<PromoVersionDto['content']>): PromoVersionDto['content'] => ({
  kind: 'land',
  title: 'A-03 地块',
  summary: '紧邻整车厂。',
  chainNodeIds: [],
  location: '经开区',
  landMu: 120.5,
  floorAreaM2: null,
  investmentScaleWan: 50000,
  advantages: '<p>交通便利</p>',
  policies: '',
  contactName: null,
  contactPhone: '0731-8888 1234',
  coverImageId: null,
  galleryImageIds: [],
  ...overrides,
});
const VERSIONS: PromoVersionDto[] = [
  {
    number: 2,
    content: content({ title: 'A-03 地块（二期）', landMu: 130, advantages: '<p>距整车厂 3 公里</p>' }),
    submittedById: staff.id,
    approvedById: leader.id,
    approvedAt: '2026-05-02T02:00:00.000Z',
  },
  {
    number: 1,
    content: content({}),
    submittedById: staff.id,
    approvedById: leader.id,
    approvedAt: '2026-05-01T02:00:00.000Z',
  },
];
const PREVIEW = {
  slug: CARD.slug,
  kind: 'land',
  kindLabel: '土地',
  title: CARD.title,
  districtName: '示范区',
} as PublicCardDto;

function serve(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    [`GET /api/promo-projects/${ID}`]: { status: 200, body: CARD },
    [`GET /api/promo-projects/${ID}/preview`]: {
      status: 200,
      body: { ...PREVIEW, summary: '', advantages: '', policies: '', gallery: [], cover: null },
    },
    [`GET /api/promo-projects/${ID}/versions`]: { status: 200, body: VERSIONS },
    [`GET /api/users/${staff.id}`]: { status: 200, body: staff },
    [`GET /api/users/${leader.id}`]: { status: 200, body: leader },
    [`GET /api/promo-projects/${ID}/share`]: {
      status: 422,
      body: { statusCode: 422, error: 'Unprocessable Entity', message: '未发布' },
    },
    [`POST /api/promo-projects/${ID}/return`]: (call) => ({
      status: 200,
      body: { ...CARD, reviewState: 'returned', reviewComment: (call.body as { comment: string }).comment, version: 8 },
    }),
    [`POST /api/promo-projects/${ID}/approve`]: {
      status: 200,
      body: { ...CARD, reviewState: 'clean', liveVersion: 3, version: 8 },
    },
    ...routes,
  });
  global.fetch = api.fetch;
  return api;
}

function renderDetail(query = '') {
  return renderInConsole(<></>, {
    path: `/promo-projects/${ID}${query}`,
    routes: [
      {
        path: '/promo-projects/:id',
        element: (
          <AntdApp>
            <PromoProjectDetailPage />
          </AntdApp>
        ),
      },
    ],
  });
}

describe('PromoProjectDetailPage', () => {
  afterAll(() => resetConsole());

  it('lets a leader return a card in review with a comment, which is required', async () => {
    await resetConsole(aSession({ user: leader }));
    const api = serve();
    renderDetail('?tab=versions');
    expect(await screen.findByText('这张项目卡等待您审核')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /编辑/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /退回修改/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /退回修改/ }));
    expect(await within(dialog).findByText('请填写退回意见')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '请补充供地时间' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /退回修改/ }));

    expect(await screen.findByText('已退回修改')).toBeTruthy();
    expect(api.calls.find((c) => c.path.endsWith('/return'))?.body).toEqual({ version: 7, comment: '请补充供地时间' });
    expect(await screen.findByText('请补充供地时间')).toBeTruthy();
  });

  it('lets a leader approve after confirming, with the version shown', async () => {
    await resetConsole(aSession({ user: leader }));
    const api = serve();
    renderDetail('?tab=versions');

    fireEvent.click(await screen.findByTestId('promo-approve'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('审核通过并发布「A-03 地块（二期）」？').length).toBeGreaterThan(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '审核通过并发布' }));

    expect(await screen.findByText('已审核通过，项目卡已发布')).toBeTruthy();
    expect(api.calls.find((c) => c.path.endsWith('/approve'))?.body).toEqual({ version: 7 });
  });

  it('shows the versions, who submitted and approved each, and what changed', async () => {
    await resetConsole(aSession({ user: staff }));
    serve();
    renderDetail('?tab=versions');

    const history = await screen.findByTestId('version-history');
    await within(history).findAllByText(/李玲 审核通过/);
    expect(history.textContent).toContain('第 2 版线上版本');
    expect(history.textContent).toContain('项目标题：A-03 地块 → A-03 地块（二期）');
    expect(history.textContent).toContain('用地面积：120.5 → 130');
    expect(history.textContent).toContain('项目优势：已修改');
    expect(history.textContent).toContain('首个发布版本');
    expect(history.textContent).toContain('提交人：王芳');
    // Staff of the card wait for the leader: no approval for them.
    expect(screen.getByText('正在等待领导审核')).toBeTruthy();
    expect(screen.queryByTestId('promo-approve')).toBeNull();
  });

  it('says the card does not exist when the API answers 404', async () => {
    await resetConsole(aSession({ user: staff }));
    serve({
      [`GET /api/promo-projects/${ID}`]: {
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: '推介项目不存在' },
      },
    });
    renderDetail();

    expect(await screen.findByText('推介项目不存在，或您无权查看')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: '返回推介项目' })).toBeTruthy());
  });
});
