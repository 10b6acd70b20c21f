import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ActivitiesService } from './activities.service';
import { ActivityQueryDto, ActivityResponseDto, CreateActivityDto } from './dto/activity.dto';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /** The timeline of a company, lead or project, newest first. */
  @Get()
  async list(@CurrentUser() user: AuthUser, @Query() query: ActivityQueryDto) {
    const items = await this.activities.list(user, query);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOkResponse({ type: ActivityResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateActivityDto) {
    return this.activities.create(user, dto);
  }
}
