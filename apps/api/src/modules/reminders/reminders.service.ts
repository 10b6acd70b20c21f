import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROJECT_STATUS_LABELS, type NotificationKind, type ProjectStatus } from '@lianqiao/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { JobsService } from '../../common/jobs/jobs.service';
import { crmConfig, type CrmConfig } from '../../config/crm.config';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
import { remindersConfig, type RemindersConfig } from './reminders.config';

/** One reminder to send: who, about what, and what makes it new (see ReminderLog). */
interface Due {
  kind: string;
  subjectId: string;
  userId: string;
  period: string;
  notification: NotifyInput;
  /** Where it sits in its query's order: the next batch starts after the last one's. */
  after: unknown[];
}

export interface ReminderRun {
  followUps: number;
  stalledProjects: number;
  cardReviews: number;
}

/** Claims per transaction: each batch's claims and notifications commit together. */
const BATCH = 500;
/** Cards still in review this long after submission remind the leaders again. */
const CARD_REVIEW_HOURS = 24;
const chinaDay = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * The scheduled reminders: follow-ups due today or overdue (to the lead's owner), projects that
 * went stalled (owner and 包保领导), cards waiting for approval for a day (leaders). The job engine
 * runs it once per REMINDERS_INTERVAL_MINUTES across all instances; and should two runs overlap
 * (a slow run, a test calling runOnce on two instances), a reminder is still sent once: it is
 * claimed by inserting its (kind, subject, user, period) into reminder_log — unique — in the same
 * transaction as its notification, so whichever run claims it first sends it and the other skips it.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    @Inject(crmConfig.KEY) private readonly crm: CrmConfig,
    @Inject(remindersConfig.KEY) private readonly config: RemindersConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.intervalMs === 0) return;
    await this.jobs.every('reminders', this.config.intervalMs / 1000, async () => {
      const run = await this.runOnce();
      const sent = run.followUps + run.stalledProjects + run.cardReviews;
      if (sent > 0) this.logger.log(`reminders sent: ${JSON.stringify(run)}`);
    });
  }

  /** One pass over everything due at `now`; safe to run on several instances at once. */
  async runOnce(now: Date = new Date()): Promise<ReminderRun> {
    return {
      followUps: await this.send('follow_up_due', (limit, after) => this.followUpsDue(now, limit, after)),
      stalledProjects: await this.send('project_stalled', (limit, after) => this.stalledProjects(now, limit, after)),
      cardReviews: await this.send('card_review', (limit, after) => this.cardsInReview(now, limit, after)),
    };
  }

  /**
   * Claims and sends in batches until nothing unclaimed is left. `find` returns candidates not yet
   * in reminder_log, in its order, after the previous batch's last one (so a backlog of a hundred
   * thousand overdue follow-ups is read once, not rescanned from the start for every batch); the
   * claim (INSERT … ON CONFLICT DO NOTHING RETURNING) keeps only those this transaction won —
   * another instance's concurrent claim makes this one wait, then skip.
   */
  private async send(kind: string, find: (limit: number, after: unknown[] | null) => Promise<Due[]>): Promise<number> {
    let sent = 0;
    let after: unknown[] | null = null;
    for (;;) {
      const due = await find(BATCH, after);
      if (!due.length) return sent;
      after = due[due.length - 1].after;
      const claimed = await this.dataSource.transaction(async (manager) => {
        const won = await this.claim(manager, due);
        await this.notifications.notifyMany(
          manager,
          due.filter((d) => won.has(`${d.subjectId}|${d.userId}|${d.period}`)).map((d) => d.notification),
        );
        return won.size;
      });
      sent += claimed;
      if (due.length < BATCH) return sent;
      this.logger.debug(`${kind}: ${claimed} sent, looking for more`);
    }
  }

  private async claim(manager: EntityManager, due: Due[]): Promise<Set<string>> {
    const rows: Array<{ subject_id: string; user_id: string; period: string }> = await manager.query(
      `INSERT INTO reminder_log (kind, subject_id, user_id, period)
       SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::uuid[], $4::varchar[])
       ON CONFLICT (kind, subject_id, user_id, period) DO NOTHING
       RETURNING subject_id, user_id, period`,
      [due.map((d) => d.kind), due.map((d) => d.subjectId), due.map((d) => d.userId), due.map((d) => d.period)],
    );
    return new Set(rows.map((r) => `${r.subject_id}|${r.user_id}|${r.period}`));
  }

  /** Open leads whose next follow-up falls today (China time) or earlier: once per follow-up date. */
  private async followUpsDue(now: Date, limit: number, after: unknown[] | null): Promise<Due[]> {
    const rows: Array<{ id: string; name: string; owner_id: string; day: string; today: boolean; at: string }> =
      await this.dataSource.query(
        `SELECT l.id, l.name, l.owner_id, l.next_follow_up_at::text AS at, ${chinaDay('l.next_follow_up_at')} AS day,
              ${chinaDay('l.next_follow_up_at')} = ${chinaDay('$1::timestamptz')} AS today
         FROM leads l
        WHERE l.deleted_at IS NULL AND l.status IN ('new', 'following', 'qualified')
          AND l.next_follow_up_at < (date_trunc('day', $1::timestamptz AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai'
          AND NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.kind = 'follow_up_due' AND r.subject_id = l.id
                           AND r.user_id = l.owner_id AND r.period = ${chinaDay('l.next_follow_up_at')})
          ${after ? 'AND (l.next_follow_up_at, l.id) > ($2::timestamptz, $3::uuid)' : ''}
        ORDER BY l.next_follow_up_at, l.id
        LIMIT ${limit}`,
        [now, ...(after ?? [])],
      );
    return rows.map((r) => ({
      kind: 'follow_up_due',
      subjectId: r.id,
      userId: r.owner_id,
      period: r.day,
      after: [r.at, r.id],
      notification: this.notification(
        r.owner_id,
        'follow_up_due',
        r.today ? `今日跟进：${r.name}` : `跟进已逾期：${r.name}`,
        `计划跟进日期 ${r.day}`,
        `/leads/${r.id}`,
      ),
    }));
  }

  /**
   * Projects that went stalled: no stage move or timeline entry for STALLED_DAYS. The period is
   * the last progress time, so a project that moves and stalls again reminds again.
   */
  private async stalledProjects(now: Date, limit: number, after: unknown[] | null): Promise<Due[]> {
    const rows: Array<{
      id: string;
      name: string;
      stage: ProjectStatus;
      user_id: string;
      period: string;
      days: number;
      at: string;
    }> = await this.dataSource.query(
      `SELECT p.id, p.name, p.stage, u.user_id, p.last_progress_at::text AS at, to_char(p.last_progress_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS period,
              floor(extract(epoch FROM $1::timestamptz - p.last_progress_at) / 86400)::int AS days
         FROM projects p
        CROSS JOIN LATERAL (SELECT DISTINCT x AS user_id FROM unnest(ARRAY[p.owner_id, p.responsible_leader_id]) x WHERE x IS NOT NULL) u
        WHERE p.deleted_at IS NULL AND p.stage NOT IN ('in_production', 'lost')
          AND p.last_progress_at < $1::timestamptz - make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.kind = 'project_stalled' AND r.subject_id = p.id AND r.user_id = u.user_id
                           AND r.period = to_char(p.last_progress_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'))
          ${after ? 'AND (p.last_progress_at, p.id, u.user_id) > ($3::timestamptz, $4::uuid, $5::uuid)' : ''}
        ORDER BY p.last_progress_at, p.id, u.user_id
        LIMIT ${limit}`,
      [now, this.crm.stalledDays, ...(after ?? [])],
    );
    return rows.map((r) => ({
      kind: 'project_stalled',
      subjectId: r.id,
      userId: r.user_id,
      period: r.period,
      after: [r.at, r.id, r.user_id],
      notification: this.notification(
        r.user_id,
        'project_stalled',
        `项目停滞：${r.name}`,
        `「${PROJECT_STATUS_LABELS[r.stage]}」阶段已 ${r.days} 天没有进展`,
        `/projects/${r.id}`,
      ),
    }));
  }

  /** Cards submitted more than a day ago and still in review: every active leader, once per submission. */
  private async cardsInReview(now: Date, limit: number, after: unknown[] | null): Promise<Due[]> {
    const rows: Array<{ id: string; title: string; user_id: string; period: string; at: string }> =
      await this.dataSource.query(
        `SELECT c.id, c.title, u.id AS user_id, c.submitted_at::text AS at, to_char(c.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS period
         FROM promo_projects c
         JOIN users u ON u.role = 'leader' AND u.active AND u.deleted_at IS NULL
        WHERE c.deleted_at IS NULL AND c.review_state = 'in_review' AND c.submitted_at < $1::timestamptz - make_interval(hours => $2)
          AND NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.kind = 'card_review' AND r.subject_id = c.id AND r.user_id = u.id
                           AND r.period = to_char(c.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'))
          ${after ? 'AND (c.submitted_at, c.id, u.id) > ($3::timestamptz, $4::uuid, $5::uuid)' : ''}
        ORDER BY c.submitted_at, c.id, u.id
        LIMIT ${limit}`,
        [now, CARD_REVIEW_HOURS, ...(after ?? [])],
      );
    return rows.map((r) => ({
      kind: 'card_review',
      subjectId: r.id,
      userId: r.user_id,
      period: r.period,
      after: [r.at, r.id, r.user_id],
      notification: this.notification(
        r.user_id,
        'card_submitted',
        `项目卡仍待审核：${r.title}`,
        `已提交超过 ${CARD_REVIEW_HOURS} 小时，请审核后发布。`,
        `/promo-projects/${r.id}`,
      ),
    }));
  }

  private notification(userId: string, kind: NotificationKind, title: string, body: string, link: string): NotifyInput {
    return { userId, kind, title, body, link };
  }
}
