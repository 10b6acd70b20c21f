import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser } from '../../../common/auth/decorators';
import { CultivationService } from './cultivation.service';
import {
  CreateCultivationDto,
  CultivationListQueryDto,
  CultivationPageDto,
  CultivationResponseDto,
  UpdateCultivationDto,
} from './dto/cultivation.dto';
import { ParseUUIDPipe } from '../../../common/validation/param-pipes';

/** 企业培育库 · 一企一策: companies grown towards 入规, 专精特新 or listing, with a plan each. */
@ApiTags('cultivation')
@ApiBearerAuth()
@Controller('cultivation')
export class CultivationController {
  constructor(private readonly cultivation: CultivationService) {}

  @Get()
  @ApiOperation({
    summary: 'The pool, filtered by goal, owner, company or achieved',
    description:
      'sort=closeness (default): goal not yet reached first, then the share of milestones done (desc), then the nearest pending ' +
      'due date; or createdAt:desc / updatedAt:desc. The cursor is opaque.',
  })
  @ApiOkResponse({ type: CultivationPageDto })
  list(@Query() query: CultivationListQueryDto) {
    return this.cultivation.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cultivation record' })
  @ApiOkResponse({ type: CultivationResponseDto })
  @ApiNotFoundResponse({ description: 'no such entry' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.cultivation.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Enters a company into the pool towards a goal, with its plan; written to the company’s timeline',
  })
  @ApiCreatedResponse({ type: CultivationResponseDto })
  @ApiConflictResponse({ description: 'the company is already in the pool for this goal' })
  @ApiForbiddenResponse({ description: 'staff naming another owner' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCultivationDto) {
    return this.cultivation.create(user, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Changes the plan (owner, leaders, admins); milestones done and the goal reached go to the timeline',
  })
  @ApiOkResponse({ type: CultivationResponseDto })
  @ApiConflictResponse({ description: 'stale version, or already in the pool for the new goal' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCultivationDto) {
    return this.cultivation.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Takes the company out of the pool for this goal (owner, leaders, admins)' })
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.cultivation.remove(user, id);
  }
}
