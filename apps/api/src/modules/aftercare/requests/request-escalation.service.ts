import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ESCALATION_REASON_LABELS,
  REQUEST_CATEGORY_LABELS,
  REQUEST_ESCALATABLE_STATUSES,
  aftercarePaths,
  type EscalationReason,
  type RequestCategory,
} from '@lianqiao/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { JobsService } from '../../../common/jobs/jobs.service';
import { ActivitiesService } from '../../activities/activities.service';
import { AuditService } from '../../audit/audit.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { AftercareAccess } from '../aftercare-access';
import { aftercareConfig, type AftercareConfig } from '../aftercare.config';

const BATCH = 200;
const JOB_NAME = 'aftercare-request-escalation';
const ESCALATABLE_SQL = REQUEST_ESCALATABLE_STATUSES.map((s) => `'${s}'`).join(', ');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface EscalatedRequest {
  id: string;
  companyId: string;
  category: RequestCategory;
  description: string;
  dueAt: Date;
  /** The status it left. */
  fromStatus: string;
}

/**
 * "办不成事"反映窗口: requests past their deadline go to the company's 包保领导 (or, without one, its
 * representative): status escalated, a line on the company's timeline, a notification. The run is
 * one UPDATE … WHERE status IN (open, in_progress) AND due_at < now, over rows locked with SKIP
 * LOCKED, so even two runs at once (the job engine runs it once per interval across instances;
 * a run may outlast it) escalate each request exactly once.
 */
@Injectable()
export class RequestEscalationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequestEscalationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(aftercareConfig.KEY) private readonly config: AftercareConfig,
    private readonly jobs: JobsService,
    private readonly access: AftercareAccess,
    private readonly activities: ActivitiesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Every REQUEST_ESCALATION_INTERVAL_SECONDS (default 300; off under tests, where runs are called with a clock). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.escalationIntervalMs <= 0) return;
    await this.jobs.every(JOB_NAME, this.config.escalationIntervalMs / 1000, async () => {
      await this.escalateOverdue(new Date());
    });
  }

  /** Escalates every request open or in progress whose deadline is before `now`; returns what it escalated. */
  async escalateOverdue(now: Date = new Date()): Promise<EscalatedRequest[]> {
    const escalated: EscalatedRequest[] = [];
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const [rows] = (await manager.query(
          `WITH due AS (
             SELECT id, status FROM enterprise_requests
              WHERE status IN (${ESCALATABLE_SQL}) AND due_at < $1 AND deleted_at IS NULL
                AND company_id IN (SELECT id FROM companies WHERE deleted_at IS NULL)
              ORDER BY due_at, id
              LIMIT ${BATCH}
              FOR UPDATE SKIP LOCKED)
           UPDATE enterprise_requests r
              SET status = 'escalated', escalated_at = $1, escalation_reason = 'overdue',
                  escalated_to_id = (SELECT COALESCE(a.responsible_leader_id, a.affairs_rep_id) FROM aftercare_assignments a
                                      WHERE a.company_id = r.company_id AND a.deleted_at IS NULL
                                      ORDER BY a.updated_at DESC, a.id LIMIT 1),
                  version = r.version + 1, updated_at = now()
             FROM due
            WHERE r.id = due.id AND r.status IN (${ESCALATABLE_SQL}) AND r.due_at < $1
        RETURNING r.id, r.company_id, r.category, r.description, r.due_at, due.status AS from_status`,
          [now],
        )) as [
          Array<{
            id: string;
            company_id: string;
            category: RequestCategory;
            description: string;
            due_at: Date;
            from_status: string;
          }>,
          number,
        ];
        const result = rows.map((r) => ({
          id: r.id,
          companyId: r.company_id,
          category: r.category,
          description: r.description,
          dueAt: new Date(r.due_at),
          fromStatus: r.from_status,
        }));
        for (const request of result) {
          await this.audit.record(manager, null, {
            entity: 'enterprise_request',
            entityId: request.id,
            action: 'escalate',
            before: { status: request.fromStatus },
            after: { status: 'escalated', escalationReason: 'overdue', escalatedAt: now },
          });
          await this.announce(manager, request, 'overdue', null);
        }
        return result;
      });
      escalated.push(...batch);
      if (batch.length < BATCH) break;
    }
    if (escalated.length) this.logger.log({ count: escalated.length }, 'overdue requests escalated');
    return escalated;
  }

  /**
   * The timeline line and the notifications of an escalation, in the caller's transaction: to the
   * 包保领导 and the representative (not to whoever escalated it).
   */
  async announce(
    manager: EntityManager,
    request: Pick<EscalatedRequest, 'id' | 'companyId' | 'category' | 'description' | 'dueAt'>,
    reason: EscalationReason,
    actor: AuthUser | null,
    note?: string | null,
  ): Promise<void> {
    const [target] = (await manager.query(
      `SELECT c.name AS company_name, a.responsible_leader_id, ul.display_name AS leader_name, a.affairs_rep_id
         FROM companies c
         LEFT JOIN LATERAL (SELECT * FROM aftercare_assignments x WHERE x.company_id = c.id AND x.deleted_at IS NULL
                             ORDER BY x.updated_at DESC, x.id LIMIT 1) a ON true
         LEFT JOIN users ul ON ul.id = a.responsible_leader_id
        WHERE c.id = $1`,
      [request.companyId],
    )) as Array<{
      company_name: string;
      responsible_leader_id: string | null;
      leader_name: string | null;
      affairs_rep_id: string | null;
    }>;
    const category = REQUEST_CATEGORY_LABELS[request.category];
    const to = target?.leader_name ? `包保领导${target.leader_name}` : '领导';
    await this.activities.record(manager, {
      subjectType: 'company',
      subjectId: request.companyId,
      kind: 'note',
      summary: `企业诉求（${category}）${ESCALATION_REASON_LABELS[reason]}，已升级至${to}：${clip(request.description, 80)}${note ? `（${note}）` : ''}`,
      teamId: await this.access.timelineTeam(manager, request.companyId, actor),
      actor,
      meta: { aftercare: 'request_escalated', requestId: request.id, reason },
    });
    const recipients = [...new Set([target?.responsible_leader_id, target?.affairs_rep_id])].filter(
      (id): id is string => !!id && id !== actor?.id,
    );
    const due = request.dueAt.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
    await this.notifications.notifyMany(
      manager,
      recipients.map((userId) => ({
        userId,
        kind: 'request_overdue' as const,
        title: `${reason === 'overdue' ? '企业诉求逾期' : '企业诉求升级'}：${target?.company_name ?? ''}`,
        body: `${category}诉求「${clip(request.description, 60)}」${ESCALATION_REASON_LABELS[reason]}（办理期限 ${due}），请协调解决。${note ? `说明：${note}` : ''}`,
        link: aftercarePaths.request(request.id),
      })),
    );
  }
}
