import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../hooks/useAuthActions';
import { useCurrentUser } from '../hooks/useSession';
import { ChangePasswordModal } from './ChangePasswordModal';

const ROLE_COLORS = { admin: 'geekblue', leader: 'gold', staff: 'green' } as const;

/** The header's who-am-I: name and role, with 修改密码 and 退出登录. */
/** Read by screen readers, not shown. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

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
        {/* Named by what it shows (WCAG 2.5.3: a label must contain the visible text), then by what it opens. */}
        <button type="button" data-testid="user-menu" className="lq-user-menu">
          <Space size={8}>
            <Avatar aria-hidden size={30} style={{ background: '#1f5fbf' }}>
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
            <span style={VISUALLY_HIDDEN}>{t('layout.userMenu')}</span>
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </Space>
        </button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
