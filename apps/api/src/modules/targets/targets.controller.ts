import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  CreateTargetDto,
  TargetListQueryDto,
  TargetListResponseDto,
  TargetResponseDto,
  UpdateTargetDto,
} from './dto/target.dto';
import { TargetsService } from './targets.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @ApiOperation({ summary: "Annual targets; staff see the district's and their own team's" })
  @ApiOkResponse({ type: TargetListResponseDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: TargetListQueryDto): Promise<TargetListResponseDto> {
    const items = (await this.targets.list(user, query)).map(TargetResponseDto.from);
    return { items, nextCursor: null, total: items.length };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One target' })
  @ApiOkResponse({ type: TargetResponseDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return TargetResponseDto.from(await this.targets.get(user, id));
  }

  @Post()
  @Roles('admin', 'leader')
  @ApiOperation({ summary: "Sets a year's targets for the district (teamId null) or a team; one per (year, team)" })
  @ApiCreatedResponse({ type: TargetResponseDto })
  @ApiConflictResponse({ description: 'that year already has a target for the team (or the district)' })
  @ApiForbiddenResponse({ description: 'staff' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateTargetDto) {
    return TargetResponseDto.from(await this.targets.create(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a target’s values (with its version)' })
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: TargetResponseDto })
  @ApiConflictResponse({ description: 'stale version' })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTargetDto) {
    return TargetResponseDto.from(await this.targets.update(user, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a target' })
  @Roles('admin', 'leader')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.targets.remove(user, id);
  }
}
