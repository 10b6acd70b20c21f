import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiErrorDetail } from '@lianqiao/contracts';
import {
  HAND_OVER_REFUSAL,
  isPersonalKind,
  mayHandOver,
  maskPersonal,
  seesAllTeams,
  type HandOver,
} from '@lianqiao/domain';
import { DataSource, EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ApiError } from '../errors/api-error';
import type { AuthUser } from './auth-user';

/**
 * The one access policy of the API (after Immich's `utils/access.ts`): for every kind of record,
 * who may see it, as a SQL condition generated from the rules in `@lianqiao/domain`. Lists and
 * reports put the condition in their WHERE (`visibleSql`, `scopeQuery`); single records, nested
 * routes, reference fields and the audit trail ask `checkAccess` / `requireAccess` /
 * `requireReference`, which run the same condition. A record out of sight is a 404, exactly as
 * one that does not exist; a reference to one is a 422 naming the field.
 */

/** Every kind of record the API serves, with its table. The audit trail's `entity` is one of these. */
export const ACCESS_TABLES = {
  lead: 'leads',
  project: 'projects',
  roadshow: 'roadshows',
  roadshow_attendee: 'roadshow_attendees',
  delegation: 'delegations',
  delegation_visit: 'delegation_visits',
  promo_project: 'promo_projects',
  company: 'companies',
  contact: 'contacts',
  chain: 'chains',
  chain_node: 'chain_nodes',
  target: 'targets',
  enterprise_request: 'enterprise_requests',
  cultivation_entry: 'cultivation_entries',
  aftercare_assignment: 'aftercare_assignments',
  aftercare_request_link: 'aftercare_request_links',
  user: 'users',
  team: 'teams',
  org_unit: 'org_units',
  activity: 'activities',
} as const;

export type AccessKind = keyof typeof ACCESS_TABLES;

/** What the Chinese 404 and 422 messages call each kind. */
const KIND_LABELS: Record<AccessKind, string> = {
  lead: '线索',
  project: '项目',
  roadshow: '推介会',
  roadshow_attendee: '参会记录',
  delegation: '招商小分队',
  delegation_visit: '拜访记录',
  promo_project: '推介项目',
  company: '企业',
  contact: '联系人',
  chain: '产业链',
  chain_node: '产业链节点',
  target: '年度目标',
  enterprise_request: '诉求',
  cultivation_entry: '培育库条目',
  aftercare_assignment: '包保关系',
  aftercare_request_link: '诉求关联',
  user: '用户',
  team: '专班',
  org_unit: '单位',
  activity: '跟进记录',
};

/** What a lead's or project's `sourceRefId` may point at: the event, trip, card or company it came from. */
export const SOURCE_REF_KINDS: readonly AccessKind[] = ['roadshow', 'delegation', 'promo_project', 'company'];

export function isAccessKind(kind: string): kind is AccessKind {
  return Object.prototype.hasOwnProperty.call(ACCESS_TABLES, kind);
}

/** Puts a value into the query's parameters and returns its placeholder ($3, or :acc_3). */
export type Bind = (value: unknown) => string;

/** Records owned by a person and kept by a team: owner level = owner, team, leaders, admins. */
function ownedSql(alias: string, user: AuthUser, bind: Bind): string {
  const me = bind(user.id);
  return user.teamId
    ? `(${alias}.team_id = ${bind(user.teamId)} OR ${alias}.owner_id = ${me})`
    : `${alias}.owner_id = ${me}`;
}

function delegationSql(alias: string, user: AuthUser, bind: Bind): string {
  const me = bind(user.id);
  const team = user.teamId ? `${alias}.team_id = ${bind(user.teamId)} OR ` : '';
  return `(${team}${alias}.owner_id = ${me} OR ${me} = ANY(${alias}.member_ids) OR ${alias}.leader_id = ${me})`;
}

/**
 * Aftercare requests: those the caller logged or their team logged, those of companies their team
 * works or they represent, and (unless `department` is false: what they may manage, not only
 * handle) those routed to their department.
 */
function requestSql(alias: string, user: AuthUser, bind: Bind, department = true): string {
  const me = bind(user.id);
  const clauses = [
    `${alias}.logged_by_id = ${me}`,
    `EXISTS (SELECT 1 FROM aftercare_assignments acc_a WHERE acc_a.company_id = ${alias}.company_id AND acc_a.deleted_at IS NULL
               AND (acc_a.affairs_rep_id = ${me} OR acc_a.responsible_leader_id = ${me}))`,
  ];
  if (user.teamId) {
    const team = bind(user.teamId);
    clauses.push(
      `${alias}.logged_by_team_id = ${team}`,
      `EXISTS (SELECT 1 FROM leads acc_l WHERE acc_l.company_id = ${alias}.company_id AND acc_l.team_id = ${team} AND acc_l.deleted_at IS NULL)`,
      `EXISTS (SELECT 1 FROM projects acc_p WHERE acc_p.company_id = ${alias}.company_id AND acc_p.team_id = ${team} AND acc_p.deleted_at IS NULL)`,
    );
  }
  if (department && user.orgUnitId) clauses.push(`${alias}.org_unit_id = ${bind(user.orgUnitId)}`);
  return `(${clauses.join(' OR ')})`;
}

