import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UserResponseDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, RefreshDto, TokensResponseDto, UpdateMeDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Sign in with username and password: an access token and the user' })
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponseDto })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
  }

  @Public()
  @Post('refresh')
  @ApiOperation({ summary: 'A new access token for a refresh token' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'New tokens for the refresh token, which is spent by it',
    description:
      'A spent refresh token sent again (or one token sent twice at once) means it was copied: 401, and its whole ' +
      'session ends for every holder, written to the audit trail. The user signs in again.',
  })
  @ApiOkResponse({ type: TokensResponseDto })
  refresh(@Body() dto: RefreshDto, @Req() request: FastifyRequest) {
    return this.auth.refresh(dto.refreshToken, { ip: request.ip, userAgent: request.headers['user-agent'] });
  }

  @Post('logout')
  @ApiOperation({ summary: 'End the current session' })
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@CurrentUser() user: AuthUser) {
    await this.auth.logout(user);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, with role and team' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponseDto })
  async me(@CurrentUser() user: AuthUser) {
    return UserResponseDto.from(await this.users.get(user.id));
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change the signed-in user’s own profile' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponseDto })
  async updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto) {
    const current = await this.users.get(user.id);
    if (dto.displayName === undefined) return UserResponseDto.from(current);
    // Goes through the admin path with the caller as actor; UpdateMeDto cannot carry a role.
    return UserResponseDto.from(
      await this.users.update(user, user.id, { displayName: dto.displayName, version: current.version }),
    );
  }

  @Post('me/password')
  @ApiOperation({ summary: 'Change the signed-in user’s password' })
  @HttpCode(204)
  @ApiOperation({
    summary: "Change one's own password",
    description: "Ends all the user's other sessions, refresh tokens included; the calling session stays.",
  })
  @ApiBearerAuth()
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto) {
    await this.users.changeOwnPassword(user, dto.currentPassword, dto.newPassword);
  }
}
