import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TeamDto } from '@lianqiao/contracts';
import { Alert, Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TeamFormModal } from '../../modules/org/components/TeamFormModal';
import { useNameLookup, useOrgUnits, useTeams } from '../../modules/org/hooks/useOrg';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader, SearchInput } from '../../shared/layout';

const FILTER_KEYS = ['q'] as const;

/** 专班管理: the task forces that own leads and projects. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const teams = useTeams(filters.q);
  const orgUnits = useOrgUnits();
  const orgUnitNames = useNameLookup(orgUnits.data?.items);
  // A new key per opening gives the modal a fresh form.
  const [modal, setModal] = useState<{ open: boolean; team: TeamDto | null; key: number }>({
    open: false,
    team: null,
    key: 0,
  });
  const openModal = (team: TeamDto | null) => setModal((current) => ({ open: true, team, key: current.key + 1 }));

  const columns: TableColumnsType<TeamDto> = [
    {
      title: t('teams.columns.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('teams.columns.orgUnit'),
      dataIndex: 'orgUnitId',
      render: (id: string | null) => (id ? (orgUnitNames.get(id) ?? t('common.none')) : t('common.none')),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, team) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal(team)}>
          {t('common.rename')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        subtitle={t('teams.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(null)}>
            {t('teams.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <SearchInput
            value={filters.q}
            placeholder={t('teams.searchPlaceholder')}
            onSearch={(q) => setFilters({ q })}
          />
          {teams.data ? (
            <Typography.Text type="secondary">{t('common.total', { total: teams.data.total })}</Typography.Text>
          ) : null}
        </Flex>
        {teams.isError ? (
          <Alert type="error" showIcon title={describeError(teams.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<TeamDto>
          rowKey="id"
          columns={columns}
          dataSource={teams.data?.items}
          loading={teams.isFetching}
          pagination={false}
          size="middle"
        />
      </Card>
      <TeamFormModal
        key={modal.key}
        open={modal.open}
        team={modal.team}
        onClose={() => setModal((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
