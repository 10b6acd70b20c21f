import type { PromoProjectDto, PublicCardDto } from '@lianqiao/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import PromoProjectEditPage from '../../../pages/promo-projects/PromoProjectEditPage';

const ID = '00000000-0000-4000-8000-0000000000c1';
const me = aUser({ id: '00000000-0000-4000-8000-000000000001', referralCode: 'abcd2345' });

const CARD: PromoProjectDto = {
  id: ID,
  kind: 'land',
  title: '汽车零部件产业园 A-03 地块',
  summary: '紧邻整车厂与绕城高速。',
  chainNodeIds: [],
  location: '经开区汽车产业园东区',
  landMu: 120.5,
  floorAreaM2: null,
  investmentScaleWan: 50000,
  advantages: '<p>距整车厂 3 公里</p>',
  policies: '',
  contactName: '王科长',
  contactPhone: '0731-8888 1234',
  coverImageId: null,
  galleryImageIds: [],
  status: 'published',
  reviewState: 'clean',
  reviewComment: null,
  slug: 'k7mq2x9p',
  publicUrl: 'http://localhost/c/k7mq2x9p',
  expiresAt: null,
  ownerId: me.id,
  teamId: null,
  liveVersion: 1,
  publishedAt: '2026-05-01T02:00:00.000Z',
  submittedAt: '2026-05-01T01:00:00.000Z',
  cover: null,
  gallery: [],
  createdAt: '2026-04-30T01:00:00.000Z',
  updatedAt: '2026-05-01T02:00:00.000Z',
  version: 4,
};
const PREVIEW: PublicCardDto = {
  slug: CARD.slug,
  kind: 'land',
  kindLabel: '土地',
  title: CARD.title,
  summary: CARD.summary,
  location: CARD.location,
  landMu: CARD.landMu,
  floorAreaM2: null,
  investmentScaleWan: CARD.investmentScaleWan,
  advantages: CARD.advantages,
  policies: '',
  contactName: CARD.contactName,
  contactPhone: CARD.contactPhone,
  cover: null,
  gallery: [],
  districtName: '湘江示范区',
  publishedAt: CARD.publishedAt,
};

function serve(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    [`GET /api/promo-projects/${ID}`]: { status: 200, body: CARD },
    [`GET /api/promo-projects/${ID}/preview`]: { status: 200, body: PREVIEW },
    'GET /api/chains': { status: 200, body: { items: [], nextCursor: null, total: 0 } },
    [`PATCH /api/promo-projects/${ID}`]: (call) => ({
      status: 200,
      body: { ...CARD, ...(call.body as object), reviewState: 'editing', version: 5 },
    }),
    ...routes,
  });
  global.fetch = api.fetch;
  return api;
}

function renderEditor(path = `/promo-projects/${ID}/edit`) {
  return renderInConsole(<></>, {
    path,
    routes: [
      {
        path: '/promo-projects/new',
        element: (
          <AntdApp>
            <PromoProjectEditPage />
          </AntdApp>
        ),
      },
      {
        path: '/promo-projects/:id/edit',
        element: (
          <AntdApp>
            <PromoProjectEditPage />
          </AntdApp>
        ),
      },
      { path: '/promo-projects/:id', element: <div>detail page</div> },
    ],
  });
}

const previewHtml = () => screen.getByTestId('card-preview').getAttribute('srcdoc') ?? '';

