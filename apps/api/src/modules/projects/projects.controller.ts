import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BOARD_CARD_FIELDS } from '@lianqiao/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SendsJsonText } from '../../common/http/json-text';
import {
  BoardQueryDto,
  CreateProjectDto,
  ProjectListQueryDto,
  ProjectResponseDto,
  TransitionDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectsService } from './projects.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @SendsJsonText()
  @ApiOkResponse({ description: '{ items: Project[], nextCursor, total, totalIsEstimate? }' })
  list(@CurrentUser() user: AuthUser, @Query() query: ProjectListQueryDto) {
    return this.projects.list(user, query);
  }

  /** The kanban: one column per stage with counts, sums (万元) and the latest cards. */
  @Get('board')
  @SendsJsonText()
  @ApiOkResponse({
    description: `{ columns: [{ stage, count, totalInvestmentWan, contractedWan, items }] }; items are board cards, with a project's ${BOARD_CARD_FIELDS.join(', ')}`,
  })
  board(@CurrentUser() user: AuthUser, @Query() query: BoardQueryDto) {
    return this.projects.board(user, query);
  }

  @Get(':id')
  @SendsJsonText()
  @ApiOkResponse({ type: ProjectResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.detail(user, id);
  }

  @Get(':id/history')
  async history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const items = await this.projects.history(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOkResponse({ type: ProjectResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateProjectDto) {
    return this.projects.toDto(await this.projects.create(user, dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProjectResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProjectDto) {
    return this.projects.toDto(await this.projects.update(user, id, dto));
  }

  /** The only way to change `stage`: 422 names the missing evidence, 403 when a leader is needed. */
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectResponseDto })
  async transition(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto) {
    return this.projects.toDto(await this.projects.transition(user, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.projects.remove(user, id);
  }

  @Post(':id/restore')
  @Roles('admin')
  @ApiOkResponse({ type: ProjectResponseDto })
  async restore(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.toDto(await this.projects.restore(user, id));
  }
}
