import type { PromoProjectDto, SharePackageDto } from '@lianqiao/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, fakeApi, type Call } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { SharePanel } from '../components/SharePanel';
import type { PosterRenderer } from '../hooks/useShare';

const ID = '00000000-0000-4000-8000-0000000000c1';
const URL_WITH_CODE = 'https://zs.example.gov.cn/c/k7mq2x9p?r=abcd2345';

function aCard(overrides: Partial<PromoProjectDto> = {}): PromoProjectDto {
  return {
    id: ID,
    kind: 'land',
    title: '汽车零部件产业园 A-03 地块',
    summary: '紧邻整车厂与绕城高速。',
    chainNodeIds: [],
    location: '经开区汽车产业园东区',
    landMu: 120.5,
    floorAreaM2: null,
    investmentScaleWan: 50000,
    advantages: '',
    policies: '',
    contactName: '王科长',
    contactPhone: '0731-8888 1234',
    coverImageId: null,
    galleryImageIds: [],
    status: 'published',
    reviewState: 'clean',
    reviewComment: null,
    slug: 'k7mq2x9p',
    publicUrl: 'https://zs.example.gov.cn/c/k7mq2x9p',
    expiresAt: null,
    ownerId: '00000000-0000-4000-8000-000000000001',
    teamId: null,
    liveVersion: 1,
    publishedAt: '2026-05-01T02:00:00.000Z',
    submittedAt: '2026-05-01T01:00:00.000Z',
    cover: null,
    gallery: [],
    createdAt: '2026-04-30T01:00:00.000Z',
    updatedAt: '2026-05-01T02:00:00.000Z',
    version: 4,
    ...overrides,
  };
}

function aPackage(call: Call): SharePackageDto {
  const format = (call.query.get('format') ?? 'png') as 'png' | 'svg';
  const size = (call.query.get('size') ?? 'screen') as 'screen' | 'print';
  return {
    url: URL_WITH_CODE,
    referralCode: 'abcd2345',
    text: `【示范区招商推介】汽车零部件产业园 A-03 地块\n紧邻整车厂与绕城高速。\n详情及投资意向登记：${URL_WITH_CODE}`,
    qr: {
      format,
      size,
      pixels: size === 'print' ? 2048 : 512,
      mimeType: format === 'svg' ? 'image/svg+xml' : 'image/png',
      dataUrl: `data:${format === 'svg' ? 'image/svg+xml' : 'image/png'};base64,${format}-${size}`,
    },
    poster: {
      title: '汽车零部件产业园 A-03 地块',
      kindLabel: '土地',
      summary: '紧邻整车厂与绕城高速。',
      coverUrl: 'https://zs.example.gov.cn/c/img/0b9c-lg.webp',
      districtName: '示范区',
      figures: [{ label: '投资规模', value: '5亿元' }],
      contactName: '王科长',
      contactPhone: '0731-8888 1234',
    },
  };
}

function serve() {
  const api = fakeApi({ [`GET /api/promo-projects/${ID}/share`]: (call) => ({ status: 200, body: aPackage(call) }) });
  global.fetch = api.fetch;
  return api;
}

