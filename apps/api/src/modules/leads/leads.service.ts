import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeadSource } from '@lianqiao/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isOwnerLevel } from '@lianqiao/domain';
import { AccessPolicy, scopeQuery, SOURCE_REF_KINDS } from '../../common/auth/access';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { keysetJsonPage } from '../../common/pagination/keyset';
import { isoSql, jsonObjectSql } from '../../common/persistence/select-sql';
import { whereNameContains } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { ActivitiesService } from '../activities/activities.service';
import { AuditService } from '../audit/audit.service';
import { ChainsService } from '../chains/chains.service';
import { Company } from '../companies/company.entity';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { ConvertLeadDto, CreateLeadDto, LEAD_SORTABLE, LeadListQueryDto, UpdateLeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';

const COLUMN: Record<(typeof LEAD_SORTABLE)[number], string> = {
  createdAt: 'lead.created_at',
  updatedAt: 'lead.updated_at',
  name: 'lead.name',
  estimatedWan: 'lead.estimated_wan',
  nextFollowUpAt: 'lead.next_follow_up_at',
};

/** A list item as PostgreSQL makes it: the fields of LeadResponseDto.from, in its order. */
const LEAD_ITEM = jsonObjectSql({
  id: 'lead.id',
  name: 'lead.name',
  companyId: 'lead.company_id',
  companyName: 'company.name',
  source: 'lead.source',
  sourceRefId: 'lead.source_ref_id',
  status: 'lead.status',
  invalidReason: 'lead.invalid_reason',
  ownerId: 'lead.owner_id',
  ownerName: 'owner.display_name',
  teamId: 'lead.team_id',
  estimatedWan: 'lead.estimated_wan',
  chainNodeIds: 'lead.chain_node_ids',
  nextFollowUpAt: isoSql('lead.next_follow_up_at'),
  contactName: 'lead.contact_name',
  contactMobile: 'lead.contact_mobile',
  notes: 'lead.notes',
  projectId: 'lead.project_id',
  firstResponseAt: isoSql('lead.first_response_at'),
  createdAt: isoSql('lead.created_at'),
  updatedAt: isoSql('lead.updated_at'),
  version: 'lead.version',
});

/** What other features (cards, roadshows, delegations, imports) give to create a lead. */
export interface NewLead {
  name: string;
  source: LeadSource;
  ownerId: string;
  teamId: string | null;
  companyId?: string | null;
  sourceRefId?: string | null;
  estimatedWan?: number | null;
  chainNodeIds?: string[];
  nextFollowUpAt?: Date | null;
  contactName?: string | null;
  contactMobile?: string | null;
  notes?: string | null;
}

@Injectable()
export class LeadsService {
  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly projects: ProjectsService,
    private readonly chains: ChainsService,
    private readonly audit: AuditService,
  ) {}

  /** A page of the list as encoded JSON (a Page of LeadResponseDto), made by keysetJsonPage. */
  list(user: AuthUser, query: LeadListQueryDto): Promise<Buffer> {
    const sort = parseSort(query.sort, LEAD_SORTABLE, { field: 'createdAt', direction: 'desc' });
    return keysetJsonPage(this.listQuery(user, query), {
      alias: 'lead',
      sort,
      column: COLUMN[sort.field],
      item: LEAD_ITEM,
      nullable: ['estimatedWan', 'nextFollowUpAt'].includes(sort.field),
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  /** The list's rows as a query, before order and paging: exports stream exactly these. */
  listQuery(user: AuthUser, query: LeadListQueryDto): SelectQueryBuilder<Lead> {
    const qb = this.baseQuery(user);
    if (query.deleted) {
      if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
      qb.withDeleted().andWhere('lead.deleted_at IS NOT NULL');
    }
    this.applyFilters(qb, query);
    return qb;
  }

  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Lead> {
    const lead = await this.baseQuery(null, manager).where('lead.id = :id', { id }).getOne();
    if (!lead || !isOwnerLevel(user, lead)) throw ApiError.notFound('线索');
    return lead;
  }

  async create(actor: AuthUser, dto: CreateLeadDto): Promise<Lead> {
    const { acknowledgeCollision, ownerId, ...fields } = dto;
    const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate');
    await this.access.requireReference(actor, 'sourceRefId', SOURCE_REF_KINDS, fields.sourceRefId);
    await this.access.requireReference(actor, 'companyId', 'company', fields.companyId);
    if (fields.companyId && !acknowledgeCollision) await this.assertNoCollision(fields.companyId, owner.teamId);
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.createInTransaction(manager, actor, {
        ...fields,
        ownerId: owner.id,
        teamId: owner.teamId,
        nextFollowUpAt: fields.nextFollowUpAt ? new Date(fields.nextFollowUpAt) : null,
      });
      return this.get(actor, lead.id, manager);
    });
  }

  /** Creates a lead inside the caller's transaction (`actor` null for the public card form). */
  async createInTransaction(manager: EntityManager, actor: AuthUser | null, input: NewLead): Promise<Lead> {
    if (input.companyId && !(await manager.existsBy(Company, { id: input.companyId }))) {
      throw ApiError.field('companyId', '企业不存在');
    }
    await this.chains.assertNodesExist(input.chainNodeIds, 'chainNodeIds', manager);
    const lead = await manager.save(manager.create(Lead, { ...input, status: 'new' }));
    await this.audit.record(manager, actor, { entity: 'lead', entityId: lead.id, action: 'create', after: lead });
    return lead;
  }

  async update(actor: AuthUser, id: string, dto: UpdateLeadDto): Promise<Lead> {
    const before = await this.get(actor, id);
    if (before.status === 'converted') throw ApiError.rule('已转为项目的线索不能再修改，请在项目中继续');
    const changes: Record<string, unknown> = changesOf(dto);
    if (dto.status === 'invalid' && !(dto.invalidReason ?? before.invalidReason)) {
      throw ApiError.field('invalidReason', '标记为无效时须填写原因');
    }
    if (dto.status && dto.status !== 'invalid') changes.invalidReason = null;
    if (dto.ownerId && dto.ownerId !== before.ownerId)
      changes.teamId = (await this.access.requireOwner(actor, 'ownerId', dto.ownerId, 'to_teammate')).teamId;
    await this.access.requireReference(actor, 'companyId', 'company', dto.companyId);
    await this.chains.assertNodesExist(dto.chainNodeIds);
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Lead, id, dto.version, changes);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'lead',
        entityId: id,
        action: 'update',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  /**
   * A qualified lead becomes a project that keeps its source and source link, so that a signed
   * deal traces back to the roadshow, trip or QR scan that found it.
   */
  async convert(actor: AuthUser, id: string, dto: ConvertLeadDto): Promise<Project> {
    const lead = await this.get(actor, id);
    if (lead.status === 'converted') throw ApiError.rule('该线索已转为项目');
    if (lead.status !== 'qualified')
      throw ApiError.rule('只有「意向明确」的线索可以转为项目', [{ field: 'status', message: '须为 qualified' }]);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.createInTransaction(manager, actor, {
        name: dto.name ?? lead.name,
        companyId: lead.companyId,
        leadId: lead.id,
        leadSource: lead.source,
        sourceRefId: lead.sourceRefId,
        ownerId: lead.ownerId,
        teamId: lead.teamId,
        chainNodeIds: lead.chainNodeIds,
        totalInvestmentWan: dto.totalInvestmentWan ?? lead.estimatedWan,
        responsibleLeaderId: dto.responsibleLeaderId ?? null,
        isKey: dto.isKey ?? false,
      });
      await updateVersioned(manager, Lead, id, dto.version, { status: 'converted', projectId: project.id });
      await this.activities.record(manager, {
        subjectType: 'lead',
        subjectId: id,
        kind: 'stage_change',
        summary: `线索已转为项目「${project.name}」`,
        teamId: lead.teamId,
        actor,
        meta: { projectId: project.id },
      });
      await this.audit.record(manager, actor, {
        entity: 'lead',
        entityId: id,
        action: 'convert',
        before: strip(lead),
        after: { ...strip(lead), status: 'converted', projectId: project.id },
      });
      return this.projects.get(actor, project.id, manager);
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const before = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(Lead, { id });
      await this.audit.record(manager, actor, {
        entity: 'lead',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  async restore(actor: AuthUser, id: string): Promise<Lead> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Lead, { where: { id }, withDeleted: true });
      if (!found?.deletedAt) throw ApiError.notFound('已删除的线索');
      await manager.restore(Lead, { id });
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, { entity: 'lead', entityId: id, action: 'restore', after: strip(after) });
      return after;
    });
  }

  /** Leads the caller must follow up today or earlier (the staff home page). */
  overdue(user: AuthUser, limit = 50): Promise<Lead[]> {
    return this.baseQuery(null)
      .where('lead.owner_id = :me', { me: user.id })
      .andWhere(`lead.status IN ('new', 'following', 'qualified')`)
      .andWhere('lead.next_follow_up_at < now()')
      .orderBy('lead.next_follow_up_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** 撞单: another team already holds a lead or project on this company. */
  private async assertNoCollision(companyId: string, teamId: string | null): Promise<void> {
    const rows: Array<{ team_name: string | null }> = await this.dataSource.query(
      `SELECT DISTINCT t.name AS team_name FROM (
         SELECT team_id FROM leads WHERE company_id = $1 AND deleted_at IS NULL AND status NOT IN ('invalid')
         UNION SELECT team_id FROM projects WHERE company_id = $1 AND deleted_at IS NULL AND stage <> 'lost'
       ) w LEFT JOIN teams t ON t.id = w.team_id
       WHERE w.team_id IS DISTINCT FROM $2`,
      [companyId, teamId],
    );
    if (rows.length > 0) {
      const teams = rows.map((r) => r.team_name ?? '未分配专班').join('、');
      throw ApiError.conflict(`该企业已有其他专班在跟进：${teams}。请先沟通，确认后可继续创建`, [
        { field: 'companyId', message: `已由 ${teams} 跟进` },
      ]);
    }
  }

  private baseQuery(user: AuthUser | null, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Lead> {
    const qb = manager
      .getRepository(Lead)
      .createQueryBuilder('lead')
      .leftJoin('lead.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .leftJoin('lead.owner', 'owner')
      .addSelect(['owner.id', 'owner.displayName']);
    if (user) scopeQuery(qb, user, 'lead', 'lead');
    return qb;
  }

  private applyFilters(qb: SelectQueryBuilder<Lead>, query: LeadListQueryDto): void {
    if (query.q) whereNameContains(qb, 'lead', query.q);
    if (query.status) qb.andWhere('lead.status = :status', { status: query.status });
    if (query.source?.length) qb.andWhere('lead.source IN (:...sources)', { sources: query.source });
    if (query.sourceRefId) qb.andWhere('lead.source_ref_id = :sourceRefId', { sourceRefId: query.sourceRefId });
    if (query.chainNode)
      qb.andWhere('lead.chain_node_ids @> ARRAY[:chainNode]::uuid[]', { chainNode: query.chainNode });
    if (query.ownerId) qb.andWhere('lead.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.teamId) qb.andWhere('lead.team_id = :teamId', { teamId: query.teamId });
    if (query.companyId) qb.andWhere('lead.company_id = :companyId', { companyId: query.companyId });
    if (query.from) qb.andWhere('lead.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('lead.created_at < :to', { to: query.to });
    if (query.responded !== undefined) qb.andWhere(`lead.first_response_at IS ${query.responded ? 'NOT ' : ''}NULL`);
    if (query.overdue) {
      qb.andWhere(`lead.next_follow_up_at < now() AND lead.status IN ('new', 'following', 'qualified')`);
    }
  }
}

function strip(lead: Lead): Partial<Lead> {
  const { company: _c, owner: _o, ...own } = lead;
  return own;
}
