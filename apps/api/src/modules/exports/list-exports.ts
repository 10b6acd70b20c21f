import {
  CAPITAL_ORIGIN_LABELS,
  COMPANY_TAG_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  OWNERSHIP_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  type CompanyTag,
  type LeadSource,
  type LeadStatus,
  type OwnershipType,
  type ProjectStatus,
} from '@lianqiao/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { visibleSql } from '../../common/auth/access';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { escapeLike } from '../../common/persistence/search';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  districtTime,
  districtTimeSql,
  type Cell,
  type TableColumn,
} from './table-writer';
import { stalledSql } from '../projects/project-sql';

/** Chain-segment and team names, loaded once per export (tens to hundreds of rows). */
export interface ExportLookups {
  nodeLabel: (id: string) => string;
  teamName: (id: string | null) => string | null;
}

export interface ExportPlan {
  /** The Chinese name of the list: the sheet's and the file's name. */
  label: string;
  columns: TableColumn[];
  sql: string;
  params: unknown[];
  row: (r: Record<string, unknown>, lookups: ExportLookups) => Cell[];
}

const WAN = '#,##0';
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const yesNo = (v: unknown): string => (v ? '是' : '否');
const nodes = (ids: unknown, lookups: ExportLookups): string | null => {
  const list = (ids as string[] | null) ?? [];
  return list.length ? list.map(lookups.nodeLabel).join('、') : null;
};