describe(SharePanel.name, () => {
  let clicked: { href: string; download: string }[];
  let writeText: jest.Mock;

  beforeEach(async () => {
    await resetConsole(aSession());
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(() => resetConsole());

  it('gives the user’s own link, QR code and WeChat text, and draws the poster from the package', async () => {
    const api = serve();
    const render: PosterRenderer = jest.fn().mockResolvedValue('data:image/png;base64,poster');
    renderInConsole(<SharePanel project={aCard()} renderPoster={render} />);

    const link = (await screen.findByTestId('share-link')) as HTMLInputElement;
    expect(link.value).toBe(URL_WITH_CODE);
    expect(screen.queryByTestId('share-loopback-warning')).toBeNull();
    expect(screen.getByText(/带有您的推荐码（abcd2345）/)).toBeTruthy();
    expect(screen.getByTestId('share-qr').getAttribute('src')).toBe('data:image/png;base64,png-screen');
    expect((screen.getByTestId('share-text') as HTMLTextAreaElement).value).toContain(
      `详情及投资意向登记：${URL_WITH_CODE}`,
    );
    const poster = await screen.findByTestId('share-poster');
    expect(poster.getAttribute('src')).toBe('data:image/png;base64,poster');
    expect(poster.getAttribute('alt')).toBe('汽车零部件产业园 A-03 地块 推介海报');

    // The cover is fetched from the console's own origin (the canvas stays exportable); the QR is the package's.
    expect(render).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledWith(
      {
        title: '汽车零部件产业园 A-03 地块',
        kindLabel: '土地',
        summary: '紧邻整车厂与绕城高速。',
        districtName: '示范区',
        figures: [{ label: '投资规模', value: '5亿元' }],
        contactName: '王科长',
        contactPhone: '0731-8888 1234',
      },
      { coverUrl: '/c/img/0b9c-lg.webp', qrUrl: 'data:image/png;base64,png-screen' },
    );
    expect(api.calls.map((c) => `${c.path}?${c.query}`)).toEqual([
      `/api/promo-projects/${ID}/share?format=png&size=screen`,
    ]);
  });

  it('warns that a phone cannot open a link to this computer (no PUBLIC_BASE_URL, console opened as localhost)', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const url = `${origin}/c/k7mq2x9p?r=abcd2345`;
      global.fetch = fakeApi({
        [`GET /api/promo-projects/${ID}/share`]: (call) => ({ status: 200, body: { ...aPackage(call), url } }),
      }).fetch;
      const { unmount } = renderInConsole(
        <SharePanel project={aCard()} renderPoster={jest.fn().mockResolvedValue('data:image/png;base64,p')} />,
      );
      const warning = await screen.findByTestId('share-loopback-warning');
      expect(warning.textContent).toContain('手机扫码打不开');
      expect(warning.textContent).toContain(`链接的地址是 ${new URL(url).host}（本机）`);
      expect(warning.textContent).toContain('PUBLIC_BASE_URL');
      unmount();
      await resetConsole(aSession());
    }
  });

  it('copies the link and the text with one click each, and says so', async () => {
    serve();
    renderInConsole(
      <SharePanel project={aCard()} renderPoster={jest.fn().mockResolvedValue('data:image/png;base64,p')} />,
    );
    await screen.findByTestId('share-link');

    fireEvent.click(screen.getByRole('button', { name: /复制链接/ }));
    expect(await screen.findByText('已复制到剪贴板')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /复制文案/ }));

    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[0]).toEqual([URL_WITH_CODE]);
    expect(writeText.mock.calls[1][0]).toMatch(/^【示范区招商推介】汽车零部件产业园 A-03 地块\n/);
  });

  it('downloads the QR code as SVG and as print-size PNG from the server, and the poster as a 1080×1920 PNG', async () => {
    const api = serve();
    renderInConsole(
      <SharePanel project={aCard()} renderPoster={jest.fn().mockResolvedValue('data:image/png;base64,poster')} />,
    );
    await screen.findByTestId('share-poster');

    fireEvent.click(screen.getByRole('button', { name: /SVG 矢量图/ }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: /PNG（印刷 2048 px）/ }));
    await waitFor(() => expect(clicked).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: /下载海报 PNG（1080×1920）/ }));

    expect(clicked).toEqual([
      { href: 'data:image/svg+xml;base64,svg-screen', download: 'k7mq2x9p-qr-screen-512.svg' },
      { href: 'data:image/png;base64,png-print', download: 'k7mq2x9p-qr-print-2048.png' },
      { href: 'data:image/png;base64,poster', download: 'k7mq2x9p-poster-1080x1920.png' },
    ]);
    expect(api.calls.map((c) => c.query.toString())).toEqual([
      'format=png&size=screen',
      'format=svg&size=screen',
      'format=png&size=print',
    ]);
  });

  it('says why the poster failed and draws it again on request', async () => {
    serve();
    const render = jest
      .fn<ReturnType<PosterRenderer>, Parameters<PosterRenderer>>()
      .mockRejectedValueOnce(new Error('canvas 2D is not available'))
      .mockResolvedValueOnce('data:image/png;base64,second');
    renderInConsole(<SharePanel project={aCard()} renderPoster={render} />);

    const failure = await screen.findByText(/海报生成失败/);
    expect(failure.textContent).toContain('canvas 2D is not available');
    fireEvent.click(within(failure.parentElement as HTMLElement).getByRole('button', { name: /重新生成/ }));

    expect((await screen.findByTestId('share-poster')).getAttribute('src')).toBe('data:image/png;base64,second');
  });

  it('offers nothing to share for a card that is not live, without asking the server', async () => {
    const api = serve();
    renderInConsole(<SharePanel project={aCard({ status: 'paused' })} renderPoster={jest.fn()} />);

    expect(await screen.findByText('项目卡发布后才能转发')).toBeTruthy();
    renderInConsole(<SharePanel project={aCard({ expiresAt: '2020-01-01T00:00:00.000Z' })} renderPoster={jest.fn()} />);
    expect((await screen.findAllByText('项目卡发布后才能转发')).length).toBe(2);
    expect(api.calls).toEqual([]);
  });

  it('shows the server’s refusal when the card went down meanwhile', async () => {
    global.fetch = fakeApi({
      [`GET /api/promo-projects/${ID}/share`]: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: '项目卡未在发布中（未发布、已暂停、已到期或已下架），不能转发',
        },
      },
    }).fetch;
    renderInConsole(<SharePanel project={aCard()} renderPoster={jest.fn()} />);

    expect(await screen.findByText('项目卡未在发布中（未发布、已暂停、已到期或已下架），不能转发')).toBeTruthy();
  });
});
