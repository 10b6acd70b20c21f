import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INBOUND_LEAD_SOURCES,
  LEAD_SOURCE_LABELS,
  PROJECT_STAGES,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  TARGET_METRIC_LABELS,
  TARGET_METRIC_UNITS,
  TARGET_METRICS,
  type ChainFiguresDto,
  type ChainLevel,
  type ChainNodeDto,
  type DashboardChainsDto,
  type DashboardFunnelDto,
  type DashboardInvestmentDto,
  type DashboardMonthsDto,
  type DashboardResponseTimesDto,
  type DashboardStalledDto,
  type DashboardSummaryDto,
  type DashboardTeamsDto,
  type DashboardTopDto,
  type InvestmentRowDto,
  type LeadSource,
  type ProjectStage,
  type ProjectStatus,
  type ResponseTimeRowDto,
  type StalledGroupDto,
  type TargetFigureDto,
  type TargetMetric,
  type YieldItemDto,
  type YieldSourceKind,
} from '@lianqiao/contracts';
import { DataSource } from 'typeorm';
import { ownerMayUseSql, positionalSql } from '../../common/auth/access';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { crmConfig, type CrmConfig } from '../../config/crm.config';
import { ChainsService } from '../chains/chains.service';
import { Team } from '../org/team.entity';
import { Target } from '../targets/target.entity';
import { TargetsService } from '../targets/targets.service';
import { DashboardScope, dayStart } from './dashboard-scope';
import { DashboardQueryDto, StalledQueryDto } from './dto/dashboard.dto';

type Values = Record<TargetMetric, number>;

const ZERO: Values = Object.fromEntries(TARGET_METRICS.map((m) => [m, 0])) as Values;

/** Per project, when it first reached each pipeline stage or a later one (a skip counts as reaching). */
const REACHED_SQL = `SELECT c.project_id, ${PROJECT_STAGES.map(
  (stage, i) =>
    `min(c.at) FILTER (WHERE c.to_stage::text IN (${PROJECT_STAGES.slice(i)
      .map((s) => `'${s}'`)
      .join(', ')})) AS ${stage}_at`,
).join(',\n  ')}
  FROM project_stage_changes c GROUP BY c.project_id`;

const inPeriod = (column: string) => `(${column} >= $1 AND ${column} < $2)`;
const yi = (wan: number) => Number((wan / 10_000).toFixed(4));
const ratio = (actual: number, target: number | null) =>
  target && target > 0 ? Number((actual / target).toFixed(4)) : null;
const hours = (value: string | number | null) => (value === null ? null : Number(Number(value).toFixed(2)));

