import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { LeadResponseDto } from '../leads/dto/lead.dto';
import { CalendarQueryDto, CalendarResponseDto } from '../roadshows/dto/roadshow.dto';
import { DelegationReportService } from './delegation-report.service';
import { DelegationVisitsService } from './delegation-visits.service';
import { DelegationsService } from './delegations.service';
import {
  CreateDelegationDto,
  DelegationListQueryDto,
  DelegationPageDto,
  DelegationReportResponseDto,
  DelegationResponseDto,
  DeleteDelegationQueryDto,
  ItineraryTouchListDto,
  UpdateDelegationDto,
} from './dto/delegation.dto';
import { CreateVisitDto, UpdateVisitDto, VisitLeadDto, VisitListResponseDto, VisitResponseDto } from './dto/visit.dto';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly visits: DelegationVisitsService,
    private readonly reports: DelegationReportService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Trips and receptions in sight (staff: own, team’s, and those they go on; leaders all), each with its yield',
    description:
      'Filters: q, direction, city, from/to (days, trips overlapping), memberId, ownerId, teamId; admins: deleted=true. ' +
      'Sort by the record or by yield, e.g. sort=leads:desc, sort=contractedWan:desc (keyset pages).',
  })
  @ApiOkResponse({ type: DelegationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: DelegationListQueryDto): Promise<DelegationPageDto> {
    return this.delegations.list(user, query);
  }

  @Get('calendar')
  @ApiOperation({ summary: 'Trips overlapping [from, to) for a calendar view, as whole China days (at most 366 days)' })
  @ApiOkResponse({ type: CalendarResponseDto })
  async calendar(@CurrentUser() user: AuthUser, @Query() query: CalendarQueryDto): Promise<CalendarResponseDto> {
    const items = await this.delegations.calendar(user, query);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'Plan a trip (outbound) or a reception (inbound). endsOn before startsOn: 400' })
  @ApiCreatedResponse({ type: DelegationResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateDelegationDto): Promise<DelegationResponseDto> {
    const delegation = await this.delegations.create(user, dto);
    return this.delegations.toDto(delegation);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delegation' })
  @ApiOkResponse({ type: DelegationResponseDto })
  @ApiNotFoundResponse({ description: 'deleted or out of sight' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationResponseDto> {
    return this.delegations.detail(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit; the direction is fixed. New dates must keep every visit inside the trip (else 422)' })
  @ApiOkResponse({ type: DelegationResponseDto })
  @ApiConflictResponse({ description: 'stale version' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDelegationDto,
  ): Promise<DelegationResponseDto> {
    return this.delegations.toDto(await this.delegations.update(user, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft delete; visits, activities and leads stay (attribution shows it deleted)' })
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteDelegationQueryDto,
  ): Promise<void> {
    await this.delegations.remove(user, id, query.version);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted delegation (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: DelegationResponseDto })
  async restore(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationResponseDto> {
    return this.delegations.toDto(await this.delegations.restore(user, id));
  }

  @Get(':id/touches')
  @ApiOperation({
    summary: 'Before the trip: for each company on the itinerary, which teams already work it and when (撞单 check)',
  })
  @ApiOkResponse({ type: ItineraryTouchListDto })
  async touches(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ItineraryTouchListDto> {
    const items = await this.delegations.touches(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Get(':id/report')
  @ApiOperation({ summary: 'The trip report (外出招商情况表 / 来访接待情况表), generated from the visits' })
  @ApiOkResponse({ type: DelegationReportResponseDto })
  report(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationReportResponseDto> {
    return this.reports.report(user, id);
  }

  @Get(':id/report.xlsx')
  @ApiOperation({
    summary: 'The trip report as .xlsx: title, particulars, header, one row per visit, totals and outcome',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async reportXlsx(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { buffer, filename } = await this.reports.xlsx(user, id);
    void reply
      .header('content-type', XLSX)
      .header(
        'content-disposition',
        `attachment; filename="delegation-report.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
    return buffer;
  }

  @Get(':id/visits')
  @ApiOperation({ summary: 'A delegation’s visits' })
  @ApiOkResponse({ type: VisitListResponseDto })
  async listVisits(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VisitListResponseDto> {
    const items = await this.visits.list(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post(':id/visits')
  @ApiOperation({
    summary: 'Add a visit to the itinerary (visitedAt on the trip’s days, else 400)',
    description:
      'With a summary it is recorded at once: an activity (visit; reception for inbound) is written on the company.',
  })
  @ApiCreatedResponse({ type: VisitResponseDto })
  createVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateVisitDto,
  ): Promise<VisitResponseDto> {
    return this.visits.create(user, id, dto);
  }

  @Patch(':id/visits/:visitId')
  @ApiOperation({ summary: 'Edit or record a visit; its first summary writes the company activity' })
  @ApiOkResponse({ type: VisitResponseDto })
  updateVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('visitId', ParseUUIDPipe) visitId: string,
    @Body() dto: UpdateVisitDto,
  ): Promise<VisitResponseDto> {
    return this.visits.update(user, id, visitId, dto);
  }

  @Delete(':id/visits/:visitId')
  @ApiOperation({ summary: 'Remove a visit' })
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('visitId', ParseUUIDPipe) visitId: string,
  ): Promise<void> {
    await this.visits.remove(user, id, visitId);
  }

  @Post(':id/visits/:visitId/lead')
  @ApiOperation({
    summary: 'Make a lead from a recorded visit: source outbound_visit / inbound_visit, sourceRefId the delegation',
    description:
      '422 when the visit is not recorded yet or already gave a lead; 409 when another team works the company, unless acknowledgeCollision.',
  })
  @ApiCreatedResponse({ type: LeadResponseDto })
  @ApiUnprocessableEntityResponse()
  async createLead(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('visitId', ParseUUIDPipe) visitId: string,
    @Body() dto: VisitLeadDto,
  ): Promise<LeadResponseDto> {
    return LeadResponseDto.from(await this.visits.createLead(user, id, visitId, dto));
  }
}
