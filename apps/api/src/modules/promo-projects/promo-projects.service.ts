import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PROMO_LIMITS,
  type ApiErrorDetail,
  type Page,
  type PromoContentDto,
  type PublicCardDto,
} from '@lianqiao/contracts';
import { cardShareUrl } from '@lianqiao/card';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { isOwnerLevel, maySeePromoCard, seesAllTeams, seesPromoWorkingCopy } from '@lianqiao/domain';
import { scopeQuery } from '../../common/auth/access';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { updateVersioned } from '../../common/persistence/versioned';
import { appConfig, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { ChainsService } from '../chains/chains.service';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
import { CardCacheService, toPublicCard } from '../public-cards/card-cache.service';
import { CardImageAccess } from '../public-cards/card-image-access';
import { CardInterest } from '../public-cards/card-interest.entity';
import { cardsConfig, type CardsConfig } from '../public-cards/public-cards.config';
import { User } from '../users/user.entity';
import { escapeLike } from '../../common/persistence/search';
import {
  CONTENT_FIELDS,
  CreatePromoProjectDto,
  InterestListQueryDto,
  PromoProjectListQueryDto,
  PromoProjectResponseDto,
  PromoVersionResponseDto,
  ReturnPromoProjectDto,
  UpdatePromoProjectDto,
} from './dto/promo-project.dto';
import { CardInterestResponseDto } from './dto/share-stats.dto';
import { PromoImage, PromoImageVariant } from './promo-image.entity';
import { describeImages, imageTooLarge, resizeForWeb } from './promo-images';
import { PromoProjectVersion } from './promo-project-version.entity';
import { PromoProject } from './promo-project.entity';
import { sanitizeRichText } from './rich-text';

const SORTABLE = ['updatedAt', 'createdAt', 'title'] as const;
const COLUMN: Record<(typeof SORTABLE)[number], string> = {
  updatedAt: 'p.updated_at',
  createdAt: 'p.created_at',
  title: 'p.title',
};
const MAX_IMAGES_PER_CARD = 30;

/** Slugs: 8 characters without look-alikes, so a printed address can be typed. */
export function newSlug(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
}

export function contentOf(project: PromoProject): PromoContentDto {
  return {
    kind: project.kind,
    title: project.title,
    summary: project.summary,
    chainNodeIds: project.chainNodeIds,
    location: project.location,
    landMu: project.landMu,
    floorAreaM2: project.floorAreaM2,
    investmentScaleWan: project.investmentScaleWan,
    advantages: project.advantages,
    policies: project.policies,
    contactName: project.contactName,
    contactPhone: project.contactPhone,
    coverImageId: project.coverImageId,
    galleryImageIds: project.galleryImageIds,
  };
}

type Action = 'submit' | 'approve' | 'return' | 'unpublish' | 'pause' | 'resume';

/**
 * Promoted projects and the review of their cards. Staff keep their team's cards; leaders approve.
 * The working copy changes freely; the public sees only an approved snapshot, and every status
 * change that takes a card down drops it from the public cache in the same request.
 */
@Injectable()
export class PromoProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly cards: CardCacheService,
    private readonly imageAccess: CardImageAccess,
    private readonly chains: ChainsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(cardsConfig.KEY) private readonly cardsConfig: CardsConfig,
  ) {}

  // ── reading ────────────────────────────────────────────────────────────────────────────────

  /** Staff see their own team's cards in any state, and every published card (to share it). */
  async list(user: AuthUser, query: PromoProjectListQueryDto, baseUrl: string): Promise<Page<PromoProjectResponseDto>> {
    const sort = parseSort(query.sort, SORTABLE, { field: 'updatedAt', direction: 'desc' });
    const qb = this.dataSource.manager.createQueryBuilder(PromoProject, 'p');
    scopeQuery(qb, user, 'promo_project', 'p');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.reviewState) qb.andWhere('p.review_state = :reviewState', { reviewState: query.reviewState });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.teamId) qb.andWhere('p.team_id = :teamId', { teamId: query.teamId });
    if (query.ownerId) qb.andWhere('p.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.q) qb.andWhere('p.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await keysetPage(qb, {
      alias: 'p',
      sort,
      column: COLUMN[sort.field],
      valueOf: (p) => p[sort.field],
      limit: query.limit,
      cursor: query.cursor,
      map: (p) => p,
    });
    return { ...page, items: await this.toDtos(this.dataSource.manager, page.items, baseUrl, user) };
  }

  /** A card the caller may see, else 404 (whether it exists or not). */
  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<PromoProject> {
    const project = await manager.findOneBy(PromoProject, { id });
    if (!project || !this.canSee(user, project)) throw ApiError.notFound('推介项目');
    return project;
  }

  async getDto(user: AuthUser, id: string, baseUrl: string): Promise<PromoProjectResponseDto> {
    return (await this.toDtos(this.dataSource.manager, [await this.get(user, id)], baseUrl, user))[0];
  }

  async versions(user: AuthUser, id: string): Promise<PromoVersionResponseDto[]> {
    await this.get(user, id);
    const versions = await this.dataSource.manager.find(PromoProjectVersion, {
      where: { promoProjectId: id },
      order: { number: 'DESC' },
    });
    return versions.map((v) => ({
      number: v.number,
      content: v.content,
      submittedById: v.submittedById,
      approvedById: v.approvedById,
      approvedAt: v.approvedAt.toISOString(),
    }));
  }

  /** The working copy as the public would see it once approved: what the console's preview draws. */
  async preview(user: AuthUser, id: string): Promise<PublicCardDto> {
    const project = await this.get(user, id);
    // The working copy is its team's: to everyone else the preview does not exist.
    if (!seesPromoWorkingCopy(user, project)) throw ApiError.notFound('推介项目');
    const images = await describeImages(
      this.dataSource.manager,
      [...(project.coverImageId ? [project.coverImageId] : []), ...project.galleryImageIds],
      await this.imageAccess.signer(),
    );
    return toPublicCard(project.slug, contentOf(project), images, this.app.districtName, project.publishedAt);
  }

  async interests(user: AuthUser, id: string, query: InterestListQueryDto): Promise<Page<CardInterestResponseDto>> {
    const project = await this.get(user, id);
    this.assertCanEdit(user, project);
    const qb = this.dataSource.manager
      .createQueryBuilder(CardInterest, 'ci')
      .where('ci.promo_project_id = :id', { id });
    return keysetPage(qb, {
      alias: 'ci',
      sort: { field: 'createdAt', direction: 'desc' },
      column: 'ci.created_at',
      valueOf: (ci) => ci.createdAt,
      limit: query.limit,
      cursor: query.cursor,
      map: (ci) => ({
        id: ci.id,
        promoProjectId: ci.promoProjectId,
        name: ci.name,
        company: ci.company,
        mobile: ci.mobile,
        message: ci.message,
        referralCode: ci.referralCode,
        referrerId: ci.referrerId,
        ownerId: ci.ownerId,
        leadId: ci.leadId,
        submissionCount: ci.submissionCount,
        createdAt: ci.createdAt.toISOString(),
        lastSubmittedAt: ci.lastSubmittedAt.toISOString(),
      }),
    });
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────────

  async create(actor: AuthUser, dto: CreatePromoProjectDto): Promise<PromoProject> {
    return this.dataSource.transaction(async (manager) => {
      await this.chains.assertNodesExist(dto.chainNodeIds, 'chainNodeIds', manager);
      let slug = newSlug();
      while (await manager.existsBy(PromoProject, { slug })) slug = newSlug();
      const project = await manager.save(
        manager.create(PromoProject, {
          kind: dto.kind,
          title: dto.title,
          summary: dto.summary ?? '',
          chainNodeIds: dto.chainNodeIds ?? [],
          location: dto.location || null,
          landMu: dto.landMu ?? null,
          floorAreaM2: dto.floorAreaM2 ?? null,
          investmentScaleWan: dto.investmentScaleWan ?? null,
          advantages: sanitizeRichText(dto.advantages ?? ''),
          policies: sanitizeRichText(dto.policies ?? ''),
          contactName: dto.contactName || null,
          contactPhone: dto.contactPhone || null,
          expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
          status: 'draft',
          reviewState: 'editing',
          slug,
          ownerId: actor.id,
          teamId: actor.teamId,
        }),
      );
      await this.audit.record(manager, actor, {
        entity: 'promo_project',
        entityId: project.id,
        action: 'create',
        after: project,
      });
      return project;
    });
  }

  /**
   * Content changes go to the working copy and wait for review (the live version stays up);
   * `expiresAt` and the owner apply at once.
   */
  async update(actor: AuthUser, id: string, dto: UpdatePromoProjectDto): Promise<PromoProject> {
    const project = await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, actor, id, dto.version);
      const changes: Partial<PromoProject> = {};
      const touchesContent = CONTENT_FIELDS.some((field) => dto[field] !== undefined);
      if (touchesContent && before.reviewState === 'in_review') {
        throw ApiError.rule('审核中的项目卡不能修改，请等待领导审批或退回后再改');
      }
      for (const field of CONTENT_FIELDS) {
        if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      }
      if (dto.advantages !== undefined) changes.advantages = sanitizeRichText(dto.advantages);
      if (dto.policies !== undefined) changes.policies = sanitizeRichText(dto.policies);
      for (const field of ['location', 'contactName', 'contactPhone'] as const) {
        if (changes[field] === '') changes[field] = null;
      }
      await this.assertOwnImages(manager, id, dto);
      await this.chains.assertNodesExist(dto.chainNodeIds, 'chainNodeIds', manager);
      if (touchesContent) changes.reviewState = 'editing';
      if (dto.expiresAt !== undefined) changes.expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
      if (dto.ownerId !== undefined && dto.ownerId !== before.ownerId) {
        if (!seesAllTeams(actor)) throw ApiError.forbidden('只有领导或管理员可以移交项目卡');
        const owner = await manager.findOneBy(User, { id: dto.ownerId, active: true });
        if (!owner) throw ApiError.field('ownerId', '用户不存在或已停用');
        changes.ownerId = owner.id;
        changes.teamId = owner.teamId;
      }
      await updateVersioned(manager, PromoProject, id, dto.version, changes);
      const after = await manager.findOneByOrFail(PromoProject, { id });
      await this.audit.record(manager, actor, {
        entity: 'promo_project',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
    await this.cards.invalidate(project.slug);
    this.imageAccess.forgetAll();
    return project;
  }

  async remove(actor: AuthUser, id: string, version: number): Promise<void> {
    const project = await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, actor, id, version);
      await manager.softDelete(PromoProject, { id });
      await this.audit.record(manager, actor, { entity: 'promo_project', entityId: id, action: 'delete', before });
      return before;
    });
    await this.cards.invalidate(project.slug);
    this.imageAccess.forgetAll();
  }

  submit(actor: AuthUser, id: string, version: number): Promise<PromoProject> {
    return this.transition(actor, id, version, 'submit', async (manager, p) => {
      if (p.reviewState === 'in_review') throw ApiError.rule('该项目卡已在审核中');
      if (p.reviewState === 'clean' && (p.status === 'published' || p.status === 'paused')) {
        throw ApiError.rule('没有需要审核的修改');
      }
      const missing = this.missingForPublishing(p);
      if (missing.length) throw ApiError.rule(`发布前请补全：${missing.map((d) => d.message).join('、')}`, missing);
      const leaders = await manager.find(User, { select: { id: true }, where: { role: 'leader', active: true } });
      return {
        changes: {
          reviewState: 'in_review',
          reviewComment: null,
          submittedAt: new Date(),
          submittedById: actor.id,
          status: p.status === 'draft' || p.status === 'unpublished' ? 'in_review' : p.status,
        },
        notify: leaders
          .filter((leader) => leader.id !== actor.id)
          .map((leader) => ({
            userId: leader.id,
            kind: 'card_submitted' as const,
            title: `项目卡待审核：${p.title}`,
            body: `${actor.displayName} 提交了「${p.title}」，请审核后发布。`,
            link: `/promo-projects/${p.id}`,
          })),
      };
    });
  }

  approve(actor: AuthUser, id: string, version: number): Promise<PromoProject> {
    return this.transition(actor, id, version, 'approve', async (manager, p) => {
      if (p.reviewState !== 'in_review') throw ApiError.rule('没有待审核的修改');
      const { last } = (await manager
        .createQueryBuilder(PromoProjectVersion, 'v')
        .select('COALESCE(MAX(v.number), 0)', 'last')
        .where('v.promo_project_id = :id', { id })
        .getRawOne<{ last: number }>())!;
      const snapshot = await manager.save(
        manager.create(PromoProjectVersion, {
          promoProjectId: id,
          number: Number(last) + 1,
          content: contentOf(p),
          submittedById: p.submittedById,
          approvedById: actor.id,
        }),
      );
      return {
        changes: {
          liveVersionId: snapshot.id,
          liveVersionNumber: snapshot.number,
          reviewState: 'clean',
          reviewComment: null,
          status: p.status === 'paused' ? 'paused' : 'published',
          publishedAt: new Date(),
        },
        notify: this.toAuthors(actor, p, {
          kind: 'card_approved',
          title: `项目卡已发布：${p.title}`,
          body: `「${p.title}」第 ${snapshot.number} 版已审核通过${p.status === 'paused' ? '（卡片仍处于暂停状态）' : '，现已对外展示'}。`,
          link: `/promo-projects/${p.id}`,
        }),
      };
    });
  }

  return(actor: AuthUser, id: string, dto: ReturnPromoProjectDto): Promise<PromoProject> {
    return this.transition(actor, id, dto.version, 'return', async (_manager, p) => {
      if (p.reviewState !== 'in_review') throw ApiError.rule('没有待审核的修改');
      return {
        changes: {
          reviewState: 'returned',
          reviewComment: dto.comment,
          status: p.status === 'in_review' ? (p.liveVersionId ? 'unpublished' : 'draft') : p.status,
        },
        notify: this.toAuthors(actor, p, {
          kind: 'card_returned',
          title: `项目卡被退回：${p.title}`,
          body: dto.comment,
          link: `/promo-projects/${p.id}`,
        }),
      };
    });
  }

  unpublish(actor: AuthUser, id: string, version: number): Promise<PromoProject> {
    return this.transition(actor, id, version, 'unpublish', async (_m, p) => {
      if (p.status !== 'published' && p.status !== 'paused') throw ApiError.rule('只有已发布或已暂停的项目卡可以下架');
      return { changes: { status: 'unpublished' } };
    });
  }

  pause(actor: AuthUser, id: string, version: number): Promise<PromoProject> {
    return this.transition(actor, id, version, 'pause', async (_m, p) => {
      if (p.status !== 'published') throw ApiError.rule('只有已发布的项目卡可以暂停');
      return { changes: { status: 'paused' } };
    });
  }

  resume(actor: AuthUser, id: string, version: number): Promise<PromoProject> {
    return this.transition(actor, id, version, 'resume', async (_m, p) => {
      if (p.status !== 'paused' || !p.liveVersionId) throw ApiError.rule('只有已暂停的项目卡可以恢复');
      return { changes: { status: 'published' } };
    });
  }

  /** A picture for the card: checked by its bytes, resized to web sizes, stored in the database. */
  async uploadImage(actor: AuthUser, id: string, bytes: Buffer) {
    const project = await this.get(actor, id);
    this.assertCanEdit(actor, project);
    if (bytes.length > this.cardsConfig.imageMaxBytes) throw imageTooLarge(this.cardsConfig.imageMaxBytes);
    if ((await this.dataSource.manager.countBy(PromoImage, { promoProjectId: id })) >= MAX_IMAGES_PER_CARD) {
      throw ApiError.rule(`每张项目卡最多上传 ${MAX_IMAGES_PER_CARD} 张图片`);
    }
    const resized = await resizeForWeb(bytes);
    const imageId = await this.dataSource.transaction(async (manager) => {
      const image = await manager.save(
        manager.create(PromoImage, {
          promoProjectId: id,
          width: resized.width,
          height: resized.height,
          sourceType: resized.sourceType,
          sourceBytes: bytes.length,
          uploadedById: actor.id,
        }),
      );
      await manager.insert(
        PromoImageVariant,
        resized.variants.map((v) => ({
          imageId: image.id,
          size: v.size,
          width: v.width,
          height: v.height,
          bytes: v.bytes,
        })),
      );
      await this.audit.record(manager, actor, {
        entity: 'promo_project',
        entityId: id,
        action: 'upload_image',
        after: {
          imageId: image.id,
          width: image.width,
          height: image.height,
          sourceType: image.sourceType,
          sourceBytes: bytes.length,
        },
      });
      return image.id;
    });
    return (await describeImages(this.dataSource.manager, [imageId], await this.imageAccess.signer())).get(imageId)!;
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  canSee(user: AuthUser, p: PromoProject): boolean {
    return maySeePromoCard(user, p);
  }

  canEdit(user: AuthUser, p: PromoProject): boolean {
    return isOwnerLevel(user, p);
  }

  assertCanEdit(user: AuthUser, p: PromoProject): void {
    if (!this.canEdit(user, p)) throw ApiError.forbidden('只能操作本专班的项目卡');
  }

  /** Reads the row under a lock, checks sight, rights and version: the start of every change. */
  private async lockForChange(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    version: number,
  ): Promise<PromoProject> {
    const project = await manager.findOne(PromoProject, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!project || !this.canSee(actor, project)) throw ApiError.notFound('推介项目');
    this.assertCanEdit(actor, project);
    if (project.version !== version) throw ApiError.staleVersion();
    return project;
  }

  private async transition(
    actor: AuthUser,
    id: string,
    version: number,
    action: Action,
    decide: (
      manager: EntityManager,
      before: PromoProject,
    ) => Promise<{ changes: Partial<PromoProject>; notify?: NotifyInput[] }>,
  ): Promise<PromoProject> {
    const project = await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, actor, id, version);
      const { changes, notify } = await decide(manager, before);
      await updateVersioned(manager, PromoProject, id, version, changes);
      const after = await manager.findOneByOrFail(PromoProject, { id });
      await this.audit.record(manager, actor, { entity: 'promo_project', entityId: id, action, before, after });
      if (notify?.length) await this.notifications.notifyMany(manager, notify);
      return after;
    });
    await this.cards.invalidate(project.slug);
    this.imageAccess.forgetAll();
    return project;
  }

  /** The submitter and the owner, once each, never the leader who acted. */
  private toAuthors(actor: AuthUser, p: PromoProject, message: Omit<NotifyInput, 'userId'>): NotifyInput[] {
    return [...new Set([p.submittedById, p.ownerId])]
      .filter((userId): userId is string => !!userId && userId !== actor.id)
      .map((userId) => ({ ...message, userId }));
  }

  private missingForPublishing(p: PromoProject): ApiErrorDetail[] {
    const missing: ApiErrorDetail[] = [];
    if (!p.summary.trim()) missing.push({ field: 'summary', message: '项目简介' });
    if (!p.contactPhone) missing.push({ field: 'contactPhone', message: '联系电话' });
    if (p.kind === 'land' && p.landMu === null) missing.push({ field: 'landMu', message: '用地面积（亩）' });
    if (p.kind === 'standard_factory' && p.floorAreaM2 === null)
      missing.push({ field: 'floorAreaM2', message: '厂房面积（㎡）' });
    return missing;
  }

  private async assertOwnImages(manager: EntityManager, id: string, dto: UpdatePromoProjectDto): Promise<void> {
    const wanted = [...(dto.coverImageId ? [dto.coverImageId] : []), ...(dto.galleryImageIds ?? [])];
    if (!wanted.length) return;
    const found = new Set(
      (await manager.find(PromoImage, { select: { id: true }, where: { id: In(wanted), promoProjectId: id } })).map(
        (i) => i.id,
      ),
    );
    if (dto.coverImageId && !found.has(dto.coverImageId))
      throw ApiError.field('coverImageId', '不是这张项目卡上传的图片');
    if (dto.galleryImageIds?.some((imageId) => !found.has(imageId))) {
      throw ApiError.field('galleryImageIds', '含有不是这张项目卡上传的图片');
    }
    if ((dto.galleryImageIds?.length ?? 0) > PROMO_LIMITS.galleryImages) {
      throw ApiError.field('galleryImageIds', `最多 ${PROMO_LIMITS.galleryImages} 张`);
    }
  }

  /**
   * The cards as `user` may see them: their team sees the working copy; everyone else (a published
   * card of another team) the approved live version, without review state or notes.
   */
  async toDtos(
    manager: EntityManager,
    projects: PromoProject[],
    baseUrl: string,
    user: AuthUser,
  ): Promise<PromoProjectResponseDto[]> {
    const outsiders = projects.filter((p) => !seesPromoWorkingCopy(user, p) && p.liveVersionId);
    const live = outsiders.length
      ? new Map(
          (
            await manager.find(PromoProjectVersion, {
              where: { id: In(outsiders.map((p) => p.liveVersionId!)) },
            })
          ).map((v) => [v.promoProjectId, v.content]),
        )
      : new Map<string, PromoContentDto>();
    const shown = projects.map((p) => ({ p, content: live.get(p.id) ?? contentOf(p), team: !live.has(p.id) }));
    // The team's URLs are signed (their drafts' images are not public); others get the public ones.
    const sign = await this.imageAccess.signer();
    const imageIdsOf = (c: PromoContentDto) => [...(c.coverImageId ? [c.coverImageId] : []), ...c.galleryImageIds];
    const [teamImages, liveImages] = await Promise.all([
      describeImages(
        manager,
        shown.filter((x) => x.team).flatMap((x) => imageIdsOf(x.content)),
        sign,
      ),
      describeImages(
        manager,
        shown.filter((x) => !x.team).flatMap((x) => imageIdsOf(x.content)),
      ),
    ]);
    return shown.map(({ p, content, team }) => {
      const images = team ? teamImages : liveImages;
      return {
        id: p.id,
        ...content,
        status: p.status,
        reviewState: team ? p.reviewState : 'clean',
        reviewComment: team ? p.reviewComment : null,
        slug: p.slug,
        publicUrl: cardShareUrl(baseUrl, p.slug),
        expiresAt: p.expiresAt?.toISOString() ?? null,
        ownerId: p.ownerId,
        teamId: p.teamId,
        liveVersion: p.liveVersionNumber,
        publishedAt: p.publishedAt?.toISOString() ?? null,
        submittedAt: team ? (p.submittedAt?.toISOString() ?? null) : null,
        cover: content.coverImageId ? (images.get(content.coverImageId) ?? null) : null,
        gallery: content.galleryImageIds.map((imageId) => images.get(imageId)).filter((image) => image !== undefined),
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
        version: p.version,
      };
    });
  }
}
