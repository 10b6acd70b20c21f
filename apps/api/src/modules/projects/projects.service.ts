import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOARD_CARD_FIELDS,
  PROJECT_STAGES,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type BoardColumnDto,
  type ProjectStageChangeDto,
  type ProjectStatus,
} from '@lianqiao/contracts';
import { isOwnerLevel, isStage, isStalled, judgeTransition } from '@lianqiao/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { AccessPolicy, scopeQuery, SOURCE_REF_KINDS } from '../../common/auth/access';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { arrayPieces, jsonBuffer } from '../../common/http/json-text';
import { keysetJsonPage } from '../../common/pagination/keyset';
import { queryAndParameters } from '../../common/persistence/query-shape';
import { jsonObjectSql, selectColumns } from '../../common/persistence/select-sql';
import { whereNameContains } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { crmConfig, type CrmConfig } from '../../config/crm.config';
import { ActivitiesService } from '../activities/activities.service';
import { AuditService } from '../audit/audit.service';
import { ChainsService } from '../chains/chains.service';
import { Company } from '../companies/company.entity';
import { User } from '../users/user.entity';
import {
  BoardQueryDto,
  CreateProjectDto,
  PROJECT_SORTABLE,
  ProjectListQueryDto,
  ProjectResponseDto,
  TransitionDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectStageChange } from './project-stage-change.entity';
import { Project } from './project.entity';
import { projectJsonFields, stalledSql } from './project-sql';

const COLUMN: Record<(typeof PROJECT_SORTABLE)[number], string> = {
  updatedAt: 'project.updated_at',
  createdAt: 'project.created_at',
  name: 'project.name',
  totalInvestmentWan: 'project.total_investment_wan',
  contractedWan: 'project.contracted_wan',
  lastProgressAt: 'project.last_progress_at',
};

interface StageTotals {
  stage: ProjectStatus;
  count: string;
  total: string | null;
  contracted: string | null;
}

export type NewProject = Omit<CreateProjectDto, 'ownerId'> & {
  ownerId: string;
  teamId: string | null;
  leadId?: string | null;
};