export type AccessLevel = 'see' | 'use';

/**
 * The condition under which the caller may see (or, `use`: edit and point at) a row of `kind`
 * aliased `alias`; null when nothing is hidden from them. The SQL twin of `@lianqiao/domain`'s
 * rules (isOwnerLevel, isOnDelegation, maySeePromoCard, maySeeTarget); access.spec checks they agree.
 */
export function visibleSql(
  user: AuthUser,
  kind: AccessKind,
  alias: string,
  bind: Bind,
  level: AccessLevel = 'see',
): string | null {
  if (seesAllTeams(user)) return null;
  switch (kind) {
    case 'lead':
    case 'project':
    case 'roadshow':
      return ownedSql(alias, user, bind);
    case 'contact':
      // Contacts are shared with their company; only their personal data stays at owner level.
      return level === 'see' ? null : ownedSql(alias, user, bind);
    case 'delegation':
      return delegationSql(alias, user, bind);
    case 'promo_project':
      return level === 'see'
        ? `(${ownedSql(alias, user, bind)} OR ${alias}.status = 'published')`
        : ownedSql(alias, user, bind);
    case 'roadshow_attendee':
      return `EXISTS (SELECT 1 FROM roadshows acc_r WHERE acc_r.id = ${alias}.roadshow_id AND ${ownedSql('acc_r', user, bind)})`;
    case 'delegation_visit':
      return `EXISTS (SELECT 1 FROM delegations acc_d WHERE acc_d.id = ${alias}.delegation_id AND ${delegationSql('acc_d', user, bind)})`;
    case 'target':
      return level === 'see'
        ? `(${alias}.team_id IS NULL${user.teamId ? ` OR ${alias}.team_id = ${bind(user.teamId)}` : ''})`
        : 'FALSE';
    case 'enterprise_request':
      return requestSql(alias, user, bind, level === 'see');
    case 'company':
    case 'chain':
    case 'chain_node':
    case 'cultivation_entry':
    case 'aftercare_assignment':
    case 'aftercare_request_link':
      // Shared by every signed-in user (companies and their aftercare, the chain taxonomy).
      return null;
    case 'activity':
      // A timeline entry is its team's (a company is shared, its follow-ups are not) and its author's.
      return user.teamId
        ? `(${alias}.team_id = ${bind(user.teamId)} OR ${alias}.actor_id = ${bind(user.id)})`
        : `${alias}.actor_id = ${bind(user.id)}`;
    case 'user':
    case 'team':
    case 'org_unit':
      // People and the organisation are picked by id from the directory; their trail is for leaders.
      return level === 'use' ? null : 'FALSE';
  }
}

/**
 * SQL: the person `ownerExpr` of team `teamExpr` may use the event `eventAlias` (a roadshow or a
 * trip) as a source. Yields and the dashboard count a lead or project toward an event only when
 * its owner could have referenced the event: a record pointed at another team's event (before
 * references were checked, or by a direct write) raises no one's figures.
 */
export function ownerMayUseSql(
  kind: 'roadshow' | 'delegation' | 'promo_project',
  eventAlias: string,
  ownerExpr: string,
  teamExpr: string,
): string {
  const clauses = [
    `${eventAlias}.team_id = ${teamExpr}`,
    `${eventAlias}.owner_id = ${ownerExpr}`,
    `EXISTS (SELECT 1 FROM users acc_u WHERE acc_u.id = ${ownerExpr} AND acc_u.role IN ('leader', 'admin'))`,
  ];
  if (kind === 'delegation')
    clauses.push(`${ownerExpr} = ANY(${eventAlias}.member_ids)`, `${eventAlias}.leader_id = ${ownerExpr}`);
  return `(${clauses.join(' OR ')})`;
}

/** A binder for TypeORM's named parameters, unique per query builder. */
export function namedBinder(prefix = 'acc'): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let n = 0;
  return {
    params,
    bind: (value) => {
      const name = `${prefix}_${n++}`;
      params[name] = value;
      return `:${name}`;
    },
  };
}

let scopeCounter = 0;

/** Narrows a TypeORM query to the rows of `kind` (aliased `alias`) the caller may see. */
export function scopeQuery<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  user: AuthUser,
  kind: AccessKind,
  alias: string,
  level: AccessLevel = 'see',
): SelectQueryBuilder<E> {
  const { bind, params } = namedBinder(`acc${(scopeCounter = (scopeCounter + 1) % 1e6)}`);
  const sql = visibleSql(user, kind, alias, bind, level);
  if (sql) qb.andWhere(sql, params);
  return qb;
}

