import { DownOutlined, KeyOutlined, PoweroffOutlined, UnlockOutlined } from '@ant-design/icons';
import type { UserDto } from '@lianqiao/contracts';
import { App, Button, Dropdown, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useUnlockUser, useUpdateUser } from '../hooks/useUsers';
import { UserStatus } from './UserStatus';

const ROLE_COLORS = { admin: 'geekblue', leader: 'gold', staff: 'green' } as const;

export interface UsersTableProps {
  users: UserDto[];
  loading: boolean;
  currentUserId: string;
  teamNames: Map<string, string>;
  orgUnitNames: Map<string, string>;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
}

export function UsersTable(props: UsersTableProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const setActive = (user: UserDto, active: boolean) => {
    modal.confirm({
      title: active
        ? t('users.activateConfirm', { name: user.displayName })
        : t('users.deactivateConfirm', { name: user.displayName }),
      okText: active ? t('users.activate') : t('users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: user.id, active, version: user.version })
          .then(() => message.success(t(active ? 'users.activated' : 'users.deactivated', { name: user.displayName })))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });
  };

  const doUnlock = (user: UserDto) => {
    modal.confirm({
      title: t('users.unlockConfirm', { name: user.displayName }),
      okText: t('users.unlock'),
      cancelText: t('common.cancel'),
      onOk: () =>
        unlock
          .mutateAsync(user.id)
          .then(() => message.success(t('users.unlocked', { name: user.displayName })))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });
  };

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('users.columns.displayName'),
      dataIndex: 'displayName',
      render: (name: string, user) => (
        <Space size={6} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{name}</Typography.Text>
          {user.id === props.currentUserId ? <Tag>{t('users.self')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.columns.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text type="secondary">{username}</Typography.Text>,
    },
    {
      title: t('users.columns.role'),
      dataIndex: 'role',
      width: 120,
      render: (role: UserDto['role']) => (
        <Tag color={ROLE_COLORS[role]} variant="outlined">
          {t(`roles.${role}`)}
        </Tag>
      ),
    },
    {
      title: t('users.columns.team'),
      dataIndex: 'teamId',
      render: (id: string | null) => (id ? (props.teamNames.get(id) ?? t('common.none')) : t('common.none')),
    },
    {
      title: t('users.columns.orgUnit'),
      dataIndex: 'orgUnitId',
      render: (id: string | null) => (id ? (props.orgUnitNames.get(id) ?? t('common.none')) : t('common.none')),
    },
    {
      title: t('users.columns.status'),
      key: 'status',
      width: 160,
      render: (_, user) => <UserStatus user={user} />,
    },
    {
      title: t('users.columns.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      className: 'lq-nowrap',
      render: (at: string | null) =>
        at ? (
          dayjs(at).format('YYYY-MM-DD HH:mm')
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, user) => {
        const self = user.id === props.currentUserId;
        return (
          <Space size={0} wrap={false}>
            <Button type="link" size="small" onClick={() => props.onEdit(user)}>
              {t('common.edit')}
            </Button>
            {user.lockedUntil ? (
              <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => doUnlock(user)}>
                {t('users.unlock')}
              </Button>
            ) : null}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'reset', icon: <KeyOutlined />, label: t('users.resetPassword') },
                  user.active
                    ? {
                        key: 'deactivate',
                        icon: <PoweroffOutlined />,
                        label: t('users.deactivate'),
                        danger: true,
                        disabled: self,
                      }
                    : { key: 'activate', icon: <PoweroffOutlined />, label: t('users.activate') },
                ],
                onClick: ({ key }) => {
                  if (key === 'reset') props.onResetPassword(user);
                  if (key === 'deactivate') setActive(user, false);
                  if (key === 'activate') setActive(user, true);
                },
              }}
            >
              <Button type="link" size="small">
                {t('users.more')} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<UserDto>
      rowKey="id"
      columns={columns}
      dataSource={props.users}
      loading={props.loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
    />
  );
}
