import type { ChainLayer, ChainLevel, LeadSource, ProjectStatus } from './enums';

/**
 * Annual targets (年度目标) and the leaders' dashboard. Every figure is counted from the records
 * (docs/metrics.md defines each one) and carries the list filter that shows the records behind it.
 */

/** The figures a year's target is set for, in the order the dashboard shows them. */
export const TARGET_METRICS = [
  'newLeads',
  'projectsSigned',
  'contractedWan',
  'paidInDomesticWan',
  'paidInForeignWan',
  'projectsStarted',
  'projectsInProduction',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  newLeads: '新增线索',
  projectsSigned: '签约项目',
  contractedWan: '合同投资额',
  paidInDomesticWan: '引进内资（到位）',
  paidInForeignWan: '引进外资（到位）',
  projectsStarted: '开工项目',
  projectsInProduction: '投产项目',
};

/** `count` figures are numbers of records; `wan` figures are integer 万元. */
export const TARGET_METRIC_UNITS: Record<TargetMetric, 'count' | 'wan'> = {
  newLeads: 'count',
  projectsSigned: 'count',
  contractedWan: 'wan',
  paidInDomesticWan: 'wan',
  paidInForeignWan: 'wan',
  projectsStarted: 'count',
  projectsInProduction: 'count',
};

export type TargetValuesDto = Record<TargetMetric, number>;

