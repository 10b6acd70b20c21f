import { ROLES, type Role } from '@lianqiao/contracts';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../shared/layout';
import type { UserListFilters } from '../api/users-api';

export const USER_FILTER_KEYS = ['q', 'role', 'teamId', 'active'] as const;

export interface UserFiltersProps {
  filters: UserListFilters;
  teams: { id: string; name: string }[];
  onChange: (patch: Partial<Record<(typeof USER_FILTER_KEYS)[number], string | undefined>> | null) => void;
}

export function UserFilters({ filters, teams, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const anySet = Object.values(filters).some(Boolean);
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchInput value={filters.q} placeholder={t('users.searchPlaceholder')} onSearch={(q) => onChange({ q })} />
      <Select<Role>
        allowClear
        style={{ width: 150 }}
        placeholder={t('users.filterRole')}
        aria-label={t('users.filterRole')}
        value={filters.role}
        onChange={(role) => onChange({ role })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 220 }}
        placeholder={t('users.filterTeam')}
        aria-label={t('users.filterTeam')}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <Select<'true' | 'false'>
        allowClear
        style={{ width: 130 }}
        placeholder={t('users.filterStatus')}
        aria-label={t('users.filterStatus')}
        value={filters.active}
        onChange={(active) => onChange({ active })}
        options={[
          { value: 'true', label: t('users.active') },
          { value: 'false', label: t('users.inactive') },
        ]}
      />
      {anySet ? (
        <Button type="link" onClick={() => onChange(null)}>
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
