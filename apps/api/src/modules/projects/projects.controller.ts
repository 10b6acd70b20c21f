import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SendsJsonText } from '../../common/http/json-text';
import {
  BoardQueryDto,
  CreateProjectDto,
  ProjectBoardResponseDto,
  ProjectListQueryDto,
  ProjectResponseDto,
  ProjectStageChangeResponseDto,
  TransitionDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectsService } from './projects.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOperation({ summary: 'Projects, filtered and paged' })
  @SendsJsonText()
  @ApiPageResponse(ProjectResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() query: ProjectListQueryDto) {
    return this.projects.list(user, query);
  }

  /** The kanban: one column per stage with counts, sums (万元) and the latest cards. */
  @Get('board')
  @ApiOperation({ summary: 'The kanban: one column per stage with counts, sums (万元) and the latest cards' })
  @SendsJsonText()
  @ApiOkResponse({ type: ProjectBoardResponseDto })
  board(@CurrentUser() user: AuthUser, @Query() query: BoardQueryDto) {
    return this.projects.board(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project' })
  @SendsJsonText()
  @ApiOkResponse({ type: ProjectResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.detail(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'A project’s stage changes, oldest first' })
  @ApiPageResponse(ProjectStageChangeResponseDto, 'every stage change, in one page')
  async history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const items = await this.projects.history(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'A new project, owned by the caller and their team' })
  @ApiCreatedResponse({ type: ProjectResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateProjectDto) {
    return this.projects.toDto(await this.projects.create(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a project’s fields (not its stage: see transitions)' })
  @ApiOkResponse({ type: ProjectResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProjectDto) {
    return this.projects.toDto(await this.projects.update(user, id, dto));
  }

  /** The only way to change `stage`: 422 names the missing evidence, 403 when a leader is needed. */
  @Post(':id/transitions')
  @ApiOperation({
    summary: 'Move a project to another stage: 422 names the missing evidence, 403 when a leader is needed',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectResponseDto })
  async transition(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto) {
    return this.projects.toDto(await this.projects.transition(user, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Soft-delete a project' })
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.projects.remove(user, id);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted project (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: ProjectResponseDto })
  async restore(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.toDto(await this.projects.restore(user, id));
  }
}