/** The condition as a standalone SQL string with its parameters, for hand-written queries. */
export function positionalSql(
  user: AuthUser,
  kind: AccessKind,
  alias: string,
  values: unknown[],
  level: AccessLevel = 'see',
): string {
  const bind: Bind = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  return visibleSql(user, kind, alias, bind, level) ?? 'TRUE';
}

@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Of `ids`, those of `kind` the caller may see (or use). Deleted rows count only when asked. */
  async checkAccess(
    user: AuthUser,
    kind: AccessKind,
    ids: readonly string[],
    options: { level?: AccessLevel; withDeleted?: boolean; manager?: EntityManager } = {},
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Set();
    const values: unknown[] = [unique];
    const condition = positionalSql(user, kind, 'a', values, options.level);
    const live =
      options.withDeleted || kind === 'aftercare_request_link' || kind === 'activity'
        ? ''
        : ' AND a.deleted_at IS NULL';
    const rows: Array<{ id: string }> = await (options.manager ?? this.dataSource.manager).query(
      `SELECT a.id FROM ${ACCESS_TABLES[kind]} a WHERE a.id = ANY($1::uuid[])${live} AND ${condition}`,
      values,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Whether nothing of `kind` is hidden from the caller (leaders; shared kinds such as companies). */
  seesEvery(user: AuthUser, kind: AccessKind, level: AccessLevel = 'see'): boolean {
    return visibleSql(user, kind, 'a', () => 'NULL', level) === null;
  }

  /** 404 unless the caller may see the record. */
  async requireAccess(
    user: AuthUser,
    kind: AccessKind,
    id: string,
    options: { level?: AccessLevel; withDeleted?: boolean; manager?: EntityManager } = {},
  ): Promise<void> {
    if (!(await this.checkAccess(user, kind, [id], options)).has(id)) throw ApiError.notFound(KIND_LABELS[kind]);
  }

  /**
   * A field that points at other records accepts only records the caller may see and use (level
   * `use`; `see` where pointing at a record is only showing it, as a roadshow promotes any published card); any
   * other id — missing, deleted, or another team's — is a 422 naming the field, whichever it is,
   * so the answer tells nothing about records out of sight. `kinds` lists what the field may hold.
   */
  async requireReference(
    user: AuthUser,
    field: string,
    kinds: AccessKind | readonly AccessKind[],
    ids: string | null | undefined | readonly string[],
    options: { manager?: EntityManager; level?: AccessLevel } = {},
  ): Promise<void> {
    const wanted = ids === null || ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids];
    if (!wanted.length) return;
    const found = new Set<string>();
    for (const kind of typeof kinds === 'string' ? [kinds] : kinds) {
      const level = options.level ?? 'use';
      for (const id of await this.checkAccess(user, kind, wanted, { level, manager: options.manager })) found.add(id);
    }
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) {
      const details: ApiErrorDetail[] = [{ field, message: `引用的记录不存在或无权使用：${missing.join(', ')}` }];
      throw ApiError.rule(`${field}: 引用的记录不存在或无权使用`, details);
    }
  }

  /**
   * The owner a record is given to (`field`, e.g. ownerId): an active user the caller may hand the
   * record to under `rule`, else a 422 naming the field — like every other reference. No id means
   * the caller keeps it.
   */
  async requireOwner(
    user: AuthUser,
    field: string,
    ownerId: string | null | undefined,
    rule: HandOver,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; teamId: string | null }> {
    if (!ownerId || ownerId === user.id) return { id: user.id, teamId: user.teamId };
    const [owner] = (await manager.query(`SELECT id, team_id AS "teamId" FROM users WHERE id = $1 AND active`, [
      ownerId,
    ])) as Array<{ id: string; teamId: string | null }>;
    const refusal = !owner ? '负责人不存在或已停用' : mayHandOver(user, owner, rule) ? null : HAND_OVER_REFUSAL[rule];
    if (refusal) throw ApiError.rule(`${field}: ${refusal}`, [{ field, message: refusal }]);
    return owner;
  }

  /**
   * A trail or timeline entry's before/after as the caller may see it: the personal fields of a
   * record the caller is not at owner level of are masked, in before and after alike.
   */
  async maskHistory<T extends { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    user: AuthUser,
    kind: string,
    entityId: string,
    entries: T[],
  ): Promise<T[]> {
    if (!isPersonalKind(kind) || !entries.length) return entries;
    const whole = (
      await this.checkAccess(user, kind as AccessKind, [entityId], { level: 'use', withDeleted: true })
    ).has(entityId);
    if (whole) return entries;
    return entries.map((e) => ({
      ...e,
      before: e.before && maskPersonal(kind, e.before, false),
      after: e.after && maskPersonal(kind, e.after, false),
    }));
  }
}
