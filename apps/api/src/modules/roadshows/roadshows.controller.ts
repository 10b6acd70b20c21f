import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { LeadResponseDto } from '../leads/dto/lead.dto';
import { ProjectResponseDto } from '../projects/dto/project.dto';
import { ProjectsService } from '../projects/projects.service';
import {
  AddAttendeeDto,
  AttendeeListResponseDto,
  AttendeeResponseDto,
  CheckInDto,
  UpdateAttendeeDto,
} from './dto/attendee.dto';
import { RoadshowLeadDto, RoadshowSigningDto } from './dto/roadshow-lead.dto';
import {
  CalendarQueryDto,
  CalendarResponseDto,
  CreateRoadshowDto,
  DeleteRoadshowQueryDto,
  RoadshowDetailResponseDto,
  RoadshowListQueryDto,
  RoadshowPageDto,
  RoadshowYieldResponseDto,
  UpdateRoadshowDto,
} from './dto/roadshow.dto';
import { RoadshowAttendeesService } from './roadshow-attendees.service';
import { RoadshowOutcomesService } from './roadshow-outcomes.service';
import { RoadshowsService } from './roadshows.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

@ApiTags('roadshows')
@ApiBearerAuth()
@Controller('roadshows')
export class RoadshowsController {
  constructor(
    private readonly roadshows: RoadshowsService,
    private readonly attendees: RoadshowAttendeesService,
    private readonly outcomes: RoadshowOutcomesService,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Roadshows in sight (staff: own and team’s; leaders all), each with its yield',
    description:
      'Filters: q (name substring), city, format, from/to (events overlapping the range), chainCode, ownerId, teamId; ' +
      'admins: deleted=true. Sort by the record or by yield, e.g. sort=leads:desc, sort=contractedWan:desc (keyset pages).',
  })
  @ApiOkResponse({ type: RoadshowPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: RoadshowListQueryDto): Promise<RoadshowPageDto> {
    return this.roadshows.list(user, query);
  }

  @Get('calendar')
  @ApiOperation({ summary: 'Roadshows overlapping [from, to) for a calendar view (at most 366 days)' })
  @ApiOkResponse({ type: CalendarResponseDto })
  async calendar(@CurrentUser() user: AuthUser, @Query() query: CalendarQueryDto): Promise<CalendarResponseDto> {
    const items = await this.roadshows.calendar(user, query);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOperation({
    summary: 'Plan a roadshow; owned by the caller (or ownerId) and their team. endsAt before startsAt: 400',
  })
  @ApiCreatedResponse({ type: RoadshowDetailResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateRoadshowDto): Promise<RoadshowDetailResponseDto> {
    const roadshow = await this.roadshows.create(user, dto);
    return this.roadshows.detail(user, roadshow.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A roadshow, with its promoted projects resolved. 404 when deleted or out of sight' })
  @ApiOkResponse({ type: RoadshowDetailResponseDto })
  @ApiNotFoundResponse()
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RoadshowDetailResponseDto> {
    return this.roadshows.detail(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a roadshow (with its version)' })
  @ApiOkResponse({ type: RoadshowDetailResponseDto })
  @ApiConflictResponse({ description: 'stale version' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRoadshowDto,
  ): Promise<RoadshowDetailResponseDto> {
    await this.roadshows.update(user, id, dto);
    return this.roadshows.detail(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft delete. Its leads and projects stay; their attribution shows the event as deleted' })
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteRoadshowQueryDto,
  ): Promise<void> {
    await this.roadshows.remove(user, id, query.version);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted roadshow (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: RoadshowDetailResponseDto })
  async restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RoadshowDetailResponseDto> {
    await this.roadshows.restore(user, id);
    return this.roadshows.detail(user, id);
  }

  @Get(':id/yield')
  @ApiOperation({
    summary: 'What the roadshow produced, counted from the records',
    description:
      'leads: live leads whose sourceRefId is the event; qualifiedLeads: status qualified or converted; projects: from those leads or ' +
      'linked directly; signedProjects: signed or beyond now, or on hold after signing; lostAfterSigning: signed then lost (not in ' +
      'signedProjects); contractedWan: of signedProjects; costs: budgetWan ÷ count to 0.01 万元, null when 0. ' +
      'Every team’s records count: the yield is the event’s, whoever logged them.',
  })
  @ApiOkResponse({ type: RoadshowYieldResponseDto })
  yield(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RoadshowYieldResponseDto> {
    return this.roadshows.yield(user, id);
  }

  @Get(':id/attendees')
  @ApiOperation({ summary: 'A roadshow’s attendees' })
  @ApiOkResponse({ type: AttendeeListResponseDto })
  async listAttendees(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendeeListResponseDto> {
    const items = await this.attendees.list(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post(':id/attendees')
  @ApiOperation({
    summary:
      'Invite or register an attendee: an existing company (companyId) or a new one (company), with an existing or new contact',
    description:
      'checkedInAt checks a walk-in in at once. 409: already listed, USCC taken, or a likely duplicate company name.',
  })
  @ApiCreatedResponse({ type: AttendeeResponseDto })
  addAttendee(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddAttendeeDto,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.add(user, id, dto);
  }

  @Patch(':id/attendees/:attendeeId')
  @ApiOperation({ summary: 'Change an attendee’s contact or note' })
  @ApiOkResponse({ type: AttendeeResponseDto })
  updateAttendee(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attendeeId', ParseUUIDPipe) attendeeId: string,
    @Body() dto: UpdateAttendeeDto,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.update(user, id, attendeeId, dto);
  }

  @Delete(':id/attendees/:attendeeId')
  @ApiOperation({ summary: 'Remove an attendee' })
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeAttendee(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attendeeId', ParseUUIDPipe) attendeeId: string,
  ): Promise<void> {
    await this.attendees.remove(user, id, attendeeId);
  }

  @Post(':id/attendees/:attendeeId/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in at the door (default now; must be on the event’s days). Repeating it changes nothing',
  })
  @ApiOkResponse({ type: AttendeeResponseDto })
  checkIn(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attendeeId', ParseUUIDPipe) attendeeId: string,
    @Body() dto: CheckInDto,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.checkIn(user, id, attendeeId, dto ?? {});
  }

  @Delete(':id/attendees/:attendeeId/check-in')
  @ApiOperation({ summary: 'Undo a check-in made by mistake' })
  @ApiOkResponse({ type: AttendeeResponseDto })
  undoCheckIn(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attendeeId', ParseUUIDPipe) attendeeId: string,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.undoCheckIn(user, id, attendeeId);
  }

  @Post(':id/leads')
  @ApiOperation({
    summary: 'Log a lead met at the roadshow: source roadshow, sourceRefId the roadshow',
    description:
      'From an attendee (attendeeId), a company (companyId) or just a name. 409 when another team works the company, unless acknowledgeCollision.',
  })
  @ApiCreatedResponse({ type: LeadResponseDto })
  async logLead(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RoadshowLeadDto,
  ): Promise<LeadResponseDto> {
    return LeadResponseDto.from(await this.outcomes.logLead(user, id, dto));
  }

  @Post(':id/signings')
  @ApiOperation({
    summary: 'Record an on-site signing (现场签约): a project signed at the event',
    description:
      'From a lead of this event (qualified and converted as needed) or directly (project: {...}, leadSource roadshow, sourceRefId the ' +
      'roadshow); then moved to signed with signedAt (one of the event’s days; default its first) and contractedWan.',
  })
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiUnprocessableEntityResponse({
    description: 'the lead is not this event’s, is invalid, or its project is past negotiating',
  })
  async sign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RoadshowSigningDto,
  ): Promise<ProjectResponseDto> {
    return this.projects.toDto(await this.outcomes.sign(user, id, dto));
  }
}