export interface TargetDto extends TargetValuesDto {
  id: string;
  year: number;
  /** null: the district's own target (全区). */
  teamId: string | null;
  teamName: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * Where a number leads: a console list route and the query its filters take (the same names as
 * the API's list filters, e.g. GET /api/projects?stage=signed), or a single record's route.
 */
export interface DrillDto {
  path: string;
  query: Record<string, string>;
}

export interface FigureDto {
  value: number;
  drill: DrillDto;
}

export interface DashboardPeriodDto {
  year: number;
  /** Inclusive start, ISO 8601 with the district's offset (+08:00). */
  from: string;
  /** Exclusive end. */
  to: string;
  /** null: the whole district. */
  teamId: string | null;
  teamName: string | null;
}

export interface TargetFigureDto {
  metric: TargetMetric;
  label: string;
  unit: 'count' | 'wan';
  actual: number;
  /** For 万元 figures, the same in 亿元 (actual ÷ 10,000); null for counts. */
  actualYi: number | null;
  /** The year's target for the scope (team or district); null when none is set. */
  target: number | null;
  /** actual ÷ target, rounded to 4 decimals (1 = 100 %); null without a target above zero. */
  progress: number | null;
  drill: DrillDto;
}

export interface DashboardSummaryDto {
  period: DashboardPeriodDto;
  figures: TargetFigureDto[];
  /** Projects now stalled (no stage move or timeline entry for STALLED_DAYS). */
  stalledProjects: FigureDto;
  stalledDays: number;
}

export interface FunnelStageDto {
  stage: ProjectStatus;
  label: string;
  /** Live projects now at this stage. */
  count: number;
  /** Their total investment (总投资), 万元 and 亿元. */
  investmentWan: number;
  investmentYi: number;
  drill: DrillDto;
  /** Projects that first reached this stage or a later one within the period (pipeline stages only). */
  reachedInPeriod: FigureDto | null;
}

export interface DashboardFunnelDto {
  period: DashboardPeriodDto;
  /** negotiating → in_production, then the side states on_hold and lost. */
  stages: FunnelStageDto[];
}

export interface ChainNodeFiguresDto {
  nodeId: string;
  parentId: string | null;
  name: string;
  layer: ChainLayer | null;
  depth: number;
  /** The chain map's colour: local companies on this node or below it (as GET /api/chains/{code}). */
  level: ChainLevel;
  /** Companies tagged with this node itself: local (落地) and in the target pool. */
  localCompanies: FigureDto;
  targetCompanies: FigureDto;
  newLeads: FigureDto;
  /** Live projects tagged with the node, and their total investment (万元). */
  projects: FigureDto;
  investmentWan: FigureDto;
  projectsSigned: FigureDto;
  contractedWan: FigureDto;
}

export interface ChainFiguresDto {
  chainId: string;
  code: string;
  name: string;
  kind: 'chain' | 'sector';
  gapCount: number;
  weakCount: number;
  strongCount: number;
  nodes: ChainNodeFiguresDto[];
}

export interface DashboardChainsDto {
  period: DashboardPeriodDto;
  chains: ChainFiguresDto[];
}

export interface TeamFiguresDto {
  teamId: string;
  teamName: string;
  figures: TargetFigureDto[];
  stalledProjects: FigureDto;
}

export interface DashboardTeamsDto {
  period: DashboardPeriodDto;
  teams: TeamFiguresDto[];
}

export interface MonthFiguresDto {
  /** YYYY-MM */
  month: string;
  from: string;
  to: string;
  newLeads: FigureDto;
  projectsSigned: FigureDto;
  contractedWan: FigureDto;
  projectsStarted: FigureDto;
  projectsInProduction: FigureDto;
}

export interface DashboardMonthsDto {
  period: DashboardPeriodDto;
  months: MonthFiguresDto[];
}

export interface StalledProjectDto {
  id: string;
  name: string;
  stage: ProjectStatus;
  teamId: string | null;
  teamName: string | null;
  ownerId: string;
  ownerName: string | null;
  responsibleLeaderId: string | null;
  responsibleLeaderName: string | null;
  totalInvestmentWan: number | null;
  lastProgressAt: string;
  /** Whole days since the last stage move or timeline entry. */
  idleDays: number;
  drill: DrillDto;
}

export interface StalledGroupDto {
  userId: string;
  name: string | null;
  count: FigureDto;
}

export interface DashboardStalledDto {
  period: DashboardPeriodDto;
  stalledDays: number;
  total: FigureDto;
  /** The longest-idle first, up to `limit`; the drill of `total` lists them all. */
  items: StalledProjectDto[];
  /** Stalled projects per responsible leader (包保领导) and per owner. */
  byLeader: StalledGroupDto[];
  byOwner: StalledGroupDto[];
}

export interface InvestmentRowDto {
  /** A stage, `all` (every live project) or `signed_in_period`. */
  key: ProjectStatus | 'all' | 'signed_in_period';
  label: string;
  projects: number;
  /** 总投资 (projected), 合同额 (contracted), 到位资金 (actual), 万元. */
  projectedWan: number;
  contractedWan: number;
  actualWan: number;
  projectedJobs: number;
  contractedJobs: number;
  actualJobs: number;
  drill: DrillDto;
}

export interface DashboardInvestmentDto {
  period: DashboardPeriodDto;
  rows: InvestmentRowDto[];
}

export const YIELD_SOURCE_KINDS = ['roadshow', 'trip', 'card'] as const;
export type YieldSourceKind = (typeof YIELD_SOURCE_KINDS)[number];

export interface YieldItemDto {
  id: string;
  kind: YieldSourceKind;
  name: string;
  /** Leads created in the period whose source link is this roadshow, trip or card. */
  leads: FigureDto;
  /** Projects linked to it that first reached signed in the period, and their contracted 万元. */
  signedProjects: FigureDto;
  contractedWan: FigureDto;
  /** Cards only: page opens and interest forms in the period; null for roadshows and trips. */
  opens: number | null;
  interests: number | null;
  drill: DrillDto;
}

export interface DashboardTopDto {
  period: DashboardPeriodDto;
  roadshows: YieldItemDto[];
  trips: YieldItemDto[];
  cards: YieldItemDto[];
}

/** The sources whose first response is timed: the investor reached out to us. */
export const INBOUND_LEAD_SOURCES = [
  'card_interest',
  'inbound_visit',
  'online',
] as const satisfies readonly LeadSource[];

export interface ResponseTimeRowDto {
  /** One inbound source, or `all` of them. */
  source: LeadSource | 'all';
  label: string;
  /** Inbound leads created in the period. */
  leads: FigureDto;
  /** Of those, answered (firstResponseAt set) and not yet answered. */
  responded: FigureDto;
  unanswered: FigureDto;
  /** Hours from creation to first response over the answered ones; null when none. */
  medianHours: number | null;
  p90Hours: number | null;
  /** Answered within FIRST_RESPONSE_HOURS. */
  withinTarget: number;
  /** Answered, or unanswered for longer than the target: those whose outcome is known. */
  decided: number;
  /** withinTarget ÷ decided, 4 decimals; null when nothing is decided yet. */
  shareWithinTarget: number | null;
}

export interface DashboardResponseTimesDto {
  period: DashboardPeriodDto;
  targetHours: number;
  overall: ResponseTimeRowDto;
  bySource: ResponseTimeRowDto[];
}