/**
 * The leaders' figures, each counted from the records in one SQL pass and each carrying the list
 * filter that shows the records behind it. docs/metrics.md defines every figure.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(crmConfig.KEY) private readonly config: CrmConfig,
    private readonly targets: TargetsService,
    private readonly chains: ChainsService,
  ) {}

  /** Staff get their own team's dashboard; leaders and admins any team's or the district's. */
  async scope(user: AuthUser, query: DashboardQueryDto): Promise<DashboardScope> {
    let teamId = query.teamId ?? null;
    if (!seesAllTeams(user)) {
      if (!user.teamId) throw ApiError.forbidden('未加入专班，无法查看看板');
      if (teamId && teamId !== user.teamId) throw ApiError.forbidden('只能查看本专班的看板');
      teamId = user.teamId;
    }
    let team: Team | null = null;
    if (teamId) {
      team = await this.dataSource.getRepository(Team).findOneBy({ id: teamId });
      if (!team) throw ApiError.field('teamId', '专班不存在');
    }
    return DashboardScope.resolve(query, team);
  }

  async summary(user: AuthUser, query: DashboardQueryDto): Promise<DashboardSummaryDto> {
    const scope = await this.scope(user, query);
    const [values] = [...(await this.values(scope, false)).values()];
    const target = await this.targets.forScope(scope.year, scope.teamId);
    const stalled = await this.stalledCounts(scope, false);
    return {
      period: scope.period(),
      figures: this.targetFigures(scope, values ?? ZERO, target, scope.teamId),
      stalledProjects: { value: stalled.get(null) ?? 0, drill: scope.drill('/projects', { stalled: 'true' }) },
      stalledDays: this.config.stalledDays,
    };
  }

  async funnel(user: AuthUser, query: DashboardQueryDto): Promise<DashboardFunnelDto> {
    const scope = await this.scope(user, query);
    const [team1, params1] = this.teamFilter(scope, 'p', 1);
    const [team, params] = this.teamFilter(scope, 'p', 3);
    const current: Array<{ stage: ProjectStatus; count: number; wan: string }> = await this.dataSource.query(
      `SELECT p.stage, count(*)::int AS count, coalesce(sum(p.total_investment_wan), 0) AS wan
         FROM projects p WHERE p.deleted_at IS NULL ${team1} GROUP BY p.stage`,
      params1,
    );
    const reached: Array<Record<string, number>> = await this.dataSource.query(
      `WITH r AS (${REACHED_SQL})
       SELECT ${PROJECT_STAGES.map((s) => `count(*) FILTER (WHERE ${inPeriod(`r.${s}_at`)})::int AS ${s}`).join(', ')}
         FROM projects p JOIN r ON r.project_id = p.id WHERE p.deleted_at IS NULL ${team}`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const byStage = new Map(current.map((row) => [row.stage, row]));
    return {
      period: scope.period(),
      stages: PROJECT_STATUSES.map((stage) => {
        const row = byStage.get(stage);
        const wan = Number(row?.wan ?? 0);
        const isPipeline = (PROJECT_STAGES as readonly string[]).includes(stage);
        return {
          stage,
          label: PROJECT_STATUS_LABELS[stage],
          count: row?.count ?? 0,
          investmentWan: wan,
          investmentYi: yi(wan),
          drill: scope.drill('/projects', { stage }),
          reachedInPeriod: isPipeline
            ? {
                value: reached[0][stage] ?? 0,
                drill: scope.drill('/projects', this.reachedQuery(scope, stage as ProjectStage)),
              }
            : null,
        };
      }),
    };
  }

  async chainsFigures(user: AuthUser, query: DashboardQueryDto): Promise<DashboardChainsDto> {
    const scope = await this.scope(user, query);
    const [team, params] = this.teamFilter(scope, 'x', 3);
    const leads: Array<{ node_id: string; count: number }> = await this.dataSource.query(
      `SELECT n.node_id, count(*)::int AS count
         FROM leads x CROSS JOIN LATERAL (SELECT DISTINCT unnest(x.chain_node_ids) AS node_id) n
        WHERE x.deleted_at IS NULL AND ${inPeriod('x.created_at')} ${team}
        GROUP BY n.node_id`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const projects: Array<{ node_id: string; count: number; wan: string; signed: number; contracted: string }> =
      await this.dataSource.query(
        `WITH r AS (${REACHED_SQL})
       SELECT n.node_id, count(*)::int AS count, coalesce(sum(x.total_investment_wan), 0) AS wan,
              count(*) FILTER (WHERE ${inPeriod('r.signed_at')})::int AS signed,
              coalesce(sum(x.contracted_wan) FILTER (WHERE ${inPeriod('r.signed_at')}), 0) AS contracted
         FROM projects x CROSS JOIN LATERAL (SELECT DISTINCT unnest(x.chain_node_ids) AS node_id) n
         LEFT JOIN r ON r.project_id = x.id
        WHERE x.deleted_at IS NULL ${team}
        GROUP BY n.node_id`,
        [scope.fromDate, scope.toDate, ...params],
      );
    const companies: Array<{ node_id: string; local: number; target: number }> = await this.dataSource.query(
      `SELECT n.node_id, count(*) FILTER (WHERE NOT c.is_target)::int AS local, count(*) FILTER (WHERE c.is_target)::int AS target
         FROM companies c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.chain_node_ids) AS node_id) n
        WHERE c.deleted_at IS NULL
        GROUP BY n.node_id`,
    );
    const leadsBy = new Map(leads.map((r) => [r.node_id, r.count]));
    const projectsBy = new Map(projects.map((r) => [r.node_id, r]));
    const companiesBy = new Map(companies.map((r) => [r.node_id, r]));
    const chains: ChainFiguresDto[] = [];
    for (const summary of await this.chains.list()) {
      const tree = await this.chains.tree(summary.code);
      const flat: Array<{ node: ChainNodeDto; depth: number }> = [];
      const walk = (nodes: ChainNodeDto[], depth: number) =>
        nodes.forEach((node) => {
          flat.push({ node, depth });
          walk(node.children, depth + 1);
        });
      walk(tree.nodes, 0);
      const levels: Record<ChainLevel, number> = { gap: 0, weak: 0, strong: 0 };
      for (const { node } of flat) levels[node.level]++;
      chains.push({
        chainId: tree.id,
        code: tree.code,
        name: tree.name,
        kind: tree.kind,
        gapCount: levels.gap,
        weakCount: levels.weak,
        strongCount: levels.strong,
        nodes: flat.map(({ node, depth }) => {
          const p = projectsBy.get(node.id);
          const c = companiesBy.get(node.id);
          const projectsDrill = scope.drill('/projects', { chainNode: node.id });
          const signedDrill = scope.drill('/projects', { chainNode: node.id, ...this.reachedQuery(scope, 'signed') });
          return {
            nodeId: node.id,
            parentId: node.parentId,
            name: node.name,
            layer: node.layer,
            depth,
            level: node.level,
            localCompanies: {
              value: c?.local ?? 0,
              drill: scope.drill('/companies', { chainNode: node.id, isTarget: 'false' }, null),
            },
            targetCompanies: {
              value: c?.target ?? 0,
              drill: scope.drill('/companies', { chainNode: node.id, isTarget: 'true' }, null),
            },
            newLeads: {
              value: leadsBy.get(node.id) ?? 0,
              drill: scope.drill('/leads', { chainNode: node.id, from: scope.from, to: scope.to }),
            },
            projects: { value: p?.count ?? 0, drill: projectsDrill },
            investmentWan: { value: Number(p?.wan ?? 0), drill: projectsDrill },
            projectsSigned: { value: p?.signed ?? 0, drill: signedDrill },
            contractedWan: { value: Number(p?.contracted ?? 0), drill: signedDrill },
          };
        }),
      });
    }
    return { period: scope.period(), chains };
  }

  async teams(user: AuthUser, query: DashboardQueryDto): Promise<DashboardTeamsDto> {
    const scope = await this.scope(user, query);
    const teams = await this.dataSource.getRepository(Team).find({ order: { name: 'ASC' } });
    const shown = scope.teamId ? teams.filter((t) => t.id === scope.teamId) : teams;
    const values = await this.values(scope, true);
    const stalled = await this.stalledCounts(scope, true);
    const targets = await this.targets.teamsOfYear(scope.year);
    return {
      period: scope.period(),
      teams: shown.map((team) => ({
        teamId: team.id,
        teamName: team.name,
        figures: this.targetFigures(scope, values.get(team.id) ?? ZERO, targets.get(team.id) ?? null, team.id),
        stalledProjects: {
          value: stalled.get(team.id) ?? 0,
          drill: scope.drill('/projects', { stalled: 'true' }, team.id),
        },
      })),
    };
  }

  async months(user: AuthUser, query: DashboardQueryDto): Promise<DashboardMonthsDto> {
    const scope = await this.scope(user, query);
    const [team, params] = this.teamFilter(scope, 'x', 3);
    const month = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    const leads: Array<{ month: string; count: number }> = await this.dataSource.query(
      `SELECT ${month('x.created_at')} AS month, count(*)::int AS count FROM leads x
        WHERE x.deleted_at IS NULL AND ${inPeriod('x.created_at')} ${team} GROUP BY 1`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const events = async (stage: ProjectStage) =>
      new Map(
        (
          (await this.dataSource.query(
            `WITH r AS (${REACHED_SQL})
             SELECT ${month(`r.${stage}_at`)} AS month, count(*)::int AS count, coalesce(sum(x.contracted_wan), 0) AS contracted
               FROM projects x JOIN r ON r.project_id = x.id
              WHERE x.deleted_at IS NULL AND ${inPeriod(`r.${stage}_at`)} ${team} GROUP BY 1`,
            [scope.fromDate, scope.toDate, ...params],
          )) as Array<{ month: string; count: number; contracted: string }>
        ).map((r) => [r.month, r]),
      );
    const leadsBy = new Map(leads.map((r) => [r.month, r.count]));
    const [signed, started, producing] = [
      await events('signed'),
      await events('under_construction'),
      await events('in_production'),
    ];
    return {
      period: scope.period(),
      months: scope.months().map((m) => {
        const from = dayStart(m.fromDay);
        const to = dayStart(m.toDay);
        const reached = (stage: ProjectStage) => ({ reachedStage: stage, reachedFrom: from, reachedTo: to });
        return {
          month: m.month,
          from,
          to,
          newLeads: { value: leadsBy.get(m.month) ?? 0, drill: scope.drill('/leads', { from, to }) },
          projectsSigned: {
            value: signed.get(m.month)?.count ?? 0,
            drill: scope.drill('/projects', reached('signed')),
          },
          contractedWan: {
            value: Number(signed.get(m.month)?.contracted ?? 0),
            drill: scope.drill('/projects', reached('signed')),
          },
          projectsStarted: {
            value: started.get(m.month)?.count ?? 0,
            drill: scope.drill('/projects', reached('under_construction')),
          },
          projectsInProduction: {
            value: producing.get(m.month)?.count ?? 0,
            drill: scope.drill('/projects', reached('in_production')),
          },
        };
      }),
    };
  }

  async stalled(user: AuthUser, query: StalledQueryDto): Promise<DashboardStalledDto> {
    const scope = await this.scope(user, query);
    const [team, params] = this.teamFilter(scope, 'p', 2);
    const stalledWhere = `p.deleted_at IS NULL AND p.stage NOT IN ('in_production', 'lost')
      AND p.last_progress_at < now() - make_interval(days => $1) ${team}`;
    const base = [this.config.stalledDays, ...params];
    const rows: Array<{
      id: string;
      name: string;
      stage: ProjectStatus;
      team_id: string | null;
      team_name: string | null;
      owner_id: string;
      owner_name: string | null;
      leader_id: string | null;
      leader_name: string | null;
      total: string | null;
      last: Date;
      idle: number;
    }> = await this.dataSource.query(
      `SELECT p.id, p.name, p.stage, p.team_id, t.name AS team_name, p.owner_id, o.display_name AS owner_name,
              p.responsible_leader_id AS leader_id, l.display_name AS leader_name, p.total_investment_wan AS total,
              p.last_progress_at AS last, floor(extract(epoch FROM now() - p.last_progress_at) / 86400)::int AS idle
         FROM projects p
         LEFT JOIN teams t ON t.id = p.team_id
         LEFT JOIN users o ON o.id = p.owner_id
         LEFT JOIN users l ON l.id = p.responsible_leader_id
        WHERE ${stalledWhere}
        ORDER BY p.last_progress_at ASC, p.id ASC
        LIMIT ${query.limit ?? 50}`,
      base,
    );
    const group = async (
      column: 'owner_id' | 'responsible_leader_id',
      filter: 'ownerId' | 'responsibleLeaderId',
    ): Promise<StalledGroupDto[]> => {
      const groups: Array<{ user_id: string; name: string | null; count: number }> = await this.dataSource.query(
        `SELECT p.${column} AS user_id, u.display_name AS name, count(*)::int AS count
           FROM projects p LEFT JOIN users u ON u.id = p.${column}
          WHERE ${stalledWhere} AND p.${column} IS NOT NULL
          GROUP BY p.${column}, u.display_name ORDER BY count(*) DESC, u.display_name`,
        base,
      );
      return groups.map((g) => ({
        userId: g.user_id,
        name: g.name,
        count: { value: g.count, drill: scope.drill('/projects', { stalled: 'true', [filter]: g.user_id }) },
      }));
    };
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM projects p WHERE ${stalledWhere}`,
      base,
    );
    return {
      period: scope.period(),
      stalledDays: this.config.stalledDays,
      total: { value: count, drill: scope.drill('/projects', { stalled: 'true' }) },
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        stage: r.stage,
        teamId: r.team_id,
        teamName: r.team_name,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        responsibleLeaderId: r.leader_id,
        responsibleLeaderName: r.leader_name,
        totalInvestmentWan: r.total === null ? null : Number(r.total),
        lastProgressAt: new Date(r.last).toISOString(),
        idleDays: r.idle,
        drill: { path: `/projects/${r.id}`, query: {} },
      })),
      byLeader: await group('responsible_leader_id', 'responsibleLeaderId'),
      byOwner: await group('owner_id', 'ownerId'),
    };
  }

  async investment(user: AuthUser, query: DashboardQueryDto): Promise<DashboardInvestmentDto> {
    const scope = await this.scope(user, query);
    const [team1, params1] = this.teamFilter(scope, 'p', 1);
    const [team, params] = this.teamFilter(scope, 'p', 3);
    const sums = `count(*)::int AS projects,
      coalesce(sum(p.total_investment_wan), 0) AS projected_wan, coalesce(sum(p.contracted_wan), 0) AS contracted_wan,
      coalesce(sum(p.paid_in_wan), 0) AS actual_wan, coalesce(sum(p.projected_jobs), 0) AS projected_jobs,
      coalesce(sum(p.contracted_jobs), 0) AS contracted_jobs, coalesce(sum(p.actual_jobs), 0) AS actual_jobs`;
    type Row = Record<
      | 'projects'
      | 'projected_wan'
      | 'contracted_wan'
      | 'actual_wan'
      | 'projected_jobs'
      | 'contracted_jobs'
      | 'actual_jobs',
      string | number
    > & {
      stage?: ProjectStatus;
    };
    const byStage: Row[] = await this.dataSource.query(
      `SELECT p.stage, ${sums} FROM projects p WHERE p.deleted_at IS NULL ${team1} GROUP BY p.stage`,
      params1,
    );
    const [all]: Row[] = await this.dataSource.query(
      `SELECT ${sums} FROM projects p WHERE p.deleted_at IS NULL ${team1}`,
      params1,
    );
    const [signed]: Row[] = await this.dataSource.query(
      `WITH r AS (${REACHED_SQL})
       SELECT ${sums} FROM projects p JOIN r ON r.project_id = p.id WHERE p.deleted_at IS NULL AND ${inPeriod('r.signed_at')} ${team}`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const row = (
      key: InvestmentRowDto['key'],
      label: string,
      r: Row | undefined,
      drill: InvestmentRowDto['drill'],
    ): InvestmentRowDto => ({
      key,
      label,
      projects: Number(r?.projects ?? 0),
      projectedWan: Number(r?.projected_wan ?? 0),
      contractedWan: Number(r?.contracted_wan ?? 0),
      actualWan: Number(r?.actual_wan ?? 0),
      projectedJobs: Number(r?.projected_jobs ?? 0),
      contractedJobs: Number(r?.contracted_jobs ?? 0),
      actualJobs: Number(r?.actual_jobs ?? 0),
      drill,
    });
    const stageRows = new Map(byStage.map((r) => [r.stage as ProjectStatus, r]));
    return {
      period: scope.period(),
      rows: [
        ...PROJECT_STATUSES.map((stage) =>
          row(stage, PROJECT_STATUS_LABELS[stage], stageRows.get(stage), scope.drill('/projects', { stage })),
        ),
        row('all', '全部项目', all, scope.drill('/projects')),
        row('signed_in_period', '本期签约项目', signed, scope.drill('/projects', this.reachedQuery(scope, 'signed'))),
      ],
    };
  }

  async top(user: AuthUser, query: DashboardQueryDto, limit = 10): Promise<DashboardTopDto> {
    const scope = await this.scope(user, query);
    return {
      period: scope.period(),
      roadshows: await this.yieldOf(user, scope, 'roadshow', 'roadshows', 'name', limit),
      trips: await this.yieldOf(user, scope, 'trip', 'delegations', 'name', limit),
      cards: await this.yieldOf(user, scope, 'card', 'promo_projects', 'title', limit),
    };
  }

  async responseTimes(user: AuthUser, query: DashboardQueryDto): Promise<DashboardResponseTimesDto> {
    const scope = await this.scope(user, query);
    const [team, params] = this.teamFilter(scope, 'l', 5);
    const targetHours = this.config.firstResponseHours;
    const rows: Array<{
      source: LeadSource | null;
      leads: number;
      responded: number;
      unanswered: number;
      median: string | null;
      p90: string | null;
      within: number;
      decided: number;
    }> = await this.dataSource.query(
      `WITH x AS (
         SELECT l.source, l.first_response_at, extract(epoch FROM l.first_response_at - l.created_at) / 3600 AS h,
                now() - l.created_at > make_interval(hours => $4) AS overdue
           FROM leads l
          WHERE l.deleted_at IS NULL AND l.source::text = ANY($3) AND ${inPeriod('l.created_at')} ${team})
       SELECT x.source, count(*)::int AS leads,
              count(x.first_response_at)::int AS responded,
              (count(*) - count(x.first_response_at))::int AS unanswered,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY x.h) FILTER (WHERE x.h IS NOT NULL) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY x.h) FILTER (WHERE x.h IS NOT NULL) AS p90,
              count(*) FILTER (WHERE x.h <= $4)::int AS within,
              count(*) FILTER (WHERE x.h IS NOT NULL OR x.overdue)::int AS decided
         FROM x GROUP BY ROLLUP (x.source)`,
      [scope.fromDate, scope.toDate, [...INBOUND_LEAD_SOURCES], targetHours, ...params],
    );
    const build = (source: LeadSource | 'all', sources: string): ResponseTimeRowDto => {
      const r = rows.find((row) => (source === 'all' ? row.source === null : row.source === source));
      const filters = { source: sources, from: scope.from, to: scope.to };
      const decided = r?.decided ?? 0;
      return {
        source,
        label: source === 'all' ? '全部来访/线上/扫码线索' : LEAD_SOURCE_LABELS[source],
        leads: { value: r?.leads ?? 0, drill: scope.drill('/leads', filters) },
        responded: { value: r?.responded ?? 0, drill: scope.drill('/leads', { ...filters, responded: 'true' }) },
        unanswered: { value: r?.unanswered ?? 0, drill: scope.drill('/leads', { ...filters, responded: 'false' }) },
        medianHours: hours(r?.median ?? null),
        p90Hours: hours(r?.p90 ?? null),
        withinTarget: r?.within ?? 0,
        decided,
        shareWithinTarget: decided > 0 ? Number(((r?.within ?? 0) / decided).toFixed(4)) : null,
      };
    };
    return {
      period: scope.period(),
      targetHours,
      overall: build('all', INBOUND_LEAD_SOURCES.join(',')),
      bySource: INBOUND_LEAD_SOURCES.map((s) => build(s, s)),
    };
  }

  // —— the shared counting ——

  /** The seven target figures, for the scope (key null) or per team (key team id). */
  private async values(scope: DashboardScope, byTeam: boolean): Promise<Map<string | null, Values>> {
    const [team, params] = this.teamFilter(scope, 'x', 3);
    const groupSelect = byTeam ? 'x.team_id AS team_id,' : 'NULL::uuid AS team_id,';
    const groupBy = byTeam ? 'GROUP BY x.team_id' : '';
    const leads: Array<{ team_id: string | null; count: number }> = await this.dataSource.query(
      `SELECT ${groupSelect} count(*)::int AS count FROM leads x
        WHERE x.deleted_at IS NULL AND ${inPeriod('x.created_at')} ${team} ${groupBy}`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const signed = inPeriod('r.signed_at');
    const projects: Array<Record<string, string | number | null>> = await this.dataSource.query(
      `WITH r AS (${REACHED_SQL})
       SELECT ${groupSelect}
              count(*) FILTER (WHERE ${signed})::int AS projects_signed,
              coalesce(sum(x.contracted_wan) FILTER (WHERE ${signed}), 0) AS contracted_wan,
              coalesce(sum(x.paid_in_wan) FILTER (WHERE ${signed} AND x.capital_origin = 'domestic'), 0) AS paid_in_domestic_wan,
              coalesce(sum(x.paid_in_wan) FILTER (WHERE ${signed} AND x.capital_origin = 'foreign'), 0) AS paid_in_foreign_wan,
              count(*) FILTER (WHERE ${inPeriod('r.under_construction_at')})::int AS projects_started,
              count(*) FILTER (WHERE ${inPeriod('r.in_production_at')})::int AS projects_in_production
         FROM projects x JOIN r ON r.project_id = x.id
        WHERE x.deleted_at IS NULL ${team} ${groupBy}`,
      [scope.fromDate, scope.toDate, ...params],
    );
    const out = new Map<string | null, Values>();
    const entry = (key: string | null) => {
      if (!out.has(key)) out.set(key, { ...ZERO });
      return out.get(key)!;
    };
    for (const row of leads) entry(byTeam ? row.team_id : null).newLeads = row.count;
    for (const row of projects) {
      const values = entry(byTeam ? (row.team_id as string | null) : null);
      values.projectsSigned = Number(row.projects_signed);
      values.contractedWan = Number(row.contracted_wan);
      values.paidInDomesticWan = Number(row.paid_in_domestic_wan);
      values.paidInForeignWan = Number(row.paid_in_foreign_wan);
      values.projectsStarted = Number(row.projects_started);
      values.projectsInProduction = Number(row.projects_in_production);
    }
    return out;
  }

  private async stalledCounts(scope: DashboardScope, byTeam: boolean): Promise<Map<string | null, number>> {
    const [team, params] = this.teamFilter(scope, 'p', 2);
    const rows: Array<{ team_id: string | null; count: number }> = await this.dataSource.query(
      `SELECT ${byTeam ? 'p.team_id' : 'NULL::uuid'} AS team_id, count(*)::int AS count FROM projects p
        WHERE p.deleted_at IS NULL AND p.stage NOT IN ('in_production', 'lost')
          AND p.last_progress_at < now() - make_interval(days => $1) ${team}
        ${byTeam ? 'GROUP BY p.team_id' : ''}`,
      [this.config.stalledDays, ...params],
    );
    return new Map(rows.map((r) => [r.team_id, r.count]));
  }

  private targetFigures(
    scope: DashboardScope,
    values: Values,
    target: Target | null,
    teamId: string | null,
  ): TargetFigureDto[] {
    const reached = (stage: ProjectStage, extra: Record<string, string> = {}) =>
      scope.drill('/projects', { ...this.reachedQuery(scope, stage), ...extra }, teamId);
    const drills: Record<TargetMetric, TargetFigureDto['drill']> = {
      newLeads: scope.drill('/leads', { from: scope.from, to: scope.to }, teamId),
      projectsSigned: reached('signed'),
      contractedWan: reached('signed'),
      paidInDomesticWan: reached('signed', { capitalOrigin: 'domestic' }),
      paidInForeignWan: reached('signed', { capitalOrigin: 'foreign' }),
      projectsStarted: reached('under_construction'),
      projectsInProduction: reached('in_production'),
    };
    return TARGET_METRICS.map((metric) => {
      const unit = TARGET_METRIC_UNITS[metric];
      const goal = target ? target[metric] : null;
      return {
        metric,
        label: TARGET_METRIC_LABELS[metric],
        unit,
        actual: values[metric],
        actualYi: unit === 'wan' ? yi(values[metric]) : null,
        target: goal,
        progress: ratio(values[metric], goal),
        drill: drills[metric],
      };
    });
  }

  private reachedQuery(scope: DashboardScope, stage: ProjectStage): Record<string, string> {
    return { reachedStage: stage, reachedFrom: scope.from, reachedTo: scope.to };
  }

  /** "AND alias.team_id = $n" with its parameter, or nothing for the district. */
  private teamFilter(scope: DashboardScope, alias: string, position: number): [string, unknown[]] {
    return scope.teamId ? [`AND ${alias}.team_id = $${position}`, [scope.teamId]] : ['', []];
  }

  /**
   * What each roadshow, trip or card produced in the period: leads linked to it (source link)
   * created in the period, and linked projects first signed in the period with their contracted
   * amounts. Ranked by contracted 万元, then signed projects, then leads; those with no yield are left out.
   */
  /**
   * The events, trips or cards that brought the scope's leads and signings, among those the caller
   * may see; a lead or project counts only when its owner may use its source (ownerMayUseSql).
   */
  private async yieldOf(
    user: AuthUser,
    scope: DashboardScope,
    kind: YieldSourceKind,
    table: string,
    nameColumn: string,
    limit: number,
  ): Promise<YieldItemDto[]> {
    const teamOf = (alias: string) => (scope.teamId ? `AND ${alias}.team_id = $3` : '');
    const cards = kind === 'card';
    const policyKind = ({ roadshow: 'roadshow', trip: 'delegation', card: 'promo_project' } as const)[kind];
    const values: unknown[] = [scope.fromDate, scope.toDate, ...(scope.teamId ? [scope.teamId] : [])];
    const visible = positionalSql(user, policyKind, 's', values);
    const usable = (alias: string) =>
      `EXISTS (SELECT 1 FROM ${table} src WHERE src.id = ${alias}.source_ref_id AND ${ownerMayUseSql(policyKind, 'src', `${alias}.owner_id`, `${alias}.team_id`)})`;
    const rows: Array<{
      id: string;
      name: string;
      leads: number;
      signed: number;
      contracted: string;
      opens: number | null;
      interests: number | null;
    }> = await this.dataSource.query(
      `WITH r AS (${REACHED_SQL}),
         l AS (SELECT x.source_ref_id AS id, count(*)::int AS leads FROM leads x
                WHERE x.deleted_at IS NULL AND x.source_ref_id IS NOT NULL AND ${inPeriod('x.created_at')} ${teamOf('x')}
                  AND ${usable('x')}
                GROUP BY x.source_ref_id),
         p AS (SELECT x.source_ref_id AS id, count(*)::int AS signed, coalesce(sum(x.contracted_wan), 0) AS contracted
                 FROM projects x JOIN r ON r.project_id = x.id
                WHERE x.deleted_at IS NULL AND x.source_ref_id IS NOT NULL AND ${inPeriod('r.signed_at')} ${teamOf('x')}
                  AND ${usable('x')}
                GROUP BY x.source_ref_id)
         SELECT s.id, s.${nameColumn} AS name, coalesce(l.leads, 0) AS leads, coalesce(p.signed, 0) AS signed,
                coalesce(p.contracted, 0) AS contracted,
                ${cards ? `(SELECT count(*)::int FROM card_opens o WHERE o.promo_project_id = s.id AND ${inPeriod('o.opened_at')})` : 'NULL'} AS opens,
                ${cards ? `(SELECT count(*)::int FROM card_interests i WHERE i.promo_project_id = s.id AND ${inPeriod('i.created_at')})` : 'NULL'} AS interests
           FROM ${table} s
           LEFT JOIN l ON l.id = s.id
           LEFT JOIN p ON p.id = s.id
          WHERE s.deleted_at IS NULL AND (l.leads > 0 OR p.signed > 0) AND ${visible}
          ORDER BY coalesce(p.contracted, 0) DESC, coalesce(p.signed, 0) DESC, coalesce(l.leads, 0) DESC, s.${nameColumn}, s.id
          LIMIT ${limit}`,
      values,
    );
    const route = { roadshow: '/roadshows', trip: '/delegations', card: '/promo-projects' }[kind];
    return rows.map((row) => {
      const signedDrill = scope.drill('/projects', { sourceRefId: row.id, ...this.reachedQuery(scope, 'signed') });
      return {
        id: row.id,
        kind,
        name: row.name,
        leads: {
          value: row.leads,
          drill: scope.drill('/leads', { sourceRefId: row.id, from: scope.from, to: scope.to }),
        },
        signedProjects: { value: row.signed, drill: signedDrill },
        contractedWan: { value: Number(row.contracted), drill: signedDrill },
        opens: row.opens,
        interests: row.interests,
        drill: { path: `${route}/${row.id}`, query: {} },
      };
    });
  }
}
