import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHAIN_LAYERS,
  CHAIN_LEVELS,
  LEAD_SOURCES,
  PROJECT_STATUSES,
  TARGET_METRICS,
  YIELD_SOURCE_KINDS,
  type ChainFiguresDto,
  type ChainLayer,
  type ChainLevel,
  type ChainNodeFiguresDto,
  type DashboardChainsDto,
  type DashboardFunnelDto,
  type DashboardInvestmentDto,
  type DashboardMonthsDto,
  type DashboardPeriodDto,
  type DashboardResponseTimesDto,
  type DashboardStalledDto,
  type DashboardSummaryDto,
  type DashboardTeamsDto,
  type DashboardTopDto,
  type DrillDto,
  type FigureDto,
  type FunnelStageDto,
  type InvestmentRowDto,
  type LeadSource,
  type MonthFiguresDto,
  type ProjectStatus,
  type ResponseTimeRowDto,
  type StalledGroupDto,
  type StalledProjectDto,
  type TargetFigureDto,
  type TargetMetric,
  type TeamFiguresDto,
  type YieldItemDto,
  type YieldSourceKind,
} from '@lianqiao/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDay } from '../../../common/validation/dates';

export class DashboardQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'the target year; defaults to the current year (China time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'first day of the period (within the year); defaults to 1 January',
  })
  @IsOptional()
  @IsCalendarDay()
  from?: string;
  @ApiPropertyOptional({
    example: '2026-04-01',
    description: 'day after the period (exclusive); defaults to 1 January of the next year',
  })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
  @ApiPropertyOptional({
    description: "one team's dashboard; absent: the district (leaders and admins). Staff always get their own team.",
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

export class StalledQueryDto extends DashboardQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class DrillResponseDto implements DrillDto {
  @ApiProperty({ example: '/projects', description: 'console route of the list (or record) behind the number' })
  path: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { stage: 'signed', teamId: '…' },
    description: 'the list filters, named as in GET /api/<list>',
  })
  query: Record<string, string>;
}

export class FigureResponseDto implements FigureDto {
  @ApiProperty() value: number;
  @ApiProperty({ type: DrillResponseDto }) drill: DrillResponseDto;
}

export class PeriodResponseDto implements DashboardPeriodDto {
  @ApiProperty() year: number;
  @ApiProperty({ example: '2026-01-01T00:00:00+08:00' }) from: string;
  @ApiProperty({ example: '2027-01-01T00:00:00+08:00', description: 'exclusive' }) to: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the district' }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
}

export class TargetFigureResponseDto implements TargetFigureDto {
  @ApiProperty({ enum: TARGET_METRICS }) metric: TargetMetric;
  @ApiProperty({ example: '签约项目' }) label: string;
  @ApiProperty({ enum: ['count', 'wan'] }) unit: 'count' | 'wan';
  @ApiProperty() actual: number;
  @ApiProperty({ nullable: true, type: Number, description: '万元 figures in 亿元' }) actualYi: number | null;
  @ApiProperty({ nullable: true, type: Number }) target: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'actual ÷ target, 4 decimals' }) progress: number | null;
  @ApiProperty({ type: DrillResponseDto }) drill: DrillResponseDto;
}

export class SummaryResponseDto implements DashboardSummaryDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [TargetFigureResponseDto] }) figures: TargetFigureResponseDto[];
  @ApiProperty({ type: FigureResponseDto }) stalledProjects: FigureResponseDto;
  @ApiProperty() stalledDays: number;
}

export class FunnelStageResponseDto implements FunnelStageDto {
  @ApiProperty({ enum: PROJECT_STATUSES }) stage: ProjectStatus;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
  @ApiProperty() investmentWan: number;
  @ApiProperty() investmentYi: number;
  @ApiProperty({ type: DrillResponseDto }) drill: DrillResponseDto;
  @ApiProperty({ type: FigureResponseDto, nullable: true }) reachedInPeriod: FigureResponseDto | null;
}

export class FunnelResponseDto implements DashboardFunnelDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [FunnelStageResponseDto] }) stages: FunnelStageResponseDto[];
}

export class ChainNodeFiguresResponseDto implements ChainNodeFiguresDto {
  @ApiProperty() nodeId: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHAIN_LAYERS, nullable: true }) layer: ChainLayer | null;
  @ApiProperty() depth: number;
  @ApiProperty({ enum: CHAIN_LEVELS }) level: ChainLevel;
  @ApiProperty({ type: FigureResponseDto }) localCompanies: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) targetCompanies: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) newLeads: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) projects: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) investmentWan: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) projectsSigned: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) contractedWan: FigureResponseDto;
}

export class ChainFiguresResponseDto implements ChainFiguresDto {
  @ApiProperty() chainId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['chain', 'sector'] }) kind: 'chain' | 'sector';
  @ApiProperty() gapCount: number;
  @ApiProperty() weakCount: number;
  @ApiProperty() strongCount: number;
  @ApiProperty({ type: [ChainNodeFiguresResponseDto] }) nodes: ChainNodeFiguresResponseDto[];
}

