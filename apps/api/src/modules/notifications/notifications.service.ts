import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { NotificationKind, Page } from '@lianqiao/contracts';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { keysetPage } from '../../common/pagination/keyset';
import { NotificationListQueryDto, NotificationResponseDto } from './dto/notification.dto';
import { Notification } from './notification.entity';

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** A console route, e.g. "/leads/{id}". */
  link: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The notification centre. Features call `notify` with their own transaction's manager, so a
 * notification exists exactly when the change that caused it committed.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async notify(manager: EntityManager, input: NotifyInput): Promise<void> {
    await this.notifyMany(manager, [input]);
  }

  /** One insert for many recipients (e.g. every leader when a card awaits approval). */
  async notifyMany(manager: EntityManager, inputs: NotifyInput[]): Promise<void> {
    if (!inputs.length) return;
    await manager.insert(
      Notification,
      inputs.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: clip(n.title, 200),
        body: n.body ? clip(n.body, 2000) : null,
        link: clip(n.link, 500),
      })),
    );
  }

  list(user: AuthUser, query: NotificationListQueryDto): Promise<Page<NotificationResponseDto>> {
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId: user.id });
    if (query.unread === 'true') qb.andWhere('n.read_at IS NULL');
    if (query.unread === 'false') qb.andWhere('n.read_at IS NOT NULL');
    if (query.kind) qb.andWhere('n.kind = :kind', { kind: query.kind });
    return keysetPage(qb, {
      alias: 'n',
      sort: { field: 'createdAt', direction: 'desc' },
      column: 'n.created_at',
      valueOf: (n) => n.createdAt,
      limit: query.limit,
      cursor: query.cursor,
      map: NotificationResponseDto.from,
    });
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return this.notifications.countBy({ userId: user.id, readAt: IsNull() });
  }

  /** Another user's notification answers 404, like one that does not exist. */
  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId: user.id });
    if (!notification) throw ApiError.notFound('通知');
    if (!notification.readAt) {
      await this.notifications.update({ id, readAt: IsNull() }, { readAt: () => 'now()' });
      return this.notifications.findOneByOrFail({ id });
    }
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<number> {
    const result = await this.notifications.update({ userId: user.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
