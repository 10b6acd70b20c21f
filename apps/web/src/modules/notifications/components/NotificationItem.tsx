import type { NotificationDto } from '@lianqiao/contracts';
import { Badge, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { NotificationKindIcon } from './NotificationKindIcon';
import styles from './NotificationItem.module.css';

dayjs.extend(relativeTime);

/** "3 分钟前" within a week, the date after that. */
export function whenOf(at: string, now = dayjs()): string {
  const time = dayjs(at);
  return now.diff(time, 'day') < 7 ? time.from(now) : time.format('YYYY-MM-DD HH:mm');
}

/** One notification: its kind, title, body and time; unread ones stand out. Clicking opens its record. */
export function NotificationItem({
  notification,
  onOpen,
  compact = false,
}: {
  notification: NotificationDto;
  onOpen: (notification: NotificationDto) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const unread = notification.readAt === null;
  return (
    <button
      type="button"
      className={`${styles.item} ${unread ? styles.unread : ''}`}
      onClick={() => onOpen(notification)}
      data-testid="notification-item"
    >
      <NotificationKindIcon kind={notification.kind} />
      <Flex vertical style={{ minWidth: 0, flex: 1 }} gap={2}>
        <Flex align="center" gap={6}>
          {unread ? <Badge status="processing" aria-label={t('notifications.unread')} /> : null}
          <Typography.Text strong={unread} ellipsis={{ tooltip: notification.title }} style={{ flex: 1 }}>
            {notification.title}
          </Typography.Text>
        </Flex>
        {notification.body ? (
          <Typography.Text
            type="secondary"
            ellipsis={compact ? { tooltip: notification.body } : false}
            className={styles.body}
          >
            {notification.body}
          </Typography.Text>
        ) : null}
        <Flex gap={8} align="center">
          <Tag variant="filled" className={styles.kind}>
            {t(`notifications.kinds.${notification.kind}`)}
          </Tag>
          <Typography.Text
            type="secondary"
            className={styles.time}
            title={dayjs(notification.createdAt).format('YYYY-MM-DD HH:mm:ss')}
          >
            {whenOf(notification.createdAt)}
          </Typography.Text>
        </Flex>
      </Flex>
    </button>
  );
}
