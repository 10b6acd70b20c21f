import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ExportFormat } from '@lianqiao/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { CompanyListQueryDto } from '../companies/dto/company.dto';
import { LeadListQueryDto } from '../leads/dto/lead.dto';
import { ProjectListQueryDto } from '../projects/dto/project.dto';
import { DelegationExportQueryDto, RoadshowExportQueryDto, WeeklyReportQueryDto } from './dto/export.dto';
import { ExportsService } from './exports.service';
import { CONTENT_TYPES } from './table-writer';
import { WeeklyReportService } from './weekly-report.service';
import { ParseEnumPipe } from '../../common/validation/param-pipes';

const FORMAT = new ParseEnumPipe({ xlsx: 'xlsx', csv: 'csv' });
const formatParam = ApiParam({ name: 'format', enum: ['xlsx', 'csv'] });
const fileResponse = ApiResponse({
  status: 200,
  description: 'the whole list as a file, streamed; Chinese headers; CSV is UTF-8 with a BOM',
  content: {
    [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    'text/csv': { schema: { type: 'string' } },
  },
});

/**
 * Every list exports exactly the rows its filters select (the same query parameters as the list,
 * without paging: limit and cursor are ignored), all of them, in the list's order, as the caller
 * may see them.
 */
@ApiTags('exports')
@ApiBearerAuth()
@ApiProduces(CONTENT_TYPES.xlsx, 'text/csv')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly weekly: WeeklyReportService,
  ) {}

  @Get('weekly-report.xlsx')
  @ApiOperation({
    summary: "项目推进情况表: projects by stage with this period's progress, subtotals and totals in 万元 and 亿元",
  })
  @ApiResponse({
    status: 200,
    description: '.xlsx',
    content: { [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse({ description: 'staff asking for another team' })
  weeklyReport(@CurrentUser() user: AuthUser, @Query() query: WeeklyReportQueryDto, @Res() reply: FastifyReply) {
    return this.weekly.send(reply, user, query);
  }

  @Get('leads.:format')
  @ApiOperation({ summary: 'The lead list (GET /api/leads filters) as .xlsx or .csv' })
  @formatParam
  @fileResponse
  leads(
    @CurrentUser() user: AuthUser,
    @Param('format', FORMAT) format: ExportFormat,
    @Query() query: LeadListQueryDto,
    @Res() reply: FastifyReply,
  ) {
    return this.exports.send(reply, 'leads', format, this.exports.leadsPlan(user, query));
  }

  @Get('projects.:format')
  @ApiOperation({ summary: 'The project list (GET /api/projects filters) as .xlsx or .csv' })
  @formatParam
  @fileResponse
  projects(
    @CurrentUser() user: AuthUser,
    @Param('format', FORMAT) format: ExportFormat,
    @Query() query: ProjectListQueryDto,
    @Res() reply: FastifyReply,
  ) {
    return this.exports.send(reply, 'projects', format, this.exports.projectsPlan(user, query));
  }

  @Get('companies.:format')
  @ApiOperation({ summary: 'The company list (GET /api/companies filters) as .xlsx or .csv' })
  @formatParam
  @fileResponse
  companies(
    @CurrentUser() user: AuthUser,
    @Param('format', FORMAT) format: ExportFormat,
    @Query() query: CompanyListQueryDto,
    @Res() reply: FastifyReply,
  ) {
    return this.exports.send(reply, 'companies', format, this.exports.companiesPlan(user, query));
  }

  @Get('roadshows.:format')
  @ApiOperation({ summary: 'The roadshow list (GET /api/roadshows filters) as .xlsx or .csv' })
  @formatParam
  @fileResponse
  @ApiNotFoundResponse({ description: 'roadshows are not set up in this database yet' })
  async roadshows(
    @CurrentUser() user: AuthUser,
    @Param('format', FORMAT) format: ExportFormat,
    @Query() query: RoadshowExportQueryDto,
    @Res() reply: FastifyReply,
  ) {
    return this.exports.send(reply, 'roadshows', format, await this.exports.roadshowsPlan(user, query));
  }

  @Get('delegations.:format')
  @ApiOperation({ summary: 'The delegation list (GET /api/delegations filters) as .xlsx or .csv' })
  @formatParam
  @fileResponse
  @ApiNotFoundResponse({ description: 'delegations are not set up in this database yet' })
  async delegations(
    @CurrentUser() user: AuthUser,
    @Param('format', FORMAT) format: ExportFormat,
    @Query() query: DelegationExportQueryDto,
    @Res() reply: FastifyReply,
  ) {
    return this.exports.send(reply, 'delegations', format, await this.exports.delegationsPlan(user, query));
  }
}
