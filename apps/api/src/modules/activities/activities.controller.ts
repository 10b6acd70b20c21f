import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ActivitiesService } from './activities.service';
import { ActivityQueryDto, ActivityResponseDto, CreateActivityDto } from './dto/activity.dto';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /** The timeline of a company, lead or project, newest first. */
  @Get()
  @ApiOperation({ summary: 'The timeline of a company, lead or project, newest first' })
  @ApiPageResponse(ActivityResponseDto, 'the whole timeline, in one page')
  async list(@CurrentUser() user: AuthUser, @Query() query: ActivityQueryDto) {
    const items = await this.activities.list(user, query);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'Log a follow-up, visit or call on a company, lead or project' })
  @ApiCreatedResponse({ type: ActivityResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateActivityDto) {
    return this.activities.create(user, dto);
  }
}
