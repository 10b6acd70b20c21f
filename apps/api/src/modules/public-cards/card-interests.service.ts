import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REFERRAL_CODE_PATTERN } from '@lianqiao/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../common/errors/api-error';
import { ActivitiesService } from '../activities/activities.service';
import { LeadsService } from '../leads/leads.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PromoProject } from '../promo-projects/promo-project.entity';
import { User } from '../users/user.entity';
import { CardCacheService } from './card-cache.service';
import { CardInterest } from './card-interest.entity';
import { InterestDto } from './dto/public-card.dto';
import { cardsConfig, type CardsConfig } from './public-cards.config';
import { RateLimiterService } from './rate-limiter.service';

export const INTEREST_THANKS = '提交成功，招商专员会尽快与您联系。';
const MAX_MERGED_MESSAGE = 2000;

export interface InterestOutcome {
  /** What happened, for the log and the tests; the investor always sees the same thanks. */
  result: 'created' | 'merged' | 'dropped';
  interestId: string | null;
}

/** A `r` that looks like a referral code, else nothing (a broken link must not break the form). */
export function referralCodeOf(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.trim().toLowerCase();
  return REFERRAL_CODE_PATTERN.test(code) ? code : null;
}

/**
 * An investor's interest from a card's page: checked, rate-limited, merged with a repeat of the
 * last minutes, credited to the staff member whose link it came by (or the card's owner), who is
 * notified in the same transaction.
 */
@Injectable()
export class CardInterestsService {
  private readonly logger = new Logger(CardInterestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(cardsConfig.KEY) private readonly config: CardsConfig,
    private readonly cards: CardCacheService,
    private readonly limiter: RateLimiterService,
    private readonly notifications: NotificationsService,
    private readonly leads: LeadsService,
    private readonly activities: ActivitiesService,
  ) {}

  async submit(slug: string, body: unknown, client: { ip: string }): Promise<InterestOutcome> {
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof raw.website === 'string' && raw.website.trim() !== '') {
      this.logger.log({ slug }, 'interest honeypot filled; dropped');
      return { result: 'dropped', interestId: null };
    }
    const dto = await this.validated(raw);

    await this.limit(`interest:addr:${client.ip}`, this.config.interestPerAddress);
    const card = await this.cards.lookup(slug);
    if (card.state === 'missing') throw ApiError.notFound('项目');
    if (card.state === 'gone') throw new ApiError(HttpStatus.GONE, '该项目已暂停、到期或下线，暂不接受意向登记');
    await this.limit(`interest:card:${card.projectId}`, this.config.interestPerCard);

    const outcome = await this.dataSource.transaction((manager) => this.record(manager, card.projectId, dto));
    this.logger.log({ slug, ...outcome }, 'card interest');
    return outcome;
  }

  private async validated(raw: Record<string, unknown>): Promise<InterestDto> {
    const dto = plainToInstance(InterestDto, raw);
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

  private async limit(key: string, rule: { limit: number; windowMs: number }): Promise<void> {
    const { allowed, retryAfterMs } = await this.limiter.hit(key, rule.limit, rule.windowMs);
    if (allowed) return;
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    throw new RateLimitedError(
      `提交过于频繁，请 ${minutes} 分钟后再试 (too many requests)`,
      Math.ceil(retryAfterMs / 1000),
    );
  }

  private async record(manager: EntityManager, projectId: string, dto: InterestDto): Promise<InterestOutcome> {
    // One submission at a time per card and number, so a double tap cannot make two leads.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`card-interest:${projectId}:${dto.mobile}`]);
    const project = await manager.findOneBy(PromoProject, { id: projectId });
    if (!project || project.status !== 'published') {
      throw new ApiError(HttpStatus.GONE, '该项目已暂停、到期或下线，暂不接受意向登记');
    }
    const message = dto.message?.trim() || null;
    const recent = await manager
      .createQueryBuilder(CardInterest, 'ci')
      .where('ci.promo_project_id = :projectId AND ci.mobile = :mobile', { projectId, mobile: dto.mobile })
      .andWhere('ci.last_submitted_at > now() - make_interval(secs => :seconds)', {
        seconds: this.config.interestDedupeMs / 1000,
      })
      .orderBy('ci.last_submitted_at', 'DESC')
      .getOne();
    if (recent) {
      const merged =
        message && !(recent.message ?? '').includes(message)
          ? [recent.message, message].filter(Boolean).join('\n---\n')
          : recent.message;
      await manager.update(
        CardInterest,
        { id: recent.id },
        {
          name: dto.name,
          company: dto.company,
          message: merged ? merged.slice(0, MAX_MERGED_MESSAGE) : null,
          submissionCount: () => 'submission_count + 1',
          lastSubmittedAt: () => 'now()',
        },
      );
      if (recent.leadId) {
        await this.activities.record(manager, {
          subjectType: 'lead',
          subjectId: recent.leadId,
          kind: 'interest',
          summary: `${dto.name}（${dto.company}）再次提交了意向${message ? `：${message}` : ''}`,
          teamId: await this.teamOf(manager, recent.ownerId),
          meta: { promoProjectId: projectId, cardInterestId: recent.id },
        });
      }
      return { result: 'merged', interestId: recent.id };
    }

    const referralCode = referralCodeOf(dto.r);
    const referrer = referralCode ? await manager.findOneBy(User, { referralCode, active: true }) : null;
    const ownerId = referrer?.id ?? project.ownerId;
    const teamId = referrer ? referrer.teamId : await this.teamOf(manager, project.ownerId);
    // The lead's creation time starts its first-response clock.
    const lead = await this.leads.createInTransaction(manager, null, {
      name: dto.company,
      source: 'card_interest',
      sourceRefId: projectId,
      ownerId,
      teamId,
      chainNodeIds: await this.existingChainNodes(manager, project.chainNodeIds),
      contactName: dto.name,
      contactMobile: dto.mobile,
      notes: [`来自项目卡「${project.title}」的扫码意向`, message].filter(Boolean).join('\n'),
    });
    await this.activities.record(manager, {
      subjectType: 'lead',
      subjectId: lead.id,
      kind: 'interest',
      summary: `${dto.name}（${dto.company}）通过项目卡「${project.title}」留下投资意向${message ? `：${message}` : ''}`,
      teamId,
      meta: { promoProjectId: projectId, referralCode },
    });
    const interest = await manager.save(
      manager.create(CardInterest, {
        promoProjectId: projectId,
        name: dto.name,
        company: dto.company,
        mobile: dto.mobile,
        message,
        referralCode,
        referrerId: referrer?.id ?? null,
        ownerId,
        leadId: lead.id,
      }),
    );
    await this.notifications.notify(manager, {
      userId: ownerId,
      kind: 'card_interest',
      title: `新的扫码意向：${dto.company}`,
      body: `${dto.name}（${dto.company}）对「${project.title}」留下了投资意向，请在 24 小时内首次回复。`,
      link: `/leads/${lead.id}`,
    });
    return { result: 'created', interestId: interest.id };
  }

  /** A chain segment removed since the card was written must not make the investor's form fail. */
  private async existingChainNodes(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = (await manager.query('SELECT id FROM chain_nodes WHERE id = ANY($1::uuid[])', [ids])) as {
      id: string;
    }[];
    return rows.map((row) => row.id);
  }

  private async teamOf(manager: EntityManager, userId: string): Promise<string | null> {
    return (await manager.findOne(User, { select: { teamId: true }, where: { id: userId } }))?.teamId ?? null;
  }
}

/** 429 with the seconds to wait, which the controller sends as Retry-After. */
export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, message);
  }
}
