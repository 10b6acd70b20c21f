import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import {
  CreateOrgUnitDto,
  CreateTeamDto,
  OrgUnitResponseDto,
  TeamResponseDto,
  UpdateOrgUnitDto,
  UpdateTeamDto,
} from './dto/org.dto';
import { OrgService } from './org.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

/** Both lists are short (tens of rows): one page holds them all. */
const wholeList = <T>(items: T[]) => ({ items, nextCursor: null, total: items.length });

@ApiTags('org')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly org: OrgService) {}

  @Get()
  @ApiOperation({ summary: 'Departments, towns and zones' })
  @ApiPageResponse(OrgUnitResponseDto, 'every unit matching q, in one page')
  async list(@Query() query: ListQueryDto) {
    return wholeList((await this.org.listOrgUnits(query.q)).map(OrgUnitResponseDto.from));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One org unit' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return OrgUnitResponseDto.from(await this.org.getOrgUnit(id));
  }

  @Post()
  @ApiOperation({ summary: 'A new org unit (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: OrgUnitResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgUnitDto) {
    return OrgUnitResponseDto.from(await this.org.createOrgUnit(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an org unit (admin)' })
  @Roles('admin')
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrgUnitDto) {
    return OrgUnitResponseDto.from(await this.org.updateOrgUnit(user, id, dto));
  }
}

@ApiTags('org')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly org: OrgService) {}

  @Get()
  @ApiOperation({ summary: 'Teams (专班)' })
  @ApiPageResponse(TeamResponseDto, 'every team matching q, in one page')
  async list(@Query() query: ListQueryDto) {
    return wholeList((await this.org.listTeams(query.q)).map(TeamResponseDto.from));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One team' })
  @ApiOkResponse({ type: TeamResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return TeamResponseDto.from(await this.org.getTeam(id));
  }

  @Post()
  @ApiOperation({ summary: 'A new team (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: TeamResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto) {
    return TeamResponseDto.from(await this.org.createTeam(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a team (admin)' })
  @Roles('admin')
  @ApiOkResponse({ type: TeamResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto) {
    return TeamResponseDto.from(await this.org.updateTeam(user, id, dto));
  }
}
