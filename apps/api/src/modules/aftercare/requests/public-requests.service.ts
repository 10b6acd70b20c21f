import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AFTERCARE_TOKEN_PATTERN, REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS } from '@lianqiao/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { AuditService } from '../../audit/audit.service';
import { ActivitiesService } from '../../activities/activities.service';
import { RateLimitedError } from '../../public-cards/card-interests.service';
import { RateLimiterService } from '../../public-cards/rate-limiter.service';
import { AftercareAccess } from '../aftercare-access';
import { aftercareConfig, type AftercareConfig } from '../aftercare.config';
import {
  PublicFeedbackDto,
  PublicFeedbackViewResponseDto,
  PublicRequestDto,
  PublicRequestFormResponseDto,
} from './dto/public-request.dto';
import { EnterpriseRequest } from './enterprise-request.entity';
import { RequestEscalationService } from './request-escalation.service';
import { RequestsService } from './requests.service';

export const REQUEST_RECEIVED = '诉求已收到，政府事务代表会尽快与您联系。';
export const FEEDBACK_THANKS = '感谢您的评价！';
const FEEDBACK_GONE = '该评价链接已使用或已失效';

export interface PublicSubmitOutcome {
  /** What happened, for the log and the tests; the enterprise always sees the same receipt. */
  result: 'created' | 'dropped';
  requestId: string | null;
}

/**
 * What an enterprise does without logging in: send a request through the form behind its QR
 * code (validated, rate-limited per address and per company, with a honeypot), and answer the
 * one-time link it gets when a request is resolved. Answers show only whitelisted fields.
 */
@Injectable()
export class PublicRequestsService {
  private readonly logger = new Logger(PublicRequestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(aftercareConfig.KEY) private readonly config: AftercareConfig,
    private readonly limiter: RateLimiterService,
    private readonly requests: RequestsService,
    private readonly escalation: RequestEscalationService,
    private readonly access: AftercareAccess,
    private readonly audit: AuditService,
    private readonly activities: ActivitiesService,
  ) {}

  async form(token: string): Promise<PublicRequestFormResponseDto> {
    const link = await this.linkOf(this.dataSource.manager, token);
    return {
      companyName: link.companyName,
      categories: REQUEST_CATEGORIES.map((value) => ({ value, label: REQUEST_CATEGORY_LABELS[value] })),
    };
  }

