import { CheckOutlined } from '@ant-design/icons';
import { NOTIFICATION_KINDS, type NotificationDto, type NotificationKind } from '@lianqiao/contracts';
import { Alert, App, Button, Card, Empty, Flex, Segmented, Select, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationFilters } from '../../modules/notifications/api/notifications-api';
import { NotificationItem } from '../../modules/notifications/components/NotificationItem';
import {
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
  useUnreadCount,
} from '../../modules/notifications/hooks/useNotifications';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { describeError } from '../../shared/http';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

const FILTER_KEYS = ['view', 'kind'] as const;

/** 消息通知: every notification of the signed-in user, newest first; unread ones or one kind on request. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [raw, setFilters] = useUrlFilters(FILTER_KEYS);
  const filters = useMemo<NotificationFilters>(
    () => ({
      unread: raw.view === 'unread' ? 'true' : undefined,
      kind: (NOTIFICATION_KINDS as readonly string[]).includes(raw.kind ?? '')
        ? (raw.kind as NotificationKind)
        : undefined,
    }),
    [raw.view, raw.kind],
  );
  const list = useNotificationList(filters);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const open = (notification: NotificationDto) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    navigate(notification.link);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={(unread.data?.count ?? 0) === 0}
            loading={markAllRead.isPending}
            onClick={() =>
              markAllRead.mutate(undefined, {
                onSuccess: (result) => {
                  message.success(t('notifications.allMarkedRead', { count: result.updated }));
                },
                onError: (error) => {
                  message.error(describeError(error, t));
                },
              })
            }
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented
            value={raw.view === 'unread' ? 'unread' : 'all'}
            onChange={(view) => setFilters({ view: view === 'unread' ? 'unread' : undefined })}
            options={[
              { value: 'all', label: t('notifications.filterAll') },
              {
                value: 'unread',
                label: `${t('notifications.filterUnread')}${unread.data?.count ? ` (${unread.data.count})` : ''}`,
              },
            ]}
          />
          <Select<NotificationKind>
            allowClear
            style={{ width: 180 }}
            placeholder={t('notifications.filterKind')}
            aria-label={t('notifications.filterKind')}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind })}
            options={NOTIFICATION_KINDS.map((kind) => ({ value: kind, label: t(`notifications.kinds.${kind}`) }))}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        {list.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.items.length === 0 ? (
          <Empty description={filters.unread ? t('notifications.emptyUnread') : t('notifications.empty')} />
        ) : (
          <Flex vertical gap={2} data-testid="notification-list">
            {list.items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={open} />
            ))}
          </Flex>
        )}
        <LoadMoreFooter list={list} />
      </Card>
    </>
  );
}
