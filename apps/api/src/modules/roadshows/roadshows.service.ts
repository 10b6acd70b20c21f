import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROADSHOW_SORTABLE, type Page, type RoadshowFormat, type RoadshowSortField } from '@lianqiao/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AccessPolicy, positionalSql, scopeQuery, visibleSql } from '../../common/auth/access';
import { isOwnerLevel } from '@lianqiao/domain';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { escapeLike } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { costPer } from '../attribution/event-dates';
import { rawKeysetPage, SqlParams } from '../../common/pagination/raw-keyset';
import { SourceLeadsService } from '../attribution/source-leads.service';
import {
  leadYieldLateral,
  projectYieldLateral,
  SIGNED_NOW,
  YIELD_COLUMNS,
  yieldCountsOf,
  type YieldRow,
} from '../attribution/yield-sql';
import { AuditService } from '../audit/audit.service';
import { Chain } from '../chains/chain.entity';
import {
  CalendarEventResponseDto,
  CalendarQueryDto,
  CreateRoadshowDto,
  PromoProjectRefResponseDto,
  RoadshowDetailResponseDto,
  RoadshowListItemResponseDto,
  RoadshowListQueryDto,
  RoadshowResponseDto,
  RoadshowYieldResponseDto,
  UpdateRoadshowDto,
} from './dto/roadshow.dto';
import { Roadshow } from './roadshow.entity';

const SORT_COLUMN: Record<RoadshowSortField, string> = {
  startsAt: 'starts_at',
  createdAt: 'created_at',
  name: 'name',
  budgetWan: 'budget_wan',
  attendees: 'attendees',
  checkedIn: 'checked_in',
  leads: 'leads',
  qualifiedLeads: 'qualified_leads',
  projects: 'projects',
  signedProjects: 'signed_projects',
  contractedWan: 'contracted_wan',
};

const ATTENDANCE_LATERAL = `LEFT JOIN LATERAL (
    SELECT (count(*) FILTER (WHERE a.status <> 'declined'))::int AS attendees,
           count(a.checked_in_at)::int AS checked_in,
           count(*)::int AS invited,
           (count(*) FILTER (WHERE a.status = 'declined'))::int AS declined
      FROM roadshow_attendees a
     WHERE a.roadshow_id = r.id AND a.deleted_at IS NULL
  ) ay ON true`;

interface RoadshowRow extends YieldRow {
  id: string;
  name: string;
  city: string;
  venue: string | null;
  starts_at: Date;
  ends_at: Date;
  format: RoadshowFormat;
  hosts: string[];
  chain_codes: string[];
  budget_wan: string | null;
  promo_project_ids: string[];
  notes: string | null;
  owner_id: string;
  owner_name: string | null;
  team_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  attendees: number;
  checked_in: number;
}