  async submit(token: string, body: unknown, client: { ip: string }): Promise<PublicSubmitOutcome> {
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof raw.website === 'string' && raw.website.trim() !== '') {
      this.logger.log('request form honeypot filled; dropped');
      return { result: 'dropped', requestId: null };
    }
    const dto = await validated(PublicRequestDto, raw);
    await this.limit(`aftercare-request:addr:${client.ip}`, this.config.formPerAddress);
    const link = await this.linkOf(this.dataSource.manager, token);
    await this.limit(`aftercare-request:company:${link.companyId}`, this.config.formPerCompany);
    const request = await this.dataSource.transaction((manager) =>
      this.requests.createFromEnterprise(manager, link.companyId, {
        category: dto.category,
        description: dto.description,
        contactName: dto.contactName,
        contactMobile: dto.contactMobile,
        cannotBeDone: dto.cannotBeDone,
      }),
    );
    this.logger.log({ requestId: request.id, companyId: link.companyId }, 'enterprise request received');
    return { result: 'created', requestId: request.id };
  }

  /** What the feedback page shows: 404 for a token that never was, 410 once answered. */
  async feedbackView(token: string): Promise<PublicFeedbackViewResponseDto> {
    const request = await this.requestOfFeedbackToken(this.dataSource.manager, token);
    return {
      companyName: request.company?.name ?? '',
      category: request.category,
      categoryLabel: REQUEST_CATEGORY_LABELS[request.category],
      description: request.description,
      resolution: request.resolution,
      resolvedAt: request.resolvedAt?.toISOString() ?? null,
      submittedAt: request.createdAt.toISOString(),
    };
  }

  /**
   * The enterprise's answer, taken once: confirmed closes the request with its rating; not
   * confirmed escalates it to the 包保领导 (the rating is kept either way).
   */
  async feedback(token: string, dto: PublicFeedbackDto, client: { ip: string }): Promise<void> {
    await this.limit(`aftercare-feedback:addr:${client.ip}`, this.config.formPerAddress);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.requestOfFeedbackToken(manager, token, true);
      const now = new Date();
      const comment = dto.comment?.trim() || null;
      const [escalateTo] = dto.confirmed
        ? [null]
        : ((await manager.query(
            `SELECT COALESCE(a.responsible_leader_id, a.affairs_rep_id) AS id FROM aftercare_assignments a
              WHERE a.company_id = $1 AND a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id LIMIT 1`,
            [before.companyId],
          )) as Array<{ id: string | null }>);
      // Only the first answer wins, whatever arrives at the same moment.
      const [rows] = (await manager.query(
        `UPDATE enterprise_requests
            SET feedback_used_at = $2, satisfaction = $3, satisfaction_comment = $4,
                status = $5, confirmed_at = $6, escalated_at = COALESCE($7, escalated_at),
                escalation_reason = COALESCE($8::request_escalation_reason, escalation_reason),
                escalated_to_id = CASE WHEN $7::timestamptz IS NULL THEN escalated_to_id ELSE $9::uuid END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND feedback_used_at IS NULL AND status = 'resolved'
        RETURNING id`,
        [
          before.id,
          now,
          dto.satisfaction,
          comment,
          dto.confirmed ? 'confirmed' : 'escalated',
          dto.confirmed ? now : null,
          dto.confirmed ? null : now,
          dto.confirmed ? null : 'enterprise_rejected',
          escalateTo?.id ?? null,
        ],
      )) as [Array<{ id: string }>, number];
      if (!rows.length) throw new ApiError(HttpStatus.GONE, FEEDBACK_GONE);
      const after = await manager.findOneByOrFail(EnterpriseRequest, { id: before.id });
      await this.audit.record(manager, null, {
        entity: 'enterprise_request',
        entityId: before.id,
        action: dto.confirmed ? 'confirm' : 'reject',
        before: { status: before.status, satisfaction: before.satisfaction },
        after: {
          status: after.status,
          satisfaction: after.satisfaction,
          satisfactionComment: after.satisfactionComment,
        },
      });
      if (dto.confirmed) {
        await this.activities.record(manager, {
          subjectType: 'company',
          subjectId: before.companyId,
          kind: 'note',
          summary: `企业确认诉求（${REQUEST_CATEGORY_LABELS[before.category]}）已解决，满意度 ${dto.satisfaction} 分${comment ? `：${comment}` : ''}`,
          teamId: await this.access.timelineTeam(manager, before.companyId, null),
          meta: { aftercare: 'request_confirmed', requestId: before.id, satisfaction: dto.satisfaction },
        });
      } else {
        await this.escalation.announce(manager, after, 'enterprise_rejected', null, comment);
      }
    });
  }

  private async linkOf(manager: EntityManager, token: string): Promise<{ companyId: string; companyName: string }> {
    if (!AFTERCARE_TOKEN_PATTERN.test(token)) throw ApiError.notFound('诉求登记链接');
    const [row] = (await manager.query(
      `SELECT l.company_id, c.name FROM aftercare_request_links l
         JOIN companies c ON c.id = l.company_id AND c.deleted_at IS NULL
        WHERE l.token = $1 AND l.revoked_at IS NULL`,
      [token],
    )) as Array<{ company_id: string; name: string }>;
    if (!row) throw ApiError.notFound('诉求登记链接');
    return { companyId: row.company_id, companyName: row.name };
  }

  private async requestOfFeedbackToken(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<EnterpriseRequest> {
    if (!AFTERCARE_TOKEN_PATTERN.test(token)) throw ApiError.notFound('评价链接');
    const qb = manager
      .getRepository(EnterpriseRequest)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.company', 'company')
      .where('r.feedback_token = :token', { token });
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    const request = await qb.getOne();
    if (!request) throw ApiError.notFound('评价链接');
    if (request.feedbackUsedAt || request.status !== 'resolved') throw new ApiError(HttpStatus.GONE, FEEDBACK_GONE);
    return request;
  }

  private async limit(key: string, rule: { limit: number; windowMs: number }): Promise<void> {
    const { allowed, retryAfterMs } = await this.limiter.hit(key, rule.limit, rule.windowMs);
    if (allowed) return;
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    throw new RateLimitedError(
      `提交过于频繁，请 ${minutes} 分钟后再试 (too many requests)`,
      Math.ceil(retryAfterMs / 1000),
    );
  }
}

/** Validates a public body by hand (after the honeypot), naming each field in the enterprise's words. */
async function validated<T extends object>(cls: new () => T, raw: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(cls, raw);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return dto;
  const details = errors.flatMap((e) =>
    Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field: e.property,
      message: rule === 'whitelistValidation' ? `未知字段 ${e.property}` : message,
    })),
  );
  const messages = [...new Set(details.map((d) => d.message))];
  throw ApiError.badRequest(`请检查：${messages.join('；')}`, details);
}
