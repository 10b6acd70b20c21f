import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DELEGATION_SORTABLE,
  type DelegationDirection,
  type DelegationSortField,
  type Page,
} from '@lianqiao/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { escapeLike } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { chinaDateOf, chinaDayStart, nextDay } from '../attribution/event-dates';
import { rawKeysetPage, SqlParams } from '../../common/pagination/raw-keyset';
import { SourceLeadsService } from '../attribution/source-leads.service';
import {
  leadYieldLateral,
  projectYieldLateral,
  YIELD_COLUMNS,
  yieldCountsOf,
  type YieldRow,
} from '../attribution/yield-sql';
import { isOnDelegation } from '@lianqiao/domain';
import { AccessPolicy, scopeQuery, visibleSql } from '../../common/auth/access';
import { AuditService } from '../audit/audit.service';
import { CompaniesService } from '../companies/companies.service';
import { assertRange } from '../roadshows/roadshows.service';
import { CalendarEventResponseDto, CalendarQueryDto } from '../roadshows/dto/roadshow.dto';
import { User } from '../users/user.entity';
import { DelegationVisit } from './delegation-visit.entity';
import { Delegation } from './delegation.entity';
import {
  CreateDelegationDto,
  DelegationListItemResponseDto,
  DelegationListQueryDto,
  DelegationResponseDto,
  ItineraryTouchResponseDto,
  UpdateDelegationDto,
  UserRefResponseDto,
} from './dto/delegation.dto';

const SORT_COLUMN: Record<DelegationSortField, string> = {
  startsOn: 'starts_on',
  createdAt: 'created_at',
  name: 'name',
  visits: 'visits',
  leads: 'leads',
  qualifiedLeads: 'qualified_leads',
  projects: 'projects',
  signedProjects: 'signed_projects',
  contractedWan: 'contracted_wan',
};