/** Roadshows (推介会): planning, team scoping, and the yield counted from the records they produced. */
@Injectable()
export class RoadshowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sourceLeads: SourceLeadsService,
    private readonly access: AccessPolicy,
  ) {}

  list(user: AuthUser, query: RoadshowListQueryDto): Promise<Page<RoadshowListItemResponseDto>> {
    const sort = parseSort(query.sort, ROADSHOW_SORTABLE, { field: 'startsAt', direction: 'desc' });
    const sql = new SqlParams();
    const where: string[] = [];
    if (query.deleted) {
      if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
      where.push('r.deleted_at IS NOT NULL');
    } else {
      where.push('r.deleted_at IS NULL');
    }
    const visible = visibleSql(user, 'roadshow', 'r', (value) => sql.param(value));
    if (visible) where.push(visible);
    if (query.q?.trim()) where.push(`r.name ILIKE ${sql.param(`%${escapeLike(query.q.trim())}%`)}`);
    if (query.city) where.push(`r.city = ${sql.param(query.city)}`);
    if (query.format) where.push(`r.format = ${sql.param(query.format)}`);
    if (query.from) where.push(`r.ends_at >= ${sql.param(query.from)}`);
    if (query.to) where.push(`r.starts_at < ${sql.param(query.to)}`);
    if (query.chainCode) where.push(`r.chain_codes @> ARRAY[${sql.param(query.chainCode)}]::text[]`);
    if (query.ownerId) where.push(`r.owner_id = ${sql.param(query.ownerId)}`);
    if (query.teamId) where.push(`r.team_id = ${sql.param(query.teamId)}`);
    const whereSql = where.join(' AND ');
    return rawKeysetPage<RoadshowRow, RoadshowListItemResponseDto>(this.dataSource.manager, {
      inner: `${this.selectWithYield()} WHERE ${whereSql}`,
      count: `SELECT count(*)::int AS total FROM roadshows r WHERE ${whereSql}`,
      params: sql,
      column: SORT_COLUMN[sort.field],
      direction: sort.direction,
      nullable: sort.field === 'budgetWan',
      limit: query.limit,
      cursor: query.cursor,
      map: (row) => ({
        ...toDtoFromRow(row),
        yield: {
          attendees: row.attendees,
          checkedIn: row.checked_in,
          ...yieldCountsOf(row),
        },
      }),
    });
  }

  /** A live roadshow the caller may see; 404 otherwise (deleted ones included). */
  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Roadshow> {
    const roadshow = await manager
      .getRepository(Roadshow)
      .createQueryBuilder('roadshow')
      .leftJoin('roadshow.owner', 'owner')
      .addSelect(['owner.id', 'owner.displayName'])
      .where('roadshow.id = :id', { id })
      .getOne();
    if (!roadshow || !isOwnerLevel(user, roadshow)) throw ApiError.notFound('推介会');
    return roadshow;
  }

  async detail(user: AuthUser, id: string): Promise<RoadshowDetailResponseDto> {
    const roadshow = await this.get(user, id);
    return { ...toDto(roadshow), promoProjects: await this.promoProjectRefs(user, roadshow.promoProjectIds) };
  }

  async create(actor: AuthUser, dto: CreateRoadshowDto): Promise<Roadshow> {
    const { ownerId, ...fields } = dto;
    assertEndsAfterStarts(fields.startsAt, fields.endsAt);
    await this.assertReferences(actor, fields);
    return this.dataSource.transaction(async (manager) => {
      const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate', manager);
      const roadshow = await manager.save(
        manager.create(Roadshow, {
          ...fields,
          startsAt: new Date(fields.startsAt),
          endsAt: new Date(fields.endsAt),
          ownerId: owner.id,
          teamId: owner.teamId,
        }),
      );
      await this.audit.record(manager, actor, {
        entity: 'roadshow',
        entityId: roadshow.id,
        action: 'create',
        after: roadshow,
      });
      return this.get(actor, roadshow.id, manager);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateRoadshowDto): Promise<Roadshow> {
    const before = await this.get(actor, id);
    assertEndsAfterStarts(dto.startsAt ?? before.startsAt, dto.endsAt ?? before.endsAt);
    await this.assertReferences(actor, dto);
    const { ownerId, ...rest } = changesOf(dto);
    const changes: Record<string, unknown> = { ...rest };
    if (dto.startsAt) changes.startsAt = new Date(dto.startsAt);
    if (dto.endsAt) changes.endsAt = new Date(dto.endsAt);
    return this.dataSource.transaction(async (manager) => {
      if (ownerId && ownerId !== before.ownerId) {
        const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate', manager);
        Object.assign(changes, { ownerId: owner.id, teamId: owner.teamId });
      }
      await updateVersioned(manager, Roadshow, id, dto.version, changes);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'roadshow',
        entityId: id,
        action: 'update',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  /** Soft delete: the leads and projects it produced stay, and their source link shows it deleted. */
  async remove(actor: AuthUser, id: string, version?: number): Promise<void> {
    const before = await this.get(actor, id);
    if (version !== undefined && version !== before.version) throw ApiError.staleVersion();
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .softDelete()
        .from(Roadshow)
        .where('id = :id AND version = :version AND deleted_at IS NULL', { id, version: before.version })
        .execute();
      if (!result.affected) throw ApiError.staleVersion();
      await this.audit.record(manager, actor, {
        entity: 'roadshow',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  async restore(actor: AuthUser, id: string): Promise<Roadshow> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Roadshow, { where: { id }, withDeleted: true });
      if (!found?.deletedAt) throw ApiError.notFound('已删除的推介会');
      await manager.restore(Roadshow, { id });
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'roadshow',
        entityId: id,
        action: 'restore',
        after: strip(after),
      });
      return after;
    });
  }

  /** Events overlapping [from, to), in the caller's sight, by start. */
  async calendar(user: AuthUser, query: CalendarQueryDto): Promise<CalendarEventResponseDto[]> {
    assertRange(query);
    const qb = this.dataSource
      .getRepository(Roadshow)
      .createQueryBuilder('roadshow')
      .where('roadshow.ends_at >= :from AND roadshow.starts_at < :to', { from: query.from, to: query.to })
      .orderBy('roadshow.starts_at', 'ASC')
      .addOrderBy('roadshow.id', 'ASC')
      .take(2000);
    scopeQuery(qb, user, 'roadshow', 'roadshow');
    return (await qb.getMany()).map((r) => ({
      kind: 'roadshow' as const,
      id: r.id,
      title: r.name,
      start: r.startsAt.toISOString(),
      end: r.endsAt.toISOString(),
      allDay: false,
      cities: [r.city],
      format: r.format,
      direction: null,
      teamId: r.teamId,
    }));
  }

  async yield(user: AuthUser, id: string): Promise<RoadshowYieldResponseDto> {
    const roadshow = await this.get(user, id);
    const signedAtEvent = `, (count(*) FILTER (WHERE ${SIGNED_NOW}
         AND p.signed_at BETWEEN (r.starts_at AT TIME ZONE 'Asia/Shanghai')::date AND (r.ends_at AT TIME ZONE 'Asia/Shanghai')::date))::int AS signed_at_event`;
    const [row]: Array<
      YieldRow & { attendees: number; checked_in: number; invited: number; declined: number; signed_at_event: number }
    > = await this.dataSource.query(
      `SELECT ay.attendees, ay.checked_in, ay.invited, ay.declined, ${YIELD_COLUMNS}, py.signed_at_event
           FROM roadshows r
           ${ATTENDANCE_LATERAL}
           ${leadYieldLateral('roadshow', 'r')}
           ${projectYieldLateral('roadshow', 'r', 'py', signedAtEvent)}
          WHERE r.id = $1`,
      [id],
    );
    const counts = yieldCountsOf(row);
    return {
      roadshowId: id,
      budgetWan: roadshow.budgetWan,
      invited: row.invited,
      declined: row.declined,
      attendees: row.attendees,
      checkedIn: row.checked_in,
      ...counts,
      signedAtEvent: row.signed_at_event,
      costPerLeadWan: costPer(roadshow.budgetWan, counts.leads),
      costPerSignedProjectWan: costPer(roadshow.budgetWan, counts.signedProjects),
      countedAt: new Date().toISOString(),
    };
  }

  private selectWithYield(): string {
    return `SELECT r.id, r.name, r.city, r.venue, r.starts_at, r.ends_at, r.format, r.hosts, r.chain_codes, r.budget_wan,
                   r.promo_project_ids, r.notes, r.owner_id, u.display_name AS owner_name, r.team_id, r.created_at,
                   r.updated_at, r.version, ay.attendees, ay.checked_in, ${YIELD_COLUMNS}
              FROM roadshows r
              LEFT JOIN users u ON u.id = r.owner_id
              ${ATTENDANCE_LATERAL}
              ${leadYieldLateral('roadshow', 'r')}
              ${projectYieldLateral('roadshow', 'r')}`;
  }

  private async assertReferences(
    user: AuthUser,
    dto: { chainCodes?: string[]; promoProjectIds?: string[] },
  ): Promise<void> {
    if (dto.chainCodes?.length) {
      const found = await this.dataSource.getRepository(Chain).countBy({ code: In(dto.chainCodes) });
      if (found !== dto.chainCodes.length) throw ApiError.field('chainCodes', '包含不存在的产业链或行业代码');
    }
    // A roadshow may promote its team's cards and any published card: those the caller may see.
    if (dto.promoProjectIds?.length) {
      await this.access.requireReference(user, 'promoProjectIds', 'promo_project', dto.promoProjectIds, {
        level: 'see',
      });
    }
  }

  /**
   * The promoted cards as the caller may see them: a card out of their sight is shown as missing,
   * and a published card of another team by its approved title, not its working copy's.
   */
  private async promoProjectRefs(user: AuthUser, ids: string[]): Promise<PromoProjectRefResponseDto[]> {
    if (!ids.length) return [];
    const values: unknown[] = [ids];
    const visible = positionalSql(user, 'promo_project', 'p', values);
    const editable = positionalSql(user, 'promo_project', 'p', values, 'use');
    const rows: Array<{ id: string; title: string; status: string }> = await this.dataSource.query(
      `SELECT p.id, CASE WHEN ${editable} THEN p.title ELSE coalesce(v.content->>'title', p.title) END AS title,
              p.status::text AS status
         FROM promo_projects p LEFT JOIN promo_project_versions v ON v.id = p.live_version_id
        WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL AND ${visible}`,
      values,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return { id, title: row?.title ?? null, status: row?.status ?? null, missing: !row };
    });
  }
}

