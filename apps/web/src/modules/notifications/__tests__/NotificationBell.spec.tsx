import type { NotificationDto } from '@lianqiao/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { NotificationBell } from '../components/NotificationBell';
import { UNREAD_POLL_MS } from '../hooks/useNotifications';

const INTEREST: NotificationDto = {
  id: '00000000-0000-4000-8000-0000000000e1',
  kind: 'card_interest',
  title: '新的扫码意向：湖南某某汽车零部件有限公司',
  body: '赵先生（湖南某某汽车零部件有限公司）对「A-03 地块」留下了投资意向，请在 24 小时内首次回复。',
  link: '/leads/00000000-0000-4000-8000-0000000000f1',
  readAt: null,
  createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
};
const APPROVED: NotificationDto = {
  id: '00000000-0000-4000-8000-0000000000e2',
  kind: 'card_approved',
  title: '项目卡已发布：A-03 地块',
  body: null,
  link: '/promo-projects/00000000-0000-4000-8000-0000000000c1',
  readAt: '2026-05-01T00:00:00.000Z',
  createdAt: '2026-05-01T00:00:00.000Z',
};

function renderBell(unread: number[]) {
  const api = fakeApi({
    'GET /api/notifications/unread-count': unread.map((count) => ({ status: 200, body: { count } })),
    'GET /api/notifications': { status: 200, body: { items: [INTEREST, APPROVED], nextCursor: null, total: 2 } },
    [`POST /api/notifications/${INTEREST.id}/read`]: {
      status: 200,
      body: { ...INTEREST, readAt: new Date().toISOString() },
    },
    'POST /api/notifications/read-all': { status: 200, body: { updated: 1 } },
  });
  global.fetch = api.fetch;
  const view = renderInConsole(<NotificationBell />, { path: '/' });
  return { api, ...view };
}

describe(NotificationBell.name, () => {
  beforeEach(() => resetConsole(aSession()));
  afterEach(() => jest.useRealTimers());
  afterAll(() => resetConsole());

  it('shows the unread count on the bell and asks again every 30 seconds', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const { api } = renderBell([1, 3]);

    await waitFor(() => expect(screen.getByRole('button', { name: '消息通知，1 条未读' })).toBeTruthy());
    await act(async () => {
      await jest.advanceTimersByTimeAsync(UNREAD_POLL_MS);
    });

    await waitFor(() => expect(screen.getByRole('button', { name: '消息通知，3 条未读' })).toBeTruthy());
    expect(api.calls.filter((c) => c.path === '/api/notifications/unread-count')).toHaveLength(2);
    expect(UNREAD_POLL_MS).toBe(30_000);
  });

  it('lists the latest on a click, and opening one marks it read and goes to its record', async () => {
    const { api, router } = renderBell([1, 0]);
    fireEvent.click(await screen.findByRole('button', { name: '消息通知，1 条未读' }));

    const dropdown = await screen.findByTestId('notification-dropdown');
    const items = await within(dropdown).findAllByTestId('notification-item');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^新的扫码意向：湖南某某汽车零部件有限公司.*扫码意向3 分钟前$/),
      expect.stringMatching(/^项目卡已发布：A-03 地块项目卡已发布2026-05-01 \d\d:00$/),
    ]);
    expect(api.calls.find((c) => c.path === '/api/notifications')?.query.get('limit')).toBe('8');

    fireEvent.click(items[0]);

    await waitFor(() => expect(router.state.location.pathname).toBe(INTEREST.link));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.path === `/api/notifications/${INTEREST.id}/read`)).toBe(
        true,
      ),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: '消息通知' })).toBeTruthy());
  });

  it('does not mark an already read notification again', async () => {
    const { api, router } = renderBell([1]);
    fireEvent.click(await screen.findByRole('button', { name: '消息通知，1 条未读' }));
    const items = await within(await screen.findByTestId('notification-dropdown')).findAllByTestId('notification-item');

    fireEvent.click(items[1]);

    await waitFor(() => expect(router.state.location.pathname).toBe(APPROVED.link));
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('marks everything read at once, and leads to the full list', async () => {
    const { api, router } = renderBell([1, 0]);
    fireEvent.click(await screen.findByRole('button', { name: '消息通知，1 条未读' }));
    const dropdown = await screen.findByTestId('notification-dropdown');

    fireEvent.click(within(dropdown).getByRole('button', { name: '全部标为已读' }));

    expect(await screen.findByText('已将 1 条消息标为已读')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/notifications/read-all')).toBe(true);
    fireEvent.click(within(dropdown).getByRole('button', { name: '查看全部消息' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/notifications'));
  });
});