describe('PromoEditor', () => {
  beforeEach(() => resetConsole(aSession({ user: me })));
  afterAll(() => resetConsole());

  it('previews the card with the page investors get, the user’s referral code in its forward link, and follows the form as it is typed', async () => {
    serve();
    renderEditor();

    const title = (await screen.findByLabelText('项目标题')) as HTMLInputElement;
    expect(title.value).toBe(CARD.title);
    await waitFor(() => expect(previewHtml()).toContain(`<h1>${CARD.title}</h1>`));
    expect(previewHtml()).toContain('湘江示范区');
    expect(previewHtml()).toContain('<dt>用地面积</dt><dd>120.5亩</dd>');
    expect(previewHtml()).toContain('/c/k7mq2x9p?r=abcd2345');
    expect(previewHtml()).toContain('data-preview="1"');
    expect(screen.getByTestId('card-preview').getAttribute('sandbox')).toBe('allow-scripts');
    expect(screen.getByText('该项目卡已发布：修改保存后需重新提交审核，审核通过前公众仍看到第 1 版。')).toBeTruthy();

    fireEvent.change(title, { target: { value: 'A-03 地块 <script>alert(1)</script>' } });

    await waitFor(() => expect(previewHtml()).toContain('<h1>A-03 地块 &lt;script&gt;alert(1)&lt;/script&gt;</h1>'));
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
  });

  it('shows only the figures of the kind, and the publishing requirement of each', async () => {
    serve();
    renderEditor();
    await screen.findByLabelText('项目标题');

    expect(screen.getByText('用地面积')).toBeTruthy();
    expect(screen.queryByText('建筑面积')).toBeNull();
    fireEvent.click(screen.getByText('标准厂房'));

    expect(await screen.findByText('建筑面积')).toBeTruthy();
    fireEvent.click(screen.getByText('区情简介'));
    await waitFor(() => expect(screen.queryByText('用地面积')).toBeNull());
    expect(screen.queryByText('投资规模')).toBeNull();
    await waitFor(() => expect(previewHtml()).not.toContain('<dt>用地面积</dt>'));
  });

  it('sends only what changed, with the version it was opened on, and goes back to the card', async () => {
    const api = serve();
    const { router } = renderEditor();
    fireEvent.change(await screen.findByLabelText('项目标题'), { target: { value: 'A-03 地块（二期）' } });
    fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '' } });

    fireEvent.click(screen.getByTestId('promo-save'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/promo-projects/${ID}`));
    const patch = api.calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ title: 'A-03 地块（二期）', contactName: null, version: 4 });
  });

  it('offers the latest version when someone else saved first, and keeps the user’s typing', async () => {
    serve({
      [`PATCH /api/promo-projects/${ID}`]: {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: '记录已被他人修改',
          details: [{ field: 'version', message: 'stale' }],
        },
      },
    });
    renderEditor();
    fireEvent.change(await screen.findByLabelText('项目标题'), { target: { value: 'A-03 地块（二期）' } });

    fireEvent.click(screen.getByTestId('promo-save'));

    expect(await screen.findByText('记录已被他人修改')).toBeTruthy();
    expect(screen.getByRole('button', { name: '载入最新数据' })).toBeTruthy();
    expect((screen.getByLabelText('项目标题') as HTMLInputElement).value).toBe('A-03 地块（二期）');
  });

  it('saves a new card as a draft first, then opens it for pictures', async () => {
    const api = serve({
      'POST /api/promo-projects': (call) => ({
        status: 201,
        body: { ...CARD, ...(call.body as object), status: 'draft', liveVersion: null, version: 1 },
      }),
    });
    const { router } = renderEditor('/promo-projects/new');
    expect(await screen.findByText('保存草稿后即可上传图片')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('项目标题'), { target: { value: '  轨道交通装备配套项目 ' } });
    fireEvent.click(screen.getByText('产业链项目'));

    fireEvent.click(screen.getByTestId('promo-save'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/promo-projects/${ID}/edit`));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'chain_project',
      title: '轨道交通装备配套项目',
      summary: '',
      chainNodeIds: [],
      location: null,
      landMu: null,
      floorAreaM2: null,
      investmentScaleWan: null,
      advantages: '',
      policies: '',
      contactName: null,
      contactPhone: null,
    });
  });

  it('does not send a card without a title', async () => {
    const api = serve();
    renderEditor('/promo-projects/new');
    await screen.findByLabelText('项目标题');

    fireEvent.click(screen.getByTestId('promo-save'));

    expect(await screen.findByText('请填写项目标题')).toBeTruthy();
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