export function toDto(r: Roadshow): RoadshowResponseDto {
  return {
    id: r.id,
    name: r.name,
    city: r.city,
    venue: r.venue,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    format: r.format,
    hosts: r.hosts,
    chainCodes: r.chainCodes,
    budgetWan: r.budgetWan,
    promoProjectIds: r.promoProjectIds,
    notes: r.notes,
    ownerId: r.ownerId,
    ownerName: r.owner?.displayName ?? null,
    teamId: r.teamId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

function toDtoFromRow(r: RoadshowRow): RoadshowResponseDto {
  return {
    id: r.id,
    name: r.name,
    city: r.city,
    venue: r.venue,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    format: r.format,
    hosts: r.hosts,
    chainCodes: r.chain_codes,
    budgetWan: r.budget_wan === null ? null : Number(r.budget_wan),
    promoProjectIds: r.promo_project_ids,
    notes: r.notes,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    teamId: r.team_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function assertEndsAfterStarts(startsAt: string | Date, endsAt: string | Date): void {
  if (new Date(endsAt).getTime() < new Date(startsAt).getTime()) {
    throw ApiError.field('endsAt', '结束时间不能早于开始时间 (endsAt before startsAt)');
  }
}

export function assertRange(query: { from: string; to: string }): void {
  const span = Date.parse(query.to) - Date.parse(query.from);
  if (span <= 0) throw ApiError.field('to', '结束须晚于开始');
  if (span > 366 * 86_400_000) throw ApiError.field('to', '日历范围最长 366 天');
}

function strip(roadshow: Roadshow): Partial<Roadshow> {
  const { owner: _o, ...own } = roadshow;
  return own;
}