export class ChainsResponseDto implements DashboardChainsDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [ChainFiguresResponseDto] }) chains: ChainFiguresResponseDto[];
}

export class TeamFiguresResponseDto implements TeamFiguresDto {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: [TargetFigureResponseDto] }) figures: TargetFigureResponseDto[];
  @ApiProperty({ type: FigureResponseDto }) stalledProjects: FigureResponseDto;
}

export class TeamsResponseDto implements DashboardTeamsDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [TeamFiguresResponseDto] }) teams: TeamFiguresResponseDto[];
}

export class MonthFiguresResponseDto implements MonthFiguresDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: FigureResponseDto }) newLeads: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) projectsSigned: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) contractedWan: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) projectsStarted: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) projectsInProduction: FigureResponseDto;
}

export class MonthsResponseDto implements DashboardMonthsDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [MonthFiguresResponseDto] }) months: MonthFiguresResponseDto[];
}

export class StalledProjectResponseDto implements StalledProjectDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) stage: ProjectStatus;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleLeaderId: string | null;
  @ApiProperty({ nullable: true, type: String, description: '包保领导' }) responsibleLeaderName: string | null;
  @ApiProperty({ nullable: true, type: Number }) totalInvestmentWan: number | null;
  @ApiProperty() lastProgressAt: string;
  @ApiProperty() idleDays: number;
  @ApiProperty({ type: DrillResponseDto }) drill: DrillResponseDto;
}

export class StalledGroupResponseDto implements StalledGroupDto {
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ type: FigureResponseDto }) count: FigureResponseDto;
}

export class StalledResponseDto implements DashboardStalledDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty() stalledDays: number;
  @ApiProperty({ type: FigureResponseDto }) total: FigureResponseDto;
  @ApiProperty({ type: [StalledProjectResponseDto] }) items: StalledProjectResponseDto[];
  @ApiProperty({ type: [StalledGroupResponseDto] }) byLeader: StalledGroupResponseDto[];
  @ApiProperty({ type: [StalledGroupResponseDto] }) byOwner: StalledGroupResponseDto[];
}

export class InvestmentRowResponseDto implements InvestmentRowDto {
  @ApiProperty({ enum: [...PROJECT_STATUSES, 'all', 'signed_in_period'] }) key:
    ProjectStatus | 'all' | 'signed_in_period';
  @ApiProperty() label: string;
  @ApiProperty() projects: number;
  @ApiProperty({ description: '总投资（万元）' }) projectedWan: number;
  @ApiProperty({ description: '合同额（万元）' }) contractedWan: number;
  @ApiProperty({ description: '到位资金（万元）' }) actualWan: number;
  @ApiProperty() projectedJobs: number;
  @ApiProperty() contractedJobs: number;
  @ApiProperty() actualJobs: number;
  @ApiProperty({ type: DrillResponseDto }) drill: DrillResponseDto;
}

export class InvestmentResponseDto implements DashboardInvestmentDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [InvestmentRowResponseDto] }) rows: InvestmentRowResponseDto[];
}

export class YieldItemResponseDto implements YieldItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: YIELD_SOURCE_KINDS }) kind: YieldSourceKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: FigureResponseDto }) leads: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) signedProjects: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) contractedWan: FigureResponseDto;
  @ApiProperty({ nullable: true, type: Number }) opens: number | null;
  @ApiProperty({ nullable: true, type: Number }) interests: number | null;
  @ApiProperty({ type: DrillResponseDto, description: 'the roadshow, trip or card itself' }) drill: DrillResponseDto;
}

export class TopResponseDto implements DashboardTopDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ type: [YieldItemResponseDto] }) roadshows: YieldItemResponseDto[];
  @ApiProperty({ type: [YieldItemResponseDto] }) trips: YieldItemResponseDto[];
  @ApiProperty({ type: [YieldItemResponseDto] }) cards: YieldItemResponseDto[];
}

export class ResponseTimeRowResponseDto implements ResponseTimeRowDto {
  @ApiProperty({ enum: [...LEAD_SOURCES, 'all'] }) source: LeadSource | 'all';
  @ApiProperty() label: string;
  @ApiProperty({ type: FigureResponseDto }) leads: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) responded: FigureResponseDto;
  @ApiProperty({ type: FigureResponseDto }) unanswered: FigureResponseDto;
  @ApiProperty({ nullable: true, type: Number }) medianHours: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Hours: number | null;
  @ApiProperty() withinTarget: number;
  @ApiProperty() decided: number;
  @ApiProperty({ nullable: true, type: Number }) shareWithinTarget: number | null;
}

export class ResponseTimesResponseDto implements DashboardResponseTimesDto {
  @ApiProperty({ type: PeriodResponseDto }) period: PeriodResponseDto;
  @ApiProperty({ description: 'FIRST_RESPONSE_HOURS' }) targetHours: number;
  @ApiProperty({ type: ResponseTimeRowResponseDto }) overall: ResponseTimeRowResponseDto;
  @ApiProperty({ type: [ResponseTimeRowResponseDto] }) bySource: ResponseTimeRowResponseDto[];
}
