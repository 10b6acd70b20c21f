import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
  REQUEST_OPEN_STATUSES,
  aftercarePaths,
  type Page,
  type RequestCategory,
  type RequestStatus,
} from '@lianqiao/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../../common/auth/auth-user';
import { ApiError } from '../../../common/errors/api-error';
import { parseSort } from '../../../common/pagination/cursor';
import { keysetPage } from '../../../common/pagination/keyset';
import { whereNameContains } from '../../../common/persistence/search';
import { changesOf, updateVersioned } from '../../../common/persistence/versioned';
import { ActivitiesService } from '../../activities/activities.service';
import { AuditService } from '../../audit/audit.service';
import { Company } from '../../companies/company.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { OrgUnit } from '../../org/org-unit.entity';
import { AftercareAccess } from '../aftercare-access';
import { newAftercareToken, qrSvg } from '../aftercare-tokens';
import { aftercareConfig, type AftercareConfig } from '../aftercare.config';
import {
  CreateRequestDto,
  FeedbackLinkResponseDto,
  RequestCategoryInfoResponseDto,
  RequestListQueryDto,
  RequestResponseDto,
  RequestTransitionDto,
  RouteRequestDto,
  UpdateRequestDto,
} from './dto/request.dto';
import { EnterpriseRequest } from './enterprise-request.entity';
import { RequestEscalationService } from './request-escalation.service';
import { defaultDueAt, requestMoveProblem, type RequestMove } from './request-moves';

const SORTABLE = ['createdAt', 'dueAt', 'updatedAt'] as const;
const COLUMN = { createdAt: 'r.created_at', dueAt: 'r.due_at', updatedAt: 'r.updated_at' } as const;
const OPEN_SQL = REQUEST_OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The row as the audit trail keeps it: without the joined records or the enterprise's link token. */
function auditable(r: EnterpriseRequest): Record<string, unknown> {
  const { company: _company, orgUnit: _orgUnit, loggedBy: _loggedBy, feedbackToken, ...rest } = r;
  return { ...rest, hasFeedbackLink: feedbackToken !== null };
}

export interface EnterpriseSubmission {
  category: RequestCategory;
  description: string;
  contactName: string;
  contactMobile: string;
  cannotBeDone?: boolean;
}