/** Selects raw expressions under names, orders by the list's sort (ties by id) and hands back SQL. */
function plan<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  columns: Record<string, string>,
  order: { column: string; direction: 'ASC' | 'DESC'; nullable?: boolean },
): { sql: string; params: unknown[] } {
  const entries = Object.entries(columns);
  qb.select(entries[0][1], entries[0][0]);
  for (const [name, expression] of entries.slice(1)) qb.addSelect(expression, name);
  qb.orderBy(order.column, order.direction, order.nullable ? 'NULLS LAST' : undefined).addOrderBy(
    `${alias}.id`,
    order.direction,
  );
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function leadsPlan(
  qb: SelectQueryBuilder<ObjectLiteral>,
  sortRaw: string | undefined,
  sortable: readonly string[],
): ExportPlan {
  const sort = parseSort(sortRaw, sortable, { field: 'createdAt', direction: 'desc' });
  const { sql, params } = plan(
    qb,
    'lead',
    {
      id: 'lead.id',
      name: 'lead.name',
      company: 'company.name',
      uscc: 'company.uscc',
      source: 'lead.source',
      status: 'lead.status',
      owner_username: 'owner.username',
      owner_name: 'owner.display_name',
      team_id: 'lead.team_id',
      estimated_wan: 'lead.estimated_wan',
      chain_node_ids: 'lead.chain_node_ids',
      next_follow_up: districtTimeSql('lead.next_follow_up_at'),
      contact_name: 'lead.contact_name',
      contact_mobile: 'lead.contact_mobile',
      invalid_reason: 'lead.invalid_reason',
      notes: 'lead.notes',
      first_response: districtTimeSql('lead.first_response_at'),
      created: districtTimeSql('lead.created_at'),
    },
    {
      column: `lead.${snake(sort.field)}`,
      direction: sort.direction === 'asc' ? 'ASC' : 'DESC',
      nullable: ['estimatedWan', 'nextFollowUpAt'].includes(sort.field),
    },
  );
  return {
    label: '线索',
    sql,
    params,
    columns: [
      { header: '线索名称', width: 30 },
      { header: '企业名称', width: 28 },
      { header: '统一社会信用代码', width: 21 },
      { header: '来源', width: 12 },
      { header: '状态', width: 10 },
      { header: '负责人账号', width: 14 },
      { header: '负责人', width: 10 },
      { header: '专班', width: 16 },
      { header: '预计投资(万元)', width: 15, numFmt: WAN },
      { header: '产业链环节', width: 24 },
      { header: '下次跟进日期', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '联系人', width: 10 },
      { header: '联系电话', width: 14 },
      { header: '无效原因', width: 20 },
      { header: '备注', width: 30 },
      { header: '首次响应时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '创建时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '线索ID', width: 38 },
    ],
    row: (r, lookups) => [
      text(r.name),
      text(r.company),
      text(r.uscc),
      LEAD_SOURCE_LABELS[r.source as LeadSource],
      LEAD_STATUS_LABELS[r.status as LeadStatus],
      text(r.owner_username),
      text(r.owner_name),
      lookups.teamName(r.team_id as string | null),
      num(r.estimated_wan),
      nodes(r.chain_node_ids, lookups),
      districtTime(r.next_follow_up),
      text(r.contact_name),
      text(r.contact_mobile),
      text(r.invalid_reason),
      text(r.notes),
      districtTime(r.first_response),
      districtTime(r.created),
      text(r.id),
    ],
  };
}

export function projectsPlan(
  qb: SelectQueryBuilder<ObjectLiteral>,
  sortRaw: string | undefined,
  sortable: readonly string[],
  stalledDays: number,
): ExportPlan {
  const sort = parseSort(sortRaw, sortable, { field: 'updatedAt', direction: 'desc' });
  const { sql, params } = plan(
    qb,
    'project',
    {
      id: 'project.id',
      name: 'project.name',
      code_name: 'project.code_name',
      company: 'company.name',
      uscc: 'company.uscc',
      stage: 'project.stage',
      owner_username: 'owner.username',
      owner_name: 'owner.display_name',
      leader_username: 'leader.username',
      leader_name: 'leader.display_name',
      team_id: 'project.team_id',
      is_key: 'project.is_key',
      capital_origin: 'project.capital_origin',
      capital_source: 'project.capital_source',
      total: 'project.total_investment_wan',
      fixed: 'project.fixed_asset_wan',
      contracted: 'project.contracted_wan',
      paid: 'project.paid_in_wan',
      projected_jobs: 'project.projected_jobs',
      contracted_jobs: 'project.contracted_jobs',
      actual_jobs: 'project.actual_jobs',
      land_mu: 'project.land_mu',
      factory: 'project.factory_area_m2',
      output: 'project.expected_output_wan',
      tax: 'project.expected_tax_wan',
      chain_node_ids: 'project.chain_node_ids',
      signed_at: day('project.signed_at'),
      local_uscc: 'project.local_uscc',
      started_at: day('project.started_at'),
      producing_at: day('project.producing_at'),
      lead_source: 'project.lead_source',
      stalled: stalledSql(stalledDays),
      last_progress: districtTimeSql('project.last_progress_at'),
      created: districtTimeSql('project.created_at'),
    },
    {
      column: `project.${snake(sort.field)}`,
      direction: sort.direction === 'asc' ? 'ASC' : 'DESC',
      nullable: ['totalInvestmentWan', 'contractedWan'].includes(sort.field),
    },
  );
  return {
    label: '项目',
    sql,
    params,
    columns: [
      { header: '项目名称', width: 30 },
      { header: '项目代号', width: 14 },
      { header: '企业名称', width: 28 },
      { header: '统一社会信用代码', width: 21 },
      { header: '阶段', width: 12 },
      { header: '负责人账号', width: 14 },
      { header: '负责人', width: 10 },
      { header: '包保领导账号', width: 14 },
      { header: '包保领导', width: 10 },
      { header: '专班', width: 16 },
      { header: '重点项目', width: 9 },
      { header: '资本来源', width: 9 },
      { header: '资本来源地', width: 12 },
      { header: '总投资(万元)', width: 14, numFmt: WAN },
      { header: '固定资产投资(万元)', width: 14, numFmt: WAN },
      { header: '合同额(万元)', width: 14, numFmt: WAN },
      { header: '到位资金(万元)', width: 14, numFmt: WAN },
      { header: '预计就业(人)', width: 12 },
      { header: '合同就业(人)', width: 12 },
      { header: '实际就业(人)', width: 12 },
      { header: '用地(亩)', width: 10 },
      { header: '厂房面积(㎡)', width: 12 },
      { header: '预计年产值(万元)', width: 14, numFmt: WAN },
      { header: '预计年税收(万元)', width: 14, numFmt: WAN },
      { header: '产业链环节', width: 24 },
      { header: '签约日期', width: 12, numFmt: DATE_FORMAT },
      { header: '落地企业信用代码', width: 21 },
      { header: '开工日期', width: 12, numFmt: DATE_FORMAT },
      { header: '投产日期', width: 12, numFmt: DATE_FORMAT },
      { header: '线索来源', width: 12 },
      { header: '是否停滞', width: 9 },
      { header: '最近进展', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '创建时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '项目ID', width: 38 },
    ],
    row: (r, lookups) => [
      text(r.name),
      text(r.code_name),
      text(r.company),
      text(r.uscc),
      PROJECT_STATUS_LABELS[r.stage as ProjectStatus],
      text(r.owner_username),
      text(r.owner_name),
      text(r.leader_username),
      text(r.leader_name),
      lookups.teamName(r.team_id as string | null),
      yesNo(r.is_key),
      r.capital_origin ? CAPITAL_ORIGIN_LABELS[r.capital_origin as 'domestic' | 'foreign'] : null,
      text(r.capital_source),
      num(r.total),
      num(r.fixed),
      num(r.contracted),
      num(r.paid),
      num(r.projected_jobs),
      num(r.contracted_jobs),
      num(r.actual_jobs),
      num(r.land_mu),
      num(r.factory),
      num(r.output),
      num(r.tax),
      nodes(r.chain_node_ids, lookups),
      districtTime(r.signed_at),
      text(r.local_uscc),
      districtTime(r.started_at),
      districtTime(r.producing_at),
      r.lead_source ? LEAD_SOURCE_LABELS[r.lead_source as LeadSource] : null,
      yesNo(r.stalled),
      districtTime(r.last_progress),
      districtTime(r.created),
      text(r.id),
    ],
  };
}

export function companiesPlan(qb: SelectQueryBuilder<ObjectLiteral>, sortRaw: string | undefined): ExportPlan {
  const sort = parseSort(sortRaw, ['name', 'createdAt', 'updatedAt'] as const, {
    field: 'updatedAt',
    direction: 'desc',
  });
  const { sql, params } = plan(
    qb,
    'company',
    {
      id: 'company.id',
      name: 'company.name',
      uscc: 'company.uscc',
      ownership: 'company.ownership',
      province: 'company.province',
      city: 'company.city',
      chain_node_ids: 'company.chain_node_ids',
      tags: 'company.tags',
      website: 'company.website',
      is_target: 'company.is_target',
      is_chain_leader: 'company.is_chain_leader',
      notes: 'company.notes',
      created: districtTimeSql('company.created_at'),
    },
    { column: `company.${snake(sort.field)}`, direction: sort.direction === 'asc' ? 'ASC' : 'DESC' },
  );
  return {
    label: '企业',
    sql,
    params,
    columns: [
      { header: '企业名称', width: 30 },
      { header: '统一社会信用代码', width: 21 },
      { header: '企业性质', width: 10 },
      { header: '省份', width: 10 },
      { header: '城市', width: 10 },
      { header: '产业链环节', width: 24 },
      { header: '标签', width: 20 },
      { header: '网址', width: 24 },
      { header: '目标企业', width: 9 },
      { header: '链主企业', width: 9 },
      { header: '备注', width: 30 },
      { header: '创建时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '企业ID', width: 38 },
    ],
    row: (r, lookups) => [
      text(r.name),
      text(r.uscc),
      r.ownership ? OWNERSHIP_TYPE_LABELS[r.ownership as OwnershipType] : null,
      text(r.province),
      text(r.city),
      nodes(r.chain_node_ids, lookups),
      ((r.tags as CompanyTag[] | null) ?? []).map((t) => COMPANY_TAG_LABELS[t] ?? t).join('、') || null,
      text(r.website),
      yesNo(r.is_target),
      yesNo(r.is_chain_leader),
      text(r.notes),
      districtTime(r.created),
      text(r.id),
    ],
  };
}

/** Collects `$n` parameters for hand-written SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface RoadshowFilters {
  q?: string;
  sort?: string;
  city?: string;
  format?: string;
  from?: string;
  to?: string;
  chainCode?: string;
  ownerId?: string;
  teamId?: string;
  deleted?: boolean;
}

/** The roadshow list's own filters and team rule (GET /api/roadshows), as SQL on its table. */
export function roadshowsPlan(user: AuthUser, query: RoadshowFilters): ExportPlan {
  const sort = parseSort(query.sort, ['startsAt', 'createdAt', 'name', 'budgetWan'] as const, {
    field: 'startsAt',
    direction: 'desc',
  });
  const p = new Params();
  const where: string[] = [deletedClause('r', user, query.deleted)];
  const visible = visibleSql(user, 'roadshow', 'r', (value) => p.add(value));
  if (visible) where.push(visible);
  if (query.q?.trim()) where.push(`r.name ILIKE ${p.add(`%${escapeLike(query.q.trim())}%`)}`);
  if (query.city) where.push(`r.city = ${p.add(query.city)}`);
  if (query.format) where.push(`r.format = ${p.add(query.format)}`);
  if (query.from) where.push(`r.ends_at >= ${p.add(query.from)}`);
  if (query.to) where.push(`r.starts_at < ${p.add(query.to)}`);
  if (query.chainCode) where.push(`r.chain_codes @> ARRAY[${p.add(query.chainCode)}]::text[]`);
  if (query.ownerId) where.push(`r.owner_id = ${p.add(query.ownerId)}`);
  if (query.teamId) where.push(`r.team_id = ${p.add(query.teamId)}`);
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    label: '推介会',
    sql: `SELECT r.id, r.name, r.city, r.venue, ${districtTimeSql('r.starts_at')} AS starts, ${districtTimeSql('r.ends_at')} AS ends, r.format,
                 r.budget_wan, o.display_name AS owner_name, r.team_id, ${districtTimeSql('r.created_at')} AS created
            FROM roadshows r LEFT JOIN users o ON o.id = r.owner_id
           WHERE ${where.join(' AND ')}
           ORDER BY r.${snake(sort.field)} ${dir}${sort.field === 'budgetWan' ? ' NULLS LAST' : ''}, r.id ${dir}`,
    params: p.values,
    columns: [
      { header: '推介会名称', width: 30 },
      { header: '城市', width: 10 },
      { header: '场地', width: 20 },
      { header: '开始时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '结束时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '形式', width: 10 },
      { header: '预算(万元)', width: 12, numFmt: WAN },
      { header: '负责人', width: 10 },
      { header: '专班', width: 16 },
      { header: '创建时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: '推介会ID', width: 38 },
    ],
    row: (r, lookups) => [
      text(r.name),
      text(r.city),
      text(r.venue),
      districtTime(r.starts),
      districtTime(r.ends),
      ({ offline: '线下', online: '屏对屏（线上）', hybrid: '线上线下结合' } as Record<string, string>)[
        r.format as string
      ] ?? text(r.format),
      num(r.budget_wan),
      text(r.owner_name),
      lookups.teamName(r.team_id as string | null),
      districtTime(r.created),
      text(r.id),
    ],
  };
}

export interface DelegationFilters {
  q?: string;
  sort?: string;
  direction?: string;
  city?: string;
  from?: string;
  to?: string;
  memberId?: string;
  ownerId?: string;
  teamId?: string;
  deleted?: boolean;
}

/** The delegation list's own filters and visibility (GET /api/delegations), as SQL on its table. */
export function delegationsPlan(user: AuthUser, query: DelegationFilters): ExportPlan {
  const sort = parseSort(query.sort, ['startsOn', 'createdAt', 'name'] as const, {
    field: 'startsOn',
    direction: 'desc',
  });
  const p = new Params();
  const where: string[] = [deletedClause('d', user, query.deleted)];
  const visible = visibleSql(user, 'delegation', 'd', (value) => p.add(value));
  if (visible) where.push(visible);
  if (query.q?.trim()) where.push(`d.name ILIKE ${p.add(`%${escapeLike(query.q.trim())}%`)}`);
  if (query.direction) where.push(`d.direction = ${p.add(query.direction)}`);
  if (query.city) where.push(`d.cities @> ARRAY[${p.add(query.city)}]::text[]`);
  if (query.from) where.push(`d.ends_on >= ${p.add(query.from)}::date`);
  if (query.to) where.push(`d.starts_on <= ${p.add(query.to)}::date`);
  if (query.memberId) {
    const member = p.add(query.memberId);
    where.push(`(${member} = ANY(d.member_ids) OR d.leader_id = ${member})`);
  }
  if (query.ownerId) where.push(`d.owner_id = ${p.add(query.ownerId)}`);
  if (query.teamId) where.push(`d.team_id = ${p.add(query.teamId)}`);
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    label: '招商小分队',
    sql: `SELECT d.id, d.name, d.direction, d.cities, ${day('d.starts_on')} AS starts, ${day('d.ends_on')} AS ends,
                 l.display_name AS leader_name, o.display_name AS owner_name, d.team_id, d.purpose, ${districtTimeSql('d.created_at')} AS created
            FROM delegations d LEFT JOIN users o ON o.id = d.owner_id LEFT JOIN users l ON l.id = d.leader_id
           WHERE ${where.join(' AND ')}
           ORDER BY d.${snake(sort.field)} ${dir}, d.id ${dir}`,
    params: p.values,
    columns: [
      { header: '名称', width: 30 },
      { header: '方向', width: 9 },
      { header: '城市', width: 20 },
      { header: '开始日期', width: 12, numFmt: DATE_FORMAT },
      { header: '结束日期', width: 12, numFmt: DATE_FORMAT },
      { header: '带队领导', width: 10 },
      { header: '负责人', width: 10 },
      { header: '专班', width: 16 },
      { header: '目的', width: 30 },
      { header: '创建时间', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'ID', width: 38 },
    ],
    row: (r, lookups) => [
      text(r.name),
      r.direction === 'outbound' ? '走出去' : r.direction === 'inbound' ? '请进来' : text(r.direction),
      ((r.cities as string[] | null) ?? []).join('、') || null,
      districtTime(r.starts),
      districtTime(r.ends),
      text(r.leader_name),
      text(r.owner_name),
      lookups.teamName(r.team_id as string | null),
      text(r.purpose),
      districtTime(r.created),
      text(r.id),
    ],
  };
}

function deletedClause(alias: string, user: AuthUser, deleted: boolean | undefined): string {
  if (!deleted) return `${alias}.deleted_at IS NULL`;
  if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
  return `${alias}.deleted_at IS NOT NULL`;
}