export const VISIT_LATERAL = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS visits,
           count(v.summary)::int AS recorded_visits,
           count(DISTINCT v.company_id)::int AS companies
      FROM delegation_visits v
     WHERE v.delegation_id = d.id AND v.deleted_at IS NULL
  ) vy ON true`;

/** Members and leader with their names, as JSON, in memberIds' order. */
const PEOPLE_COLUMNS = `
  (SELECT coalesce(json_agg(json_build_object('id', m.id, 'displayName', m.display_name)
                            ORDER BY array_position(d.member_ids, m.id)), '[]'::json)
     FROM users m WHERE m.id = ANY(d.member_ids)) AS members,
  (SELECT json_build_object('id', l.id, 'displayName', l.display_name) FROM users l WHERE l.id = d.leader_id) AS leader`;

interface DelegationRow extends YieldRow {
  id: string;
  direction: DelegationDirection;
  name: string;
  cities: string[];
  starts_on: string;
  ends_on: string;
  member_ids: string[];
  members: UserRefResponseDto[];
  leader_id: string | null;
  leader: UserRefResponseDto | null;
  purpose: string | null;
  owner_id: string;
  owner_name: string | null;
  team_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  visits: number;
  recorded_visits: number;
  companies: number;
}

/**
 * Delegations: outbound trips (走出去) and inbound receptions (请进来). Staff see their own, their
 * team's, and the trips they go on (as a member or the leading official); leaders and admins all.
 */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sourceLeads: SourceLeadsService,
    private readonly companies: CompaniesService,
    private readonly access: AccessPolicy,
  ) {}

  list(user: AuthUser, query: DelegationListQueryDto): Promise<Page<DelegationListItemResponseDto>> {
    const sort = parseSort(query.sort, DELEGATION_SORTABLE, { field: 'startsOn', direction: 'desc' });
    const sql = new SqlParams();
    const where: string[] = [];
    if (query.deleted) {
      if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
      where.push('d.deleted_at IS NOT NULL');
    } else {
      where.push('d.deleted_at IS NULL');
    }
    const visible = visibleSql(user, 'delegation', 'd', (value) => sql.param(value));
    if (visible) where.push(visible);
    if (query.q?.trim()) where.push(`d.name ILIKE ${sql.param(`%${escapeLike(query.q.trim())}%`)}`);
    if (query.direction) where.push(`d.direction = ${sql.param(query.direction)}`);
    if (query.city) where.push(`d.cities @> ARRAY[${sql.param(query.city)}]::text[]`);
    if (query.from) where.push(`d.ends_on >= ${sql.param(query.from)}::date`);
    if (query.to) where.push(`d.starts_on <= ${sql.param(query.to)}::date`);
    if (query.memberId) {
      const member = sql.param(query.memberId);
      where.push(`(${member} = ANY(d.member_ids) OR d.leader_id = ${member})`);
    }
    if (query.ownerId) where.push(`d.owner_id = ${sql.param(query.ownerId)}`);
    if (query.teamId) where.push(`d.team_id = ${sql.param(query.teamId)}`);
    const whereSql = where.join(' AND ');
    return rawKeysetPage<DelegationRow, DelegationListItemResponseDto>(this.dataSource.manager, {
      inner: `SELECT d.id, d.direction, d.name, d.cities, d.starts_on::text AS starts_on, d.ends_on::text AS ends_on,
                     d.member_ids, d.leader_id, d.purpose, d.owner_id, o.display_name AS owner_name, d.team_id,
                     d.created_at, d.updated_at, d.version, ${PEOPLE_COLUMNS},
                     vy.visits, vy.recorded_visits, vy.companies, ${YIELD_COLUMNS}
                FROM delegations d
                LEFT JOIN users o ON o.id = d.owner_id
                ${VISIT_LATERAL}
                ${leadYieldLateral('delegation', 'd')}
                ${projectYieldLateral('delegation', 'd')}
               WHERE ${whereSql}`,
      count: `SELECT count(*)::int AS total FROM delegations d WHERE ${whereSql}`,
      params: sql,
      column: SORT_COLUMN[sort.field],
      direction: sort.direction,
      limit: query.limit,
      cursor: query.cursor,
      map: (row) => ({
        ...fromRow(row),
        yield: {
          visits: row.visits,
          recordedVisits: row.recorded_visits,
          companies: row.companies,
          ...yieldCountsOf(row),
        },
      }),
    });
  }

  /** A live delegation the caller may see; 404 otherwise. */
  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Delegation> {
    const delegation = await manager
      .getRepository(Delegation)
      .createQueryBuilder('delegation')
      .leftJoin('delegation.owner', 'owner')
      .addSelect(['owner.id', 'owner.displayName'])
      .leftJoin('delegation.leader', 'leader')
      .addSelect(['leader.id', 'leader.displayName'])
      .where('delegation.id = :id', { id })
      .getOne();
    if (!delegation || !isOnDelegation(user, delegation)) throw ApiError.notFound('招商小分队');
    return delegation;
  }

  async detail(
    user: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DelegationResponseDto> {
    const delegation = await this.get(user, id, manager);
    return this.toDto(delegation, manager);
  }

  async toDto(d: Delegation, manager: EntityManager = this.dataSource.manager): Promise<DelegationResponseDto> {
    const users = d.memberIds.length
      ? await manager.find(User, { where: { id: In(d.memberIds) }, withDeleted: true })
      : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return {
      id: d.id,
      direction: d.direction,
      name: d.name,
      cities: d.cities,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      memberIds: d.memberIds,
      members: d.memberIds.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id) ?? null })),
      leaderId: d.leaderId,
      leader: d.leader ? { id: d.leader.id, displayName: d.leader.displayName } : null,
      purpose: d.purpose,
      ownerId: d.ownerId,
      ownerName: d.owner?.displayName ?? null,
      teamId: d.teamId,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      version: d.version,
    };
  }

  async create(actor: AuthUser, dto: CreateDelegationDto): Promise<Delegation> {
    const { ownerId, ...fields } = dto;
    assertEndsOnOrAfter(fields.startsOn, fields.endsOn);
    return this.dataSource.transaction(async (manager) => {
      await this.assertPeople(manager, fields);
      const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate', manager);
      const delegation = await manager.save(
        manager.create(Delegation, { ...fields, ownerId: owner.id, teamId: owner.teamId }),
      );
      await this.audit.record(manager, actor, {
        entity: 'delegation',
        entityId: delegation.id,
        action: 'create',
        after: delegation,
      });
      return this.get(actor, delegation.id, manager);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateDelegationDto): Promise<Delegation> {
    const before = await this.get(actor, id);
    const startsOn = dto.startsOn ?? before.startsOn;
    const endsOn = dto.endsOn ?? before.endsOn;
    assertEndsOnOrAfter(startsOn, endsOn);
    const { ownerId, ...changes } = changesOf(dto);
    return this.dataSource.transaction(async (manager) => {
      await this.assertPeople(manager, dto);
      if (dto.startsOn || dto.endsOn) await this.assertVisitsWithin(manager, id, startsOn, endsOn);
      if (ownerId && ownerId !== before.ownerId) {
        const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate', manager);
        Object.assign(changes, { ownerId: owner.id, teamId: owner.teamId });
      }
      await updateVersioned(manager, Delegation, id, dto.version, changes);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'delegation',
        entityId: id,
        action: 'update',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  /** Soft delete: its visits, their activities and its leads stay. */
  async remove(actor: AuthUser, id: string, version?: number): Promise<void> {
    const before = await this.get(actor, id);
    if (version !== undefined && version !== before.version) throw ApiError.staleVersion();
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .softDelete()
        .from(Delegation)
        .where('id = :id AND version = :version AND deleted_at IS NULL', { id, version: before.version })
        .execute();
      if (!result.affected) throw ApiError.staleVersion();
      await this.audit.record(manager, actor, {
        entity: 'delegation',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  async restore(actor: AuthUser, id: string): Promise<Delegation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Delegation, { where: { id }, withDeleted: true });
      if (!found?.deletedAt) throw ApiError.notFound('已删除的招商小分队');
      await manager.restore(Delegation, { id });
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'delegation',
        entityId: id,
        action: 'restore',
        after: strip(after),
      });
      return after;
    });
  }

  /** Trips overlapping [from, to), as whole China days. */
  async calendar(user: AuthUser, query: CalendarQueryDto): Promise<CalendarEventResponseDto[]> {
    assertRange(query);
    const qb = this.dataSource
      .getRepository(Delegation)
      .createQueryBuilder('delegation')
      .where(`(delegation.starts_on::timestamp AT TIME ZONE 'Asia/Shanghai') < :to`, { to: query.to })
      .andWhere(`((delegation.ends_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') > :from`, { from: query.from })
      .orderBy('delegation.starts_on', 'ASC')
      .addOrderBy('delegation.id', 'ASC')
      .take(2000);
    scopeQuery(qb, user, 'delegation', 'delegation');
    return (await qb.getMany()).map((d) => ({
      kind: 'delegation' as const,
      id: d.id,
      title: d.name,
      start: chinaDayStart(d.startsOn).toISOString(),
      end: chinaDayStart(nextDay(d.endsOn)).toISOString(),
      allDay: true,
      cities: d.cities,
      format: null,
      direction: d.direction,
      teamId: d.teamId,
    }));
  }

  /** Before the trip: for each company on the itinerary, which teams already work it and when. */
  async touches(user: AuthUser, id: string): Promise<ItineraryTouchResponseDto[]> {
    const delegation = await this.get(user, id);
    const visits = await this.dataSource
      .getRepository(DelegationVisit)
      .createQueryBuilder('visit')
      .leftJoin('visit.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .where('visit.delegation_id = :id', { id })
      .orderBy('visit.visited_at', 'ASC')
      .addOrderBy('visit.id', 'ASC')
      .getMany();
    const byCompany = new Map<string, { name: string; visitIds: string[] }>();
    for (const visit of visits) {
      const entry = byCompany.get(visit.companyId) ?? { name: visit.company?.name ?? '', visitIds: [] };
      entry.visitIds.push(visit.id);
      byCompany.set(visit.companyId, entry);
    }
    const result: ItineraryTouchResponseDto[] = [];
    for (const [companyId, entry] of byCompany) {
      const touches = (await this.companies.touches(companyId)).map((t) => ({
        ...t,
        ownTeam: t.teamId === delegation.teamId,
      }));
      result.push({
        companyId,
        companyName: entry.name,
        visitIds: entry.visitIds,
        touches,
        otherTeams: touches.filter((t) => !t.ownTeam).length,
      });
    }
    return result;
  }

  private async assertPeople(
    manager: EntityManager,
    dto: { memberIds?: string[]; leaderId?: string | null },
  ): Promise<void> {
    if (dto.memberIds?.length) {
      const found = await manager.countBy(User, { id: In(dto.memberIds), active: true });
      if (found !== dto.memberIds.length) throw ApiError.field('memberIds', '包含不存在或已停用的用户');
    }
    if (dto.leaderId) {
      const leader = await manager.findOneBy(User, { id: dto.leaderId, active: true });
      if (!leader || leader.role === 'staff') throw ApiError.field('leaderId', '带队领导须为在用的领导或管理员账号');
    }
  }

  /** Moving the trip's dates may not strand a visit outside them: 422 naming the date that would. */
  private async assertVisitsWithin(
    manager: EntityManager,
    id: string,
    startsOn: string,
    endsOn: string,
  ): Promise<void> {
    const visits = await manager.find(DelegationVisit, {
      where: { delegationId: id },
      select: { id: true, visitedAt: true },
    });
    const days = visits.map((v) => chinaDateOf(v.visitedAt)).sort();
    if (days.length && days[0] < startsOn) {
      throw ApiError.rule(`已有 ${days[0]} 的拜访，行程不能晚于该日开始`, [
        { field: 'startsOn', message: `早于已有拜访 ${days[0]}` },
      ]);
    }
    if (days.length && days[days.length - 1] > endsOn) {
      const last = days[days.length - 1];
      throw ApiError.rule(`已有 ${last} 的拜访，行程不能早于该日结束`, [
        { field: 'endsOn', message: `晚于已有拜访 ${last}` },
      ]);
    }
  }
}

function assertEndsOnOrAfter(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw ApiError.field('endsOn', '结束日期不能早于开始日期 (endsOn before startsOn)');
}

function fromRow(r: DelegationRow): DelegationResponseDto {
  return {
    id: r.id,
    direction: r.direction,
    name: r.name,
    cities: r.cities,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    memberIds: r.member_ids,
    members: r.members,
    leaderId: r.leader_id,
    leader: r.leader,
    purpose: r.purpose,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    teamId: r.team_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function strip(delegation: Delegation): Partial<Delegation> {
  const { owner: _o, leader: _l, ...own } = delegation;
  return own;
}
