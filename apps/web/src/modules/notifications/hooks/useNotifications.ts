import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import { notificationsApi, type NotificationFilters } from '../api/notifications-api';

/** How often the header's badge asks for the unread count. */
export const UNREAD_POLL_MS = 30_000;
export const LATEST_COUNT = 8;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (filters: NotificationFilters) => ['notifications', 'list', filters] as const,
};

/** The badge: polled every 30 s while the console is open (not while the tab is hidden). */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/** The dropdown's latest notifications, fetched when it opens. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => notificationsApi.list({}, undefined, LATEST_COUNT, signal),
    enabled,
    staleTime: 0,
  });
}

export function useNotificationList(filters: NotificationFilters) {
  return useKeysetList(notificationKeys.list(filters), (cursor, signal) =>
    notificationsApi.list(filters, cursor, 30, signal),
  );
}

/** Reading changes the badge, the dropdown and the page alike: all of them refetch. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => notificationsApi.markAllRead(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