/**
 * Enterprises' requests (企业诉求): logged by staff or a representative, or sent by the enterprise;
 * routed to a department whose users move them on and resolve them; confirmed and rated by the
 * enterprise through a one-time link; escalated when overdue. Who sees what: see AftercareAccess.
 */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(aftercareConfig.KEY) private readonly config: AftercareConfig,
    private readonly access: AftercareAccess,
    private readonly audit: AuditService,
    private readonly activities: ActivitiesService,
    private readonly escalation: RequestEscalationService,
    private readonly notifications: NotificationsService,
  ) {}

  categories(): RequestCategoryInfoResponseDto[] {
    return REQUEST_CATEGORIES.map((category) => ({
      category,
      label: REQUEST_CATEGORY_LABELS[category],
      dueDays: this.config.dueDays[category],
    }));
  }

  list(
    user: AuthUser,
    query: RequestListQueryDto,
    options: { review?: boolean } = {},
  ): Promise<Page<RequestResponseDto>> {
    const sort = parseSort(
      query.sort,
      SORTABLE,
      options.review ? { field: 'dueAt', direction: 'asc' } : { field: 'createdAt', direction: 'desc' },
    );
    const qb = this.baseQuery();
    const scope = this.access.requestScope(user, 'r');
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (options.review) qb.andWhere(`(r.status = 'escalated' OR (r.cannot_be_done AND r.status <> 'confirmed'))`);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.category) qb.andWhere('r.category = :category', { category: query.category });
    if (query.source) qb.andWhere('r.source = :source', { source: query.source });
    if (query.companyId) qb.andWhere('r.company_id = :companyId', { companyId: query.companyId });
    if (query.orgUnitId) qb.andWhere('r.org_unit_id = :orgUnitId', { orgUnitId: query.orgUnitId });
    if (query.routedToMe !== undefined) {
      if (!user.orgUnitId) throw ApiError.field('routedToMe', '您不属于任何部门');
      qb.andWhere(query.routedToMe ? 'r.org_unit_id = :myUnit' : 'r.org_unit_id IS DISTINCT FROM :myUnit', {
        myUnit: user.orgUnitId,
      });
    }
    if (query.cannotBeDone !== undefined)
      qb.andWhere('r.cannot_be_done = :cannotBeDone', { cannotBeDone: query.cannotBeDone });
    if (query.overdue !== undefined) {
      qb.andWhere(
        query.overdue
          ? `(r.status IN (${OPEN_SQL}) AND r.due_at < now())`
          : `NOT (r.status IN (${OPEN_SQL}) AND r.due_at < now())`,
      );
    }
    if (query.from) qb.andWhere('r.created_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('r.created_at < :to', { to: new Date(query.to) });
    if (query.q) whereNameContains(qb, 'company', query.q);
    return keysetPage(qb, {
      alias: 'r',
      sort,
      column: COLUMN[sort.field],
      valueOf: (r) => r[sort.field],
      limit: query.limit,
      cursor: query.cursor,
      map: (r) => this.toDto(r),
    });
  }

  async get(user: AuthUser, id: string): Promise<RequestResponseDto> {
    return this.toDto(await this.load(this.dataSource.manager, user, id));
  }

  /** Logged by staff or the representative for a company in aftercare. */
  async create(user: AuthUser, dto: CreateRequestDto): Promise<RequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertInAftercare(manager, dto.companyId);
      const now = new Date();
      const dueAt = dto.dueAt ? this.futureDue(dto.dueAt, now) : defaultDueAt(now, this.config.dueDays[dto.category]);
      if (dto.orgUnitId) await this.department(manager, dto.orgUnitId);
      const request = await manager.save(
        manager.create(EnterpriseRequest, {
          companyId: dto.companyId,
          category: dto.category,
          cannotBeDone: dto.cannotBeDone ?? false,
          description: dto.description.trim(),
          source: 'staff',
          contactName: dto.contactName ?? null,
          contactMobile: dto.contactMobile ?? null,
          orgUnitId: dto.orgUnitId ?? null,
          routedAt: dto.orgUnitId ? now : null,
          dueAt,
          status: 'open',
          loggedById: user.id,
          loggedByTeamId: user.teamId,
        }),
      );
      await this.audit.record(manager, user, {
        entity: 'enterprise_request',
        entityId: request.id,
        action: 'create',
        after: auditable(request),
      });
      await this.timeline(
        manager,
        request,
        user,
        `登记企业诉求（${REQUEST_CATEGORY_LABELS[request.category]}）：${clip(request.description, 80)}`,
        'request_created',
      );
      return this.toDto(await this.reload(manager, request.id));
    });
  }

  /** Sent by the enterprise through its QR form (the public controller checks the token and the limits). */
  async createFromEnterprise(
    manager: EntityManager,
    companyId: string,
    submission: EnterpriseSubmission,
  ): Promise<EnterpriseRequest> {
    const now = new Date();
    const request = await manager.save(
      manager.create(EnterpriseRequest, {
        companyId,
        category: submission.category,
        cannotBeDone: submission.cannotBeDone ?? false,
        description: submission.description,
        source: 'enterprise',
        contactName: submission.contactName,
        contactMobile: submission.contactMobile,
        orgUnitId: null,
        routedAt: null,
        dueAt: defaultDueAt(now, this.config.dueDays[submission.category]),
        status: 'open',
        loggedById: null,
        loggedByTeamId: null,
      }),
    );
    await this.audit.record(manager, null, {
      entity: 'enterprise_request',
      entityId: request.id,
      action: 'create',
      after: auditable(request),
    });
    await this.timeline(
      manager,
      request,
      null,
      `企业通过二维码提交诉求（${REQUEST_CATEGORY_LABELS[request.category]}${request.cannotBeDone ? '，办不成事' : ''}）：${clip(request.description, 80)}`,
      'request_submitted',
    );
    await this.notifyResponsible(manager, request);
    return request;
  }

  /**
   * Tells whoever answers for the company that its enterprise sent a request, in the caller's
   * transaction: the 政府事务代表; without an active one, the 包保领导; without either, every
   * active leader (who assigns them), so that a request never waits unseen.
   */
  private async notifyResponsible(manager: EntityManager, request: EnterpriseRequest): Promise<void> {
    const [target] = (await manager.query(
      `SELECT c.name AS company_name,
              (SELECT u.id FROM users u WHERE u.id = a.affairs_rep_id AND u.active AND u.deleted_at IS NULL) AS rep_id,
              (SELECT u.id FROM users u WHERE u.id = a.responsible_leader_id AND u.active AND u.deleted_at IS NULL) AS leader_id
         FROM companies c
         LEFT JOIN LATERAL (SELECT * FROM aftercare_assignments x WHERE x.company_id = c.id AND x.deleted_at IS NULL
                             ORDER BY x.updated_at DESC, x.id LIMIT 1) a ON true
        WHERE c.id = $1`,
      [request.companyId],
    )) as Array<{ company_name: string; rep_id: string | null; leader_id: string | null }>;
    const responsible = target?.rep_id ?? target?.leader_id;
    const recipients = responsible
      ? [responsible]
      : (
          (await manager.query(
            `SELECT id FROM users WHERE role = 'leader' AND active AND deleted_at IS NULL ORDER BY id`,
          )) as Array<{ id: string }>
        ).map((u) => u.id);
    const category = REQUEST_CATEGORY_LABELS[request.category];
    await this.notifications.notifyMany(
      manager,
      recipients.map((userId) => ({
        userId,
        kind: 'request_submitted' as const,
        title: `企业新诉求：${target?.company_name ?? ''}`,
        body: `${request.contactName ?? '企业'}${request.contactMobile ? `（${request.contactMobile}）` : ''}通过二维码提交了${category}诉求${request.cannotBeDone ? '（办不成事）' : ''}：${clip(request.description, 80)}。请尽快联系企业并转办。${responsible ? '' : '该企业尚未指定政府事务代表和包保领导。'}`,
        link: aftercarePaths.request(request.id),
      })),
    );
  }

  /** Category, description, 办不成事, deadline, contact: those who may manage it (not the department alone). */
  async update(user: AuthUser, id: string, dto: UpdateRequestDto): Promise<RequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, user, id);
      await this.assertManages(manager, user, before);
      if (before.status === 'confirmed') throw ApiError.rule('企业已确认的诉求不能再修改');
      const changes = changesOf(dto);
      const dueAt = dto.dueAt ? this.futureDue(dto.dueAt, new Date()) : undefined;
      await updateVersioned(manager, EnterpriseRequest, id, dto.version, { ...changes, ...(dueAt ? { dueAt } : {}) });
      const after = await this.reload(manager, id);
      await this.audit.record(manager, user, {
        entity: 'enterprise_request',
        entityId: id,
        action: 'update',
        before: auditable(before),
        after: auditable(after),
      });
      return this.toDto(after);
    });
  }

  /** Sends the request to a department (again): it is open there until someone starts on it. */
  async route(user: AuthUser, id: string, dto: RouteRequestDto): Promise<RequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, user, id);
      await this.assertManages(manager, user, before);
      this.assertMove(before.status, 'route');
      const unit = await this.department(manager, dto.orgUnitId);
      const now = new Date();
      if (before.status === 'escalated' && !dto.dueAt) {
        throw ApiError.field('dueAt', '升级的诉求重新转办时须给出新的办理期限');
      }
      const dueAt = dto.dueAt ? this.futureDue(dto.dueAt, now) : before.dueAt;
      await updateVersioned(manager, EnterpriseRequest, id, dto.version, {
        orgUnitId: unit.id,
        routedAt: now,
        status: 'open',
        dueAt,
      });
      const after = await this.reload(manager, id);
      await this.audit.record(manager, user, {
        entity: 'enterprise_request',
        entityId: id,
        action: 'route',
        before: auditable(before),
        after: auditable(after),
      });
      await this.timeline(
        manager,
        after,
        user,
        `企业诉求（${REQUEST_CATEGORY_LABELS[after.category]}）转办至${unit.name}${dto.note ? `：${dto.note}` : ''}`,
        'request_routed',
      );
      return this.toDto(after);
    });
  }

  /**
   * in_progress and resolved: the routed department's users (and leaders, admins). escalated: anyone
   * who sees the request, to bring it to the 包保领导 before its deadline.
   */
  async transition(user: AuthUser, id: string, dto: RequestTransitionDto): Promise<RequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, user, id);
      this.assertMove(before.status, dto.to);
      const now = new Date();
      if (dto.to === 'escalated') {
        const [target] = (await manager.query(
          `SELECT COALESCE(a.responsible_leader_id, a.affairs_rep_id) AS id FROM aftercare_assignments a
            WHERE a.company_id = $1 AND a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id LIMIT 1`,
          [before.companyId],
        )) as Array<{ id: string | null }>;
        await updateVersioned(manager, EnterpriseRequest, id, dto.version, {
          status: 'escalated',
          escalatedAt: now,
          escalationReason: 'manual',
          escalatedToId: target?.id ?? null,
        });
        const after = await this.reload(manager, id);
        await this.audit.record(manager, user, {
          entity: 'enterprise_request',
          entityId: id,
          action: 'escalate',
          before: auditable(before),
          after: auditable(after),
        });
        await this.escalation.announce(manager, after, 'manual', user, dto.note);
        return this.toDto(after);
      }
      if (!this.access.handlesRequest(user, before)) {
        throw ApiError.forbidden('只有承办部门的人员或领导可以办理该诉求');
      }
      if (dto.to === 'in_progress' && !before.orgUnitId) throw ApiError.rule('诉求尚未转办到部门，不能开始办理');
      const changes: Partial<EnterpriseRequest> =
        dto.to === 'in_progress'
          ? { status: 'in_progress' }
          : {
              status: 'resolved',
              resolution: dto.resolution!.trim(),
              resolvedAt: now,
              resolvedById: user.id,
              feedbackToken: newAftercareToken(),
              feedbackUsedAt: null,
            };
      await updateVersioned(manager, EnterpriseRequest, id, dto.version, changes);
      const after = await this.reload(manager, id);
      await this.audit.record(manager, user, {
        entity: 'enterprise_request',
        entityId: id,
        action: dto.to === 'resolved' ? 'resolve' : 'start',
        before: auditable(before),
        after: auditable(after),
      });
      await this.timeline(
        manager,
        after,
        user,
        dto.to === 'resolved'
          ? `企业诉求（${REQUEST_CATEGORY_LABELS[after.category]}）已办结：${clip(after.resolution ?? '', 80)}`
          : `企业诉求（${REQUEST_CATEGORY_LABELS[after.category]}）开始办理${after.orgUnit ? `（${after.orgUnit.name}）` : ''}`,
        dto.to === 'resolved' ? 'request_resolved' : 'request_started',
      );
      return this.toDto(after);
    });
  }

  /** The enterprise's one-time link to confirm and rate the resolution, to send it by WeChat or SMS. */
  async feedbackLink(user: AuthUser, id: string, baseUrl: string): Promise<FeedbackLinkResponseDto> {
    const request = await this.load(this.dataSource.manager, user, id);
    if (!request.feedbackToken) throw ApiError.rule('诉求办结后才有企业评价链接');
    const url = `${baseUrl}${aftercarePaths.feedback(request.feedbackToken)}`;
    return { requestId: id, url, qrSvg: await qrSvg(url), used: request.feedbackUsedAt !== null };
  }

  /** A request the caller may see, with its company, department and logger; 404 otherwise. */
  private async load(manager: EntityManager, user: AuthUser, id: string): Promise<EnterpriseRequest> {
    const qb = this.baseQuery(manager).andWhere('r.id = :id', { id });
    const scope = this.access.requestScope(user, 'r');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const request = await qb.getOne();
    if (!request) throw ApiError.notFound('诉求');
    return request;
  }

  private async reload(manager: EntityManager, id: string): Promise<EnterpriseRequest> {
    return this.baseQuery(manager).andWhere('r.id = :id', { id }).getOneOrFail();
  }

  private baseQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<EnterpriseRequest> {
    return manager
      .getRepository(EnterpriseRequest)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.company', 'company')
      .leftJoinAndSelect('r.orgUnit', 'orgUnit')
      .leftJoinAndSelect('r.loggedBy', 'loggedBy');
  }

  /** Routing and editing are for those who look after the company or logged it, not the department alone. */
  private async assertManages(manager: EntityManager, user: AuthUser, request: EnterpriseRequest): Promise<void> {
    if (seesAllTeams(user)) return;
    if (!(await this.access.requestVisible(manager, user, request.id, { department: false }))) {
      throw ApiError.forbidden('承办部门不能转办或修改诉求，请联系政府事务代表');
    }
  }

  private assertMove(from: RequestStatus, move: RequestMove): void {
    const problem = requestMoveProblem(from, move);
    if (problem) throw ApiError.rule(problem, [{ field: move === 'route' ? 'orgUnitId' : 'to', message: problem }]);
  }

  private async assertInAftercare(manager: EntityManager, companyId: string): Promise<void> {
    if (!(await manager.existsBy(Company, { id: companyId }))) throw ApiError.field('companyId', '企业不存在');
    const { landed, marked } = await this.access.inAftercare(manager, companyId);
    if (!landed && !marked) {
      throw ApiError.rule('企业尚未落地，也未纳入包保服务，不能登记诉求 (company not in aftercare)', [
        { field: 'companyId', message: '企业未纳入包保服务' },
      ]);
    }
  }

  private async department(manager: EntityManager, id: string): Promise<OrgUnit> {
    const unit = await manager.findOneBy(OrgUnit, { id });
    if (!unit) throw ApiError.field('orgUnitId', '部门不存在');
    if (unit.kind !== 'department') throw ApiError.field('orgUnitId', '诉求只能转办到部门');
    return unit;
  }

  private futureDue(raw: string, now: Date): Date {
    const due = new Date(raw);
    if (due.getTime() <= now.getTime()) throw ApiError.field('dueAt', '办理期限须晚于现在');
    return due;
  }

  private async timeline(
    manager: EntityManager,
    request: EnterpriseRequest,
    actor: AuthUser | null,
    summary: string,
    event: string,
  ): Promise<void> {
    await this.activities.record(manager, {
      subjectType: 'company',
      subjectId: request.companyId,
      kind: 'note',
      summary,
      teamId: await this.access.timelineTeam(manager, request.companyId, actor),
      actor,
      meta: { aftercare: event, requestId: request.id },
    });
  }

  toDto(r: EnterpriseRequest, now: Date = new Date()): RequestResponseDto {
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      id: r.id,
      companyId: r.companyId,
      companyName: r.company?.name ?? '',
      category: r.category,
      cannotBeDone: r.cannotBeDone,
      description: r.description,
      source: r.source,
      contactName: r.contactName,
      contactMobile: r.contactMobile,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnit?.name ?? null,
      routedAt: iso(r.routedAt),
      dueAt: r.dueAt.toISOString(),
      overdue: (REQUEST_OPEN_STATUSES as readonly string[]).includes(r.status) && r.dueAt.getTime() < now.getTime(),
      status: r.status,
      resolution: r.resolution,
      resolvedAt: iso(r.resolvedAt),
      resolvedById: r.resolvedById,
      escalatedAt: iso(r.escalatedAt),
      escalationReason: r.escalationReason,
      escalatedToId: r.escalatedToId,
      confirmedAt: iso(r.confirmedAt),
      satisfaction: r.satisfaction,
      satisfactionComment: r.satisfactionComment,
      loggedById: r.loggedById,
      loggedByName: r.loggedBy?.displayName ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  }
}
