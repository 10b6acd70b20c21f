import { LockOutlined } from '@ant-design/icons';
import type { UserDto } from '@lianqiao/contracts';
import { Badge, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Active or deactivated, and locked (with until when) after too many failed sign-ins. */
export function UserStatus({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Badge
        status={user.active ? 'success' : 'default'}
        text={user.active ? t('users.active') : t('users.inactive')}
      />
      {user.lockedUntil ? (
        <Tooltip title={t('users.lockedUntil', { time: dayjs(user.lockedUntil).format('YYYY-MM-DD HH:mm') })}>
          <Tag color="error" icon={<LockOutlined />} style={{ marginInlineStart: 8 }}>
            {t('users.locked')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
