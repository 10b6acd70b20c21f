import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { TestApp, fieldsNamed, type TestUser } from './harness';

describe('notifications', () => {
  let t: TestApp;
  let staff: TestUser;
  let other: TestUser;

  const notify = (userId: string, title: string, kind: 'card_interest' | 'follow_up_due' = 'card_interest') =>
    t.dataSource.transaction((manager) =>
      t.app
        .get(NotificationsService)
        .notify(manager, { userId, kind, title, body: `${title}的详情`, link: '/leads/1' }),
    );

  beforeAll(async () => {
    t = await TestApp.start('notifications');
    staff = await t.createUser('notify.staff', 'staff');
    other = await t.createUser('notify.other', 'staff');
  });
  afterAll(() => t.close());

  describe('NotificationsService.notify', () => {
    it('writes nothing when the surrounding transaction rolls back', async () => {
      await expect(
        t.dataSource.transaction(async (manager) => {
          await t.app
            .get(NotificationsService)
            .notify(manager, { userId: staff.id, kind: 'card_interest', title: '回滚', link: '/x' });
          throw new Error('the feature failed');
        }),
      ).rejects.toThrow('the feature failed');
      expect((await t.get('/api/notifications', staff.token)).body.total).toBe(0);
    });

    it('refuses a kind that is not in the list', async () => {
      await expect(
        t.dataSource.transaction((manager) =>
          t.app
            .get(NotificationsService)
            .notify(manager, { userId: staff.id, kind: 'nonsense' as 'card_interest', title: 'x', link: '/x' }),
        ),
      ).rejects.toThrow(/CHK_notifications_kind/);
    });
  });

  describe('GET /api/notifications', () => {
    beforeAll(async () => {
      for (const title of ['第一条', '第二条', '第三条']) await notify(staff.id, title);
      await notify(staff.id, '跟进到期', 'follow_up_due');
      await notify(other.id, '别人的');
    });

    it("lists the caller's own notifications, newest first, in keyset pages", async () => {
      const first = await t.get('/api/notifications?limit=3', staff.token);
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(4);
      expect(first.body.items.map((n: { title: string }) => n.title)).toEqual(['跟进到期', '第三条', '第二条']);
      expect(first.body.items[0]).toEqual({
        id: expect.any(String),
        kind: 'follow_up_due',
        title: '跟进到期',
        body: '跟进到期的详情',
        link: '/leads/1',
        readAt: null,
        createdAt: expect.any(String),
      });
      const second = await t.get(`/api/notifications?limit=3&cursor=${first.body.nextCursor}`, staff.token);
      expect(second.body.items.map((n: { title: string }) => n.title)).toEqual(['第一条']);
      expect(second.body.nextCursor).toBeNull();
    });

    it('filters by kind and rejects unknown filters', async () => {
      const byKind = await t.get('/api/notifications?kind=follow_up_due', staff.token);
      expect(byKind.body.items).toHaveLength(1);
      const bad = await t.get('/api/notifications?kind=nope&sort=title:asc', staff.token);
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['kind', 'sort']);
    });

    it('needs a login', async () => {
      expect((await t.get('/api/notifications')).status).toBe(401);
    });
  });

  describe('POST /api/notifications/:id/read', () => {
    it('marks one read, counts it out of the badge, and is idempotent', async () => {
      const before = await t.get('/api/notifications/unread-count', staff.token);
      expect(before.body).toEqual({ count: 4 });
      const [latest] = (await t.get('/api/notifications?limit=1', staff.token)).body.items;
      const read = await t.post(`/api/notifications/${latest.id}/read`, {}, staff.token);
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      const again = await t.post(`/api/notifications/${latest.id}/read`, {}, staff.token);
      expect(again.body.readAt).toBe(read.body.readAt);
      expect((await t.get('/api/notifications/unread-count', staff.token)).body).toEqual({ count: 3 });
      const unread = await t.get('/api/notifications?unread=true', staff.token);
      expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(latest.id);
      expect((await t.get('/api/notifications?unread=false', staff.token)).body.total).toBe(1);
    });

    it("answers 404 for another user's notification and leaves it unread", async () => {
      const [theirs] = (await t.get('/api/notifications', other.token)).body.items;
      expect((await t.post(`/api/notifications/${theirs.id}/read`, {}, staff.token)).status).toBe(404);
      expect((await t.get('/api/notifications/unread-count', other.token)).body).toEqual({ count: 1 });
    });

    it('answers 400 for an id that is not a UUID', async () => {
      expect((await t.post('/api/notifications/abc/read', {}, staff.token)).status).toBe(400);
    });
  });

  describe('POST /api/notifications/read-all', () => {
    it("marks every unread notification of the caller read, and only the caller's", async () => {
      const result = await t.post('/api/notifications/read-all', {}, staff.token);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ updated: 3 });
      expect((await t.get('/api/notifications/unread-count', staff.token)).body).toEqual({ count: 0 });
      expect((await t.get('/api/notifications/unread-count', other.token)).body).toEqual({ count: 1 });
      expect((await t.post('/api/notifications/read-all', {}, staff.token)).body).toEqual({ updated: 0 });
    });
  });
});
