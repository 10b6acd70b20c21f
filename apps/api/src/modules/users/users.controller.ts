import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiCreatedResponse } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserListQueryDto, UserResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Everyone signed in may list colleagues (to pick an owner or a 包保领导). */
  @Get()
  @ApiOperation({ summary: 'Colleagues, for everyone signed in (to pick an owner or a 包保领导)' })
  @ApiPageResponse(UserResponseDto)
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return UserResponseDto.from(await this.users.get(id));
  }

  @Post()
  @ApiOperation({ summary: 'A new user (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto) {
    return UserResponseDto.from(await this.users.create(actor, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user: role, team, unit, active (admin)' })
  @Roles('admin')
  @ApiOkResponse({ type: UserResponseDto })
  async update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return UserResponseDto.from(await this.users.update(actor, id, dto));
  }

  @Post(':id/unlock')
  @ApiOperation({ summary: 'Lift a user’s lock after failed logins (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponseDto })
  async unlock(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return UserResponseDto.from(await this.users.unlock(actor, id));
  }

  @Post(':id/reset-password')
  @ApiOperation({ summary: 'Set a new password for a user (admin)' })
  @Roles('admin')
  @ApiOperation({
    summary: 'Set a new password for a user',
    description: "Ends all the user's sessions (an admin's own current one stays) and lifts any lock.",
  })
  @ApiCreatedResponse({ type: UserResponseDto })
  async resetPassword(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ) {
    return UserResponseDto.from(await this.users.resetPassword(actor, id, dto.password));
  }
}
