import { PlusOutlined } from '@ant-design/icons';
import type { UserDto } from '@lianqiao/contracts';
import { Alert, Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { useNameLookup, useOrgUnits, useTeams } from '../../modules/org/hooks/useOrg';
import { ResetPasswordModal } from '../../modules/users/components/ResetPasswordModal';
import { USER_FILTER_KEYS, UserFilters } from '../../modules/users/components/UserFilters';
import { UserFormDrawer } from '../../modules/users/components/UserFormDrawer';
import { UsersTable } from '../../modules/users/components/UsersTable';
import { useUserList } from '../../modules/users/hooks/useUsers';
import { userFiltersFromUrl } from '../../modules/users/utils';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 用户管理: who may use the console, in which role and task force; locks and passwords. */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [rawFilters, setFilters] = useUrlFilters(USER_FILTER_KEYS);
  const filters = useMemo(() => userFiltersFromUrl(rawFilters), [rawFilters]);
  const list = useUserList(filters);
  const teams = useTeams();
  const orgUnits = useOrgUnits();
  const teamNames = useNameLookup(teams.data?.items);
  const orgUnitNames = useNameLookup(orgUnits.data?.items);
  // The drawer keeps its user while it slides shut, so its title does not flip to 新建用户.
  // A new key per opening gives the drawer a fresh form.
  const [drawer, setDrawer] = useState<{ open: boolean; user: UserDto | null; key: number }>({
    open: false,
    user: null,
    key: 0,
  });
  const openDrawer = (user: UserDto | null) => setDrawer((current) => ({ open: true, user, key: current.key + 1 }));
  const [resetting, setResetting] = useState<UserDto | null>(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <UserFilters filters={filters} teams={teams.data?.items ?? []} onChange={setFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <UsersTable
          users={list.items}
          loading={list.refreshing}
          currentUserId={me.id}
          teamNames={teamNames}
          orgUnitNames={orgUnitNames}
          onEdit={openDrawer}
          onResetPassword={setResetting}
        />
        <LoadMoreFooter list={list} />
      </Card>
      <UserFormDrawer
        key={drawer.key}
        open={drawer.open}
        user={drawer.user}
        currentUserId={me.id}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
