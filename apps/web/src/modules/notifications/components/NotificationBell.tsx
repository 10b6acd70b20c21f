import { BellOutlined } from '@ant-design/icons';
import type { NotificationDto } from '@lianqiao/contracts';
import { App, Badge, Button, Divider, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/http';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount } from '../hooks/useNotifications';
import { NotificationItem } from './NotificationItem';

/**
 * The header's bell: the unread count (polled every 30 s), and on a click the latest
 * notifications, each a link to its record; opening one marks it read.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const count = unread.data?.count ?? 0;

  const openOne = (notification: NotificationDto) => {
    setOpen(false);
    if (notification.readAt === null) markRead.mutate(notification.id);
    navigate(notification.link);
  };

  const readAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: (result) => {
        message.success(t('notifications.allMarkedRead', { count: result.updated }));
      },
      onError: (error) => {
        message.error(describeError(error, t));
      },
    });

  const items = latest.data?.items ?? [];
  const content = (
    <div style={{ width: 360 }} data-testid="notification-dropdown">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('notifications.latest')}</Typography.Text>
        <Button type="link" size="small" disabled={count === 0} loading={markAllRead.isPending} onClick={readAll}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {latest.isLoading ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : latest.isError ? (
          <Typography.Text type="danger">{describeError(latest.error, t)}</Typography.Text>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={openOne} compact />
          ))
        )}
      </div>
      <Divider style={{ margin: '8px 0' }} />
      <Button
        type="link"
        block
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
      >
        {t('notifications.viewAll')}
      </Button>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={count ? t('notifications.bellWithCount', { count }) : t('notifications.bell')}
        icon={
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-badge">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
