import type { NotificationDto, NotificationKind, Page, ReadAllResultDto, UnreadCountDto } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export interface NotificationFilters {
  unread?: 'true';
  kind?: NotificationKind;
}

export const notificationsApi = {
  list: (filters: NotificationFilters, cursor?: string, limit = 30, signal?: AbortSignal) =>
    http.get<Page<NotificationDto>>('/api/notifications', { ...filters, cursor, limit }, { signal }),
  unreadCount: (signal?: AbortSignal) =>
    http.get<UnreadCountDto>('/api/notifications/unread-count', undefined, { signal }),
  markRead: (id: string) => http.post<NotificationDto>(`/api/notifications/${id}/read`),
  markAllRead: () => http.post<ReadAllResultDto>('/api/notifications/read-all'),
};
