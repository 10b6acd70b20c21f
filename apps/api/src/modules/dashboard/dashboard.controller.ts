import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DashboardService } from './dashboard.service';
import {
  ChainsResponseDto,
  DashboardQueryDto,
  FunnelResponseDto,
  InvestmentResponseDto,
  MonthsResponseDto,
  ResponseTimesResponseDto,
  StalledQueryDto,
  StalledResponseDto,
  SummaryResponseDto,
  TeamsResponseDto,
  TopResponseDto,
} from './dto/dashboard.dto';

/**
 * The leaders' figures for a year (and a period within it), for the district or one team. Every
 * number carries `drill`: the console list and filters that show the records behind it.
 * Definitions: docs/metrics.md.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'staff asking for another team (or without a team)' })
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @ApiOperation({ summary: "The year's seven target figures against their targets, and the stalled count" })
  @ApiOkResponse({ type: SummaryResponseDto })
  summary(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.summary(user, query);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Projects by stage now (count, 总投资 万元 and 亿元), and how many reached each stage in the period',
  })
  @ApiOkResponse({ type: FunnelResponseDto })
  funnel(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.funnel(user, query);
  }

  @Get('chains')
  @ApiOperation({
    summary: 'The chain map with gaps, and per chain segment: companies, new leads, projects, signed and contracted',
  })
  @ApiOkResponse({ type: ChainsResponseDto })
  chains(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.chainsFigures(user, query);
  }

  @Get('teams')
  @ApiOperation({ summary: "Each team's figures against its own targets (staff: their own team only)" })
  @ApiOkResponse({ type: TeamsResponseDto })
  teams(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.teams(user, query);
  }

  @Get('months')
  @ApiOperation({ summary: 'New leads, signed, contracted, started and producing per month of the period' })
  @ApiOkResponse({ type: MonthsResponseDto })
  months(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.months(user, query);
  }

  @Get('stalled')
  @ApiOperation({
    summary: 'Stalled projects with owner and 包保领导, longest idle first, and counts per leader and per owner',
  })
  @ApiOkResponse({ type: StalledResponseDto })
  stalled(@CurrentUser() user: AuthUser, @Query() query: StalledQueryDto) {
    return this.dashboard.stalled(user, query);
  }

  @Get('investment')
  @ApiOperation({ summary: 'Projected (总投资) vs contracted vs actual (到位) investment and jobs, by stage' })
  @ApiOkResponse({ type: InvestmentResponseDto })
  investment(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.investment(user, query);
  }

  @Get('top')
  @ApiOperation({
    summary: 'Top roadshows, trips and cards by yield in the period (empty lists until those features exist)',
  })
  @ApiOkResponse({ type: TopResponseDto })
  top(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.top(user, query);
  }

  @Get('response-times')
  @ApiOperation({
    summary:
      'First-response time of inbound leads (scan interest, visits, online): median, p90, share within FIRST_RESPONSE_HOURS',
  })
  @ApiOkResponse({ type: ResponseTimesResponseDto })
  responseTimes(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboard.responseTimes(user, query);
  }
}
