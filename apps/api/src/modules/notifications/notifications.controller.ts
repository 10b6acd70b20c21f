import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import {
  NotificationListQueryDto,
  NotificationPageDto,
  NotificationResponseDto,
  ReadAllResponseDto,
  UnreadCountResponseDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

/** The caller's own notifications; nobody sees another user's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s notifications, newest first (keyset pages); `unread=true` for the unread only',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many are unread: the header badge' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountResponseDto> {
    return { count: await this.notifications.unreadCount(user) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks every unread notification of the caller read' })
  @ApiOkResponse({ type: ReadAllResponseDto })
  async readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResponseDto> {
    return { updated: await this.notifications.markAllRead(user) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one notification read (idempotent)' })
  @ApiOkResponse({ type: NotificationResponseDto })
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return NotificationResponseDto.from(await this.notifications.markRead(user, id));
  }
}
