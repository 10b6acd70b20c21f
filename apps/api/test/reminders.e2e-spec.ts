import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { RemindersService } from '../src/modules/reminders/reminders.service';
import { TestApp, type TestUser } from './harness';

describe('reminders (the scheduled notifications job)', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let staff: TestUser;
  let leader: TestUser;
  let leader2: TestUser;
  let now: Date;
  const ids: Record<string, string> = {};

  const notificationsOf = async (user: TestUser) =>
    (await t.get('/api/notifications?limit=200', user.token)).body.items as Array<{
      kind: string;
      title: string;
      body: string;
      link: string;
    }>;
  /** Today at the given China-time hour, shifted by whole days. */
  const chinaTime = (daysFromToday: number, hour: number) => {
    const day = new Date(Date.now() + 8 * 3_600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
    return `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  };

  beforeAll(async () => {
    t = await TestApp.start('reminders', { STALLED_DAYS: '30' });
    // A second instance of the API on the same database, as behind a load balancer.
    second = await createApp({ logger: false });
    await second.init();
    const team = await t.createTeam('汽车专班');
    staff = await t.createUser('remind.staff', 'staff', team);
    leader = await t.createUser('remind.leader', 'leader');
    leader2 = await t.createUser('remind.leader2', 'leader');

    const lead = async (name: string, nextFollowUpAt: string | null) => {
      const res = await t.post('/api/leads', { name, source: 'online', nextFollowUpAt }, staff.token);
      return res.body.id as string;
    };
    ids.dueToday = await lead('今日到期线索', chinaTime(0, 23));
    ids.overdue = await lead('逾期线索', chinaTime(-3, 9));
    ids.tomorrow = await lead('明日线索', chinaTime(1, 0));
    ids.noDate = await lead('无跟进日期线索', null);
    ids.invalid = await lead('已无效线索', chinaTime(-1, 9));
    await t.patch(
      `/api/leads/${ids.invalid}`,
      { status: 'invalid', invalidReason: '企业已注销', version: 1 },
      staff.token,
    );
    ids.deleted = await lead('已删除线索', chinaTime(-1, 9));
    await t.delete(`/api/leads/${ids.deleted}`, staff.token);

    const project = async (name: string, body: Record<string, unknown> = {}) =>
      (await t.post('/api/projects', { name, ...body }, staff.token)).body.id as string;
    ids.stalled = await project('停滞项目', { responsibleLeaderId: leader.id });
    ids.moving = await project('推进中项目');
    ids.producing = await project('已投产的老项目');
    await t.dataSource.query(`UPDATE projects SET last_progress_at = now() - interval '40 days' WHERE id = ANY($1)`, [
      [ids.stalled, ids.producing],
    ]);
    await t.dataSource.query(`UPDATE projects SET stage = 'in_production' WHERE id = $1`, [ids.producing]);

    ids.card = (await t.post('/api/promo-projects', { kind: 'land', title: '新能源产业园地块' }, staff.token)).body.id;
    ids.freshCard = (await t.post('/api/promo-projects', { kind: 'land', title: '刚提交的地块' }, staff.token)).body.id;
    await t.dataSource.query(
      `UPDATE promo_projects SET review_state = 'in_review', submitted_at = now() - interval '30 hours' WHERE id = $1`,
      [ids.card],
    );
    await t.dataSource.query(
      `UPDATE promo_projects SET review_state = 'in_review', submitted_at = now() - interval '2 hours' WHERE id = $1`,
      [ids.freshCard],
    );
    await t.dataSource.query(`DELETE FROM notifications`);
    now = new Date();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  describe('RemindersService.runOnce', () => {
    it('creates each reminder exactly once when two API instances run the job at the same moment', async () => {
      const [a, b] = await Promise.all([
        t.app.get(RemindersService).runOnce(now),
        second.get(RemindersService).runOnce(now),
      ]);
      expect({
        followUps: a.followUps + b.followUps,
        stalledProjects: a.stalledProjects + b.stalledProjects,
        cardReviews: a.cardReviews + b.cardReviews,
      }).toEqual({ followUps: 2, stalledProjects: 2, cardReviews: 2 });
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications`);
      expect(count).toBe(6);
    });

    it("tells the lead's owner of follow-ups due today and overdue, linking to the lead", async () => {
      const mine = (await notificationsOf(staff)).filter((n) => n.kind === 'follow_up_due');
      expect(mine.map((n) => [n.title, n.link]).sort()).toEqual(
        [
          ['今日跟进：今日到期线索', `/leads/${ids.dueToday}`],
          ['跟进已逾期：逾期线索', `/leads/${ids.overdue}`],
        ].sort(),
      );
    });

    it('tells the owner and the 包保领导 of a project gone stalled, but not of one in production', async () => {
      const owner = (await notificationsOf(staff)).filter((n) => n.kind === 'project_stalled');
      expect(owner.map((n) => [n.title, n.body, n.link])).toEqual([
        ['项目停滞：停滞项目', '「在谈」阶段已 40 天没有进展', `/projects/${ids.stalled}`],
      ]);
      expect((await notificationsOf(leader)).filter((n) => n.kind === 'project_stalled').map((n) => n.link)).toEqual([
        `/projects/${ids.stalled}`,
      ]);
    });

    it('reminds every leader of a card waiting for approval for more than a day', async () => {
      for (const user of [leader, leader2]) {
        expect(
          (await notificationsOf(user)).filter((n) => n.kind === 'card_submitted').map((n) => [n.title, n.link]),
        ).toEqual([['项目卡仍待审核：新能源产业园地块', `/promo-projects/${ids.card}`]]);
      }
    });

    it('sends nothing new on the next run, on either instance', async () => {
      expect(await t.app.get(RemindersService).runOnce(now)).toEqual({
        followUps: 0,
        stalledProjects: 0,
        cardReviews: 0,
      });
      expect(await second.get(RemindersService).runOnce(new Date(now.getTime() + 3_600_000))).toEqual({
        followUps: 0,
        stalledProjects: 0,
        cardReviews: 0,
      });
    });

    it('reminds again when the follow-up date moves, or a project moves and then stalls again', async () => {
      await t.dataSource.query(`UPDATE leads SET next_follow_up_at = $2 WHERE id = $1`, [
        ids.overdue,
        chinaTime(-1, 10),
      ]);
      await t.dataSource.query(`UPDATE projects SET last_progress_at = now() - interval '35 days' WHERE id = $1`, [
        ids.stalled,
      ]);
      expect(await t.app.get(RemindersService).runOnce(now)).toEqual({
        followUps: 1,
        stalledProjects: 2,
        cardReviews: 0,
      });
    });

    it("reminds of tomorrow's follow-up once tomorrow comes", async () => {
      const tomorrow = new Date(now.getTime() + 86_400_000);
      expect((await t.app.get(RemindersService).runOnce(tomorrow)).followUps).toBe(1);
      const titles = (await notificationsOf(staff)).map((n) => n.title);
      expect(titles).toContain('今日跟进：明日线索');
      expect(
        titles.filter((x) => x.includes('已无效线索') || x.includes('已删除线索') || x.includes('无跟进日期线索')),
      ).toEqual([]);
    });
    it('works through a backlog of overdue follow-ups larger than a batch, each once, with two instances racing', async () => {
      const later = new Date(now.getTime() + 2 * 86_400_000);
      // 1,234 overdue leads (more than two batches of 500), written straight to the table.
      await t.dataSource.query(
        `INSERT INTO leads (name, source, status, owner_id, team_id, next_follow_up_at)
         SELECT '积压线索' || g, 'online', 'following', $1, $2, $3::timestamptz - g * interval '1 minute'
           FROM generate_series(1, 1234) g`,
        [staff.id, staff.teamId, later],
      );
      const runs = await Promise.all([
        t.app.get(RemindersService).runOnce(later),
        second.get(RemindersService).runOnce(later),
      ]);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND title LIKE '%积压线索%'`,
        [staff.id],
      );
      expect(count).toBe(1234);
      expect(runs[0].followUps + runs[1].followUps).toBe(1234);
      expect((await t.app.get(RemindersService).runOnce(later)).followUps).toBe(0);
    });
  });
});