/** The pipeline: projects, their stage moves with evidence, history and the board. */
@Injectable()
export class ProjectsService {
  /** A project as JSON, made by PostgreSQL (projectJsonFields), and a board card. */
  private readonly itemSql: string;
  private readonly detailItemSql: string;
  private readonly cardSql: string;
  /** The detail's SQL, made once by the query builder (see detail). */
  private detailSql?: string;

  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(crmConfig.KEY) private readonly config: CrmConfig,
    private readonly activities: ActivitiesService,
    private readonly audit: AuditService,
    private readonly chains: ChainsService,
  ) {
    const fields = projectJsonFields(config.stalledDays);
    this.itemSql = jsonObjectSql(fields);
    this.detailItemSql = jsonObjectSql(fields, { oneRow: true });
    this.cardSql = jsonObjectSql(Object.fromEntries(BOARD_CARD_FIELDS.map((field) => [field, fields[field]])));
  }

  /** A page of the list as encoded JSON (a Page of ProjectResponseDto), made by keysetJsonPage. */
  list(user: AuthUser, query: ProjectListQueryDto): Promise<Buffer> {
    const sort = parseSort(query.sort, PROJECT_SORTABLE, { field: 'updatedAt', direction: 'desc' });
    return keysetJsonPage(this.listQuery(user, query), {
      alias: 'project',
      sort,
      column: COLUMN[sort.field],
      item: this.itemSql,
      nullable: ['totalInvestmentWan', 'contractedWan'].includes(sort.field),
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  /** The list's rows as a query, before order and paging: exports stream exactly these. */
  listQuery(user: AuthUser, query: ProjectListQueryDto): SelectQueryBuilder<Project> {
    const qb = this.baseQuery(user);
    if (query.deleted) {
      if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
      qb.withDeleted().andWhere('project.deleted_at IS NOT NULL');
    }
    return this.applyFilters(qb, query);
  }

  /**
   * Columns by stage with counts and sums over every matching project, and the latest cards of
   * each: the totals in one query, every column's cards in one more (a LATERAL read per stage, each
   * a short walk down the stage's index). The cards are JSON made by PostgreSQL, and so is the
   * answer: `{ columns: BoardColumnDto[] }`, encoded by jsonBuffer.
   */
  async board(user: AuthUser, query: BoardQueryDto): Promise<Buffer> {
    const perColumn = query.perColumn ?? 30;
    const totals = await this.boardTotals(user, query);
    const byStage = new Map(totals.map((t) => [t.stage, t]));
    const filled = PROJECT_STATUSES.filter((stage) => Number(byStage.get(stage)?.count ?? 0) > 0);
    const [cardsSql, params] = queryAndParameters(
      this.applyFilters(this.baseQuery(user), query)
        .select(`${this.cardSql}::text`, 'item')
        .andWhere('project.stage = s.stage')
        .orderBy('project.updated_at', 'DESC')
        .addOrderBy('project.id', 'DESC')
        .limit(perColumn),
    );
    const cards: Array<{ stage: ProjectStatus; item: string }> = filled.length
      ? await this.dataSource.query(
          `SELECT s.stage, card.item FROM unnest($${params.length + 1}::project_stage[]) AS s(stage) CROSS JOIN LATERAL (${cardsSql}) card`,
          [...params, filled],
        )
      : [];
    const pieces = ['{"columns":['];
    PROJECT_STATUSES.forEach((stage, i) => {
      const t = byStage.get(stage);
      const head: Omit<BoardColumnDto, 'items'> = {
        stage,
        count: Number(t?.count ?? 0),
        totalInvestmentWan: Number(t?.total ?? 0),
        contractedWan: Number(t?.contracted ?? 0),
      };
      const items = cards.filter((c) => c.stage === stage).map((c) => c.item);
      pieces.push(i > 0 ? ',' : '', `${JSON.stringify(head).slice(0, -1)},"items":`);
      arrayPieces(items, pieces).push('}');
    });
    pieces.push(']}');
    return jsonBuffer(pieces);
  }

  /**
   * Count and sums per stage. Leaders looking at all projects, or one team's, read the totals the
   * database keeps per team and stage (migration ProjectStageTotals); narrower views sum their rows.
   */
  private async boardTotals(user: AuthUser, query: BoardQueryDto): Promise<StageTotals[]> {
    const narrowed = query.ownerId || query.chainNode || query.isKey !== undefined || query.q;
    if (seesAllTeams(user) && !narrowed) {
      return this.dataSource.query(
        `SELECT stage, sum(count) AS count, sum(total_investment_wan) AS total, sum(contracted_wan) AS contracted
           FROM project_stage_totals ${query.teamId ? 'WHERE team_key = $1' : ''} GROUP BY stage`,
        query.teamId ? [query.teamId] : [],
      );
    }
    const totalsQuery = this.dataSource.getRepository(Project).createQueryBuilder('project');
    scopeQuery(totalsQuery, user, 'project', 'project');
    this.applyFilters(totalsQuery, query);
    return totalsQuery
      .select('project.stage', 'stage')
      .addSelect('count(*)', 'count')
      .addSelect('sum(project.total_investment_wan)', 'total')
      .addSelect('sum(project.contracted_wan)', 'contracted')
      .groupBy('project.stage')
      .getRawMany();
  }

  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Project> {
    const project = await manager
      .getRepository(Project)
      .createQueryBuilder('project')
      .leftJoin('project.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .leftJoin('project.owner', 'owner')
      .addSelect(['owner.id', 'owner.displayName'])
      .leftJoin('project.responsibleLeader', 'leader')
      .addSelect(['leader.id', 'leader.displayName'])
      .where('project.id = :id', { id })
      .getOne();
    if (!project || !isOwnerLevel(user, project)) throw ApiError.notFound('项目');
    return project;
  }

  async create(actor: AuthUser, dto: CreateProjectDto): Promise<Project> {
    const owner = await this.access.requireOwner(actor, 'ownerId', dto.ownerId, 'by_leader');
    await this.access.requireReference(actor, 'sourceRefId', SOURCE_REF_KINDS, dto.sourceRefId);
    await this.access.requireReference(actor, 'companyId', 'company', dto.companyId);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.createInTransaction(manager, actor, {
        ...dto,
        ownerId: owner.id,
        teamId: owner.teamId,
      });
      return this.get(actor, project.id, manager);
    });
  }

  /** Used by lead conversion and imports: creates the project, its first history row and timeline entry. */
  async createInTransaction(manager: EntityManager, actor: AuthUser, input: NewProject): Promise<Project> {
    await this.assertReferences(manager, input);
    const project = await manager.save(
      manager.create(Project, { ...input, stage: 'negotiating', lastProgressAt: new Date() }),
    );
    await manager.insert(ProjectStageChange, {
      projectId: project.id,
      fromStage: null,
      toStage: 'negotiating',
      actorId: actor.id,
      actorName: actor.displayName,
      note: input.leadId ? '由线索转为项目' : '新建项目',
    });
    await this.activities.record(manager, {
      subjectType: 'project',
      subjectId: project.id,
      kind: 'stage_change',
      summary: input.leadId ? '线索转为项目，进入「在谈」' : '新建项目，进入「在谈」',
      teamId: project.teamId,
      actor,
      meta: { from: null, to: 'negotiating' },
    });
    await this.audit.record(manager, actor, {
      entity: 'project',
      entityId: project.id,
      action: 'create',
      after: project,
    });
    return project;
  }

  async update(actor: AuthUser, id: string, dto: UpdateProjectDto): Promise<Project> {
    const before = await this.get(actor, id);
    const changes = changesOf(dto);
    if (dto.ownerId && dto.ownerId !== before.ownerId) {
      const owner = await this.access.requireOwner(actor, 'ownerId', dto.ownerId, 'by_leader');
      Object.assign(changes, { teamId: owner.teamId });
    }
    await this.access.requireReference(actor, 'companyId', 'company', dto.companyId);
    return this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, dto);
      await updateVersioned(manager, Project, id, dto.version, changes);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'project',
        entityId: id,
        action: 'update',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  /**
   * Moves the project to another stage if the rules allow: evidence for every stage reached or
   * skipped, a leader and a reason for moving back or reviving, a reason for holding or dropping.
   * The stage, its evidence, a history row, a timeline entry and the audit commit together.
   */
  async transition(actor: AuthUser, id: string, dto: TransitionDto): Promise<Project> {
    const before = await this.get(actor, id);
    const evidence = {
      signedAt: dto.signedAt ?? before.signedAt,
      contractedWan: dto.contractedWan ?? before.contractedWan,
      localUscc: dto.localUscc ?? before.localUscc,
      startedAt: dto.startedAt ?? before.startedAt,
      producingAt: dto.producingAt ?? before.producingAt,
    };
    const verdict = judgeTransition(before.stage, dto.to, evidence, before.heldStage);
    if (!verdict.ok) {
      throw ApiError.rule(
        verdict.message,
        verdict.missing?.map((field) => ({ field, message: '缺少此项' })),
      );
    }
    if (verdict.needsLeader && !seesAllTeams(actor)) {
      throw ApiError.forbidden(verdict.kind === 'revive' ? '恢复已终止的项目需由领导操作' : '项目阶段回退需由领导操作');
    }
    if (verdict.needsReason && !dto.reason) {
      throw ApiError.rule('请填写原因', [{ field: 'reason', message: '此操作需要填写原因' }]);
    }
    const heldStage =
      dto.to === 'on_hold' || dto.to === 'lost' ? (isStage(before.stage) ? before.stage : before.heldStage) : null;
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Project, id, dto.version, {
        stage: dto.to,
        heldStage,
        signedAt: evidence.signedAt,
        contractedWan: evidence.contractedWan,
        localUscc: evidence.localUscc,
        startedAt: evidence.startedAt,
        producingAt: evidence.producingAt,
        lastProgressAt: new Date(),
      });
      const given = Object.fromEntries(
        Object.entries({
          signedAt: dto.signedAt,
          contractedWan: dto.contractedWan,
          localUscc: dto.localUscc,
          startedAt: dto.startedAt,
          producingAt: dto.producingAt,
        }).filter(([, v]) => v !== undefined),
      );
      await manager.insert(ProjectStageChange, {
        projectId: id,
        fromStage: before.stage,
        toStage: dto.to,
        actorId: actor.id,
        actorName: actor.displayName,
        note: dto.note ?? null,
        reason: dto.reason ?? null,
        evidence: Object.keys(given).length ? given : null,
      });
      await this.activities.record(manager, {
        subjectType: 'project',
        subjectId: id,
        kind: 'stage_change',
        summary: `阶段变更：${PROJECT_STATUS_LABELS[before.stage]} → ${PROJECT_STATUS_LABELS[dto.to]}${dto.reason ? `（原因：${dto.reason}）` : ''}${dto.note ? `；${dto.note}` : ''}`,
        teamId: before.teamId,
        actor,
        meta: { from: before.stage, to: dto.to, ...given },
      });
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'project',
        entityId: id,
        action: 'transition',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  /**
   * One project as the API shows it, as JSON text made by PostgreSQL (a ProjectResponseDto). The
   * hottest read: its SQL is made by the query builder once and then sent as is.
   */
  async detail(user: AuthUser, id: string): Promise<string> {
    this.detailSql ??= selectColumns(
      this.dataSource
        .getRepository(Project)
        .createQueryBuilder('project')
        .leftJoin('project.company', 'company')
        .leftJoin('project.owner', 'owner')
        .leftJoin('project.responsibleLeader', 'leader')
        .where('project.id = :id', { id }),
      { item: `${this.detailItemSql}::text`, ownerId: 'project.owner_id', teamId: 'project.team_id' },
    ).getQueryAndParameters()[0];
    const [row] = (await this.dataSource.query(this.detailSql, [id])) as Array<{
      item: string;
      ownerId: string;
      teamId: string | null;
    }>;
    if (!row || !isOwnerLevel(user, row)) throw ApiError.notFound('项目');
    return row.item;
  }

  /** The project's stage moves, oldest first, with whose the project is (for the 404) on every row: one round trip. */
  async history(actor: AuthUser, id: string): Promise<ProjectStageChangeDto[]> {
    const rows: Array<Record<string, unknown> & { at: Date | null; ownerId: string; teamId: string | null }> =
      await this.dataSource.query(
        `SELECT p.owner_id AS "ownerId", p.team_id AS "teamId", c.id, c.project_id AS "projectId",
                c.from_stage AS "fromStage", c.to_stage AS "toStage", c.at, c.actor_id AS "actorId",
                c.actor_name AS "actorName", c.note, c.reason, c.evidence
           FROM projects p LEFT JOIN project_stage_changes c ON c.project_id = p.id
          WHERE p.id = $1 AND p.deleted_at IS NULL
          ORDER BY c.at, c.id`,
        [id],
      );
    if (!rows.length || !isOwnerLevel(actor, rows[0])) throw ApiError.notFound('项目');
    return rows
      .filter((r) => r.at !== null)
      .map(
        ({ ownerId: _owner, teamId: _team, at, ...r }) => ({ ...r, at: at!.toISOString() }) as ProjectStageChangeDto,
      );
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const before = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(Project, { id });
      await this.audit.record(manager, actor, {
        entity: 'project',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  async restore(actor: AuthUser, id: string): Promise<Project> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Project, { where: { id }, withDeleted: true });
      if (!found?.deletedAt) throw ApiError.notFound('已删除的项目');
      await manager.restore(Project, { id });
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'project',
        entityId: id,
        action: 'restore',
        after: strip(after),
      });
      return after;
    });
  }

  toDto(p: Project): ProjectResponseDto {
    return {
      id: p.id,
      name: p.name,
      codeName: p.codeName,
      isConfidential: p.isConfidential,
      companyId: p.companyId,
      companyName: p.company?.name ?? null,
      leadId: p.leadId,
      leadSource: p.leadSource,
      sourceRefId: p.sourceRefId,
      stage: p.stage,
      heldStage: p.heldStage,
      ownerId: p.ownerId,
      ownerName: p.owner?.displayName ?? null,
      teamId: p.teamId,
      responsibleLeaderId: p.responsibleLeaderId,
      responsibleLeaderName: p.responsibleLeader?.displayName ?? null,
      isKey: p.isKey,
      capitalOrigin: p.capitalOrigin,
      capitalSource: p.capitalSource,
      totalInvestmentWan: p.totalInvestmentWan,
      fixedAssetWan: p.fixedAssetWan,
      contractedWan: p.contractedWan,
      paidInWan: p.paidInWan,
      projectedJobs: p.projectedJobs,
      contractedJobs: p.contractedJobs,
      actualJobs: p.actualJobs,
      landMu: p.landMu,
      factoryAreaM2: p.factoryAreaM2,
      expectedOutputWan: p.expectedOutputWan,
      expectedTaxWan: p.expectedTaxWan,
      chainNodeIds: p.chainNodeIds,
      signedAt: p.signedAt,
      localUscc: p.localUscc,
      startedAt: p.startedAt,
      producingAt: p.producingAt,
      lastProgressAt: p.lastProgressAt.toISOString(),
      stalled: isStalled(p.stage, p.lastProgressAt, new Date(), this.config.stalledDays),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
    };
  }

  private baseQuery(user: AuthUser): SelectQueryBuilder<Project> {
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('project')
      .leftJoin('project.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .leftJoin('project.owner', 'owner')
      .addSelect(['owner.id', 'owner.displayName'])
      .leftJoin('project.responsibleLeader', 'leader')
      .addSelect(['leader.id', 'leader.displayName']);
    scopeQuery(qb, user, 'project', 'project');
    return qb;
  }

  private applyFilters(
    qb: SelectQueryBuilder<Project>,
    query: ProjectListQueryDto | BoardQueryDto,
  ): SelectQueryBuilder<Project> {
    const q = query as ProjectListQueryDto;
    if (q.q) whereNameContains(qb, 'project', q.q);
    if (q.stage) qb.andWhere('project.stage = :stageFilter', { stageFilter: q.stage });
    if (q.teamId) qb.andWhere('project.team_id = :teamId', { teamId: q.teamId });
    if (q.ownerId) qb.andWhere('project.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.responsibleLeaderId)
      qb.andWhere('project.responsible_leader_id = :leaderId', { leaderId: q.responsibleLeaderId });
    if (q.companyId) qb.andWhere('project.company_id = :companyId', { companyId: q.companyId });
    if (q.chainNode) qb.andWhere('project.chain_node_ids @> ARRAY[:chainNode]::uuid[]', { chainNode: q.chainNode });
    if (q.sourceRefId) qb.andWhere('project.source_ref_id = :sourceRefId', { sourceRefId: q.sourceRefId });
    if (q.leadSource) qb.andWhere('project.lead_source = :leadSource', { leadSource: q.leadSource });
    if (q.isKey !== undefined) qb.andWhere('project.is_key = :isKey', { isKey: q.isKey });
    if (q.capitalOrigin) qb.andWhere('project.capital_origin = :capitalOrigin', { capitalOrigin: q.capitalOrigin });
    if (q.from) qb.andWhere('project.created_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('project.created_at < :to', { to: q.to });
    if (q.reachedStage || q.reachedFrom || q.reachedTo) {
      if (!q.reachedStage) throw ApiError.field('reachedStage', 'reachedFrom/reachedTo 须与 reachedStage 一起使用');
      // The first move into this stage or a later one (a skip counts), dated by the stage history (docs/metrics.md).
      const having = ['true'];
      if (q.reachedFrom) having.push('min(c.at) >= :reachedFrom');
      if (q.reachedTo) having.push('min(c.at) < :reachedTo');
      qb.andWhere(
        `project.id IN (SELECT c.project_id FROM project_stage_changes c WHERE c.to_stage::text IN (:...reachedStages) GROUP BY c.project_id HAVING ${having.join(' AND ')})`,
        {
          reachedStages: PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(q.reachedStage)),
          reachedFrom: q.reachedFrom,
          reachedTo: q.reachedTo,
        },
      );
    }
    if (q.stalled !== undefined) {
      const stalled = stalledSql(this.config.stalledDays);
      qb.andWhere(q.stalled ? stalled : `NOT ${stalled}`);
    }
    return qb;
  }

  private async assertReferences(
    manager: EntityManager,
    dto: { companyId?: string | null; responsibleLeaderId?: string | null; chainNodeIds?: string[] },
  ): Promise<void> {
    if (dto.companyId && !(await manager.existsBy(Company, { id: dto.companyId })))
      throw ApiError.field('companyId', '企业不存在');
    if (dto.responsibleLeaderId) {
      const leader = await manager.findOneBy(User, { id: dto.responsibleLeaderId });
      if (!leader || leader.role === 'staff') throw ApiError.field('responsibleLeaderId', '包保领导须为领导或管理员');
    }
    await this.chains.assertNodesExist(dto.chainNodeIds, 'chainNodeIds', manager);
  }
}

/** Joined display relations are not part of the record's own history. */
function strip(project: Project): Partial<Project> {
  const { company: _c, owner: _o, responsibleLeader: _l, ...own } = project;
  return own;
}
