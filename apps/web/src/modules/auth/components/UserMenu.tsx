import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../hooks/useAuthActions';
import { useCurrentUser } from '../hooks/useSession';
import { ChangePasswordModal } from './ChangePasswordModal';

const ROLE_COLORS = { admin: 'geekblue', leader: 'gold', staff: 'green' } as const;

/** The header's who-am-I: name and role, with 修改密码 and 退出登录. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChangingPassword(true);
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <button type="button" aria-label={t('layout.userMenu')} data-testid="user-menu" className="lq-user-menu">
          <Space size={8}>
            <Avatar size={30} style={{ background: '#1f5fbf' }}>
              {user.displayName.slice(0, 1)}
            </Avatar>
            <Typography.Text strong className="lq-user-menu-detail">
              {user.displayName}
            </Typography.Text>
            <Tag
              color={ROLE_COLORS[user.role]}
              variant="outlined"
              className="lq-user-menu-detail"
              style={{ marginInlineEnd: 0 }}
            >
              {t(`roles.${user.role}`)}
            </Tag>
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </Space>
        </button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
