import { ROLES_SEEING_ALL_TEAMS, seesAllTeams } from '@lianqiao/domain';
import { aftercarePaths, type AftercareCompanyDto } from '@lianqiao/contracts';
import { Alert, Button, Card, Checkbox, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { AssignmentModal } from '../../modules/aftercare/components/AssignmentModal';
import { UserSelect } from '../../modules/aftercare/components/PeopleSelect';
import { useAftercareCompanies } from '../../modules/aftercare/hooks/useAftercare';
import { COMPANY_FILTER_KEYS, companyFiltersFromUrl } from '../../modules/aftercare/utils/filters';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader, SearchInput } from '../../shared/layout';

/** 包保企业: every company in aftercare with its 包保领导 and 政府事务代表; leaders assign them here. */
export default function AftercareCompaniesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayAssign = seesAllTeams(me);
  const [raw, setFilters] = useUrlFilters(COMPANY_FILTER_KEYS);
  const filters = useMemo(() => companyFiltersFromUrl(raw), [raw]);
  const list = useAftercareCompanies(filters);
  const [editing, setEditing] = useState<{ open: boolean; company: AftercareCompanyDto | null; key: number }>({
    open: false,
    company: null,
    key: 0,
  });
  const anySet = Object.values(filters).some(Boolean);
  const person = (p: AftercareCompanyDto['responsibleLeader']) =>
    p ? p.displayName : <Typography.Text type="secondary">{t('aftercare.unassigned')}</Typography.Text>;

  const columns: TableColumnsType<AftercareCompanyDto> = [
    {
      title: t('aftercare.companies.columns.company'),
      dataIndex: 'companyName',
      render: (name: string, row) => (
        <Link to={aftercarePaths.company(row.companyId)}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {name}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('aftercare.companies.columns.basis'),
      key: 'basis',
      width: 140,
      render: (_, row) =>
        row.landed ? (
          <Tag color="green">{t('aftercare.companies.landed')}</Tag>
        ) : row.aftercareEligible ? (
          <Tag color="purple">{t('aftercare.companies.marked')}</Tag>
        ) : (
          <Tag>{t('aftercare.companies.notInAftercare')}</Tag>
        ),
    },
    {
      title: t('aftercare.companies.columns.leader'),
      key: 'leader',
      render: (_, row) => person(row.responsibleLeader),
    },
    { title: t('aftercare.companies.columns.rep'), key: 'rep', render: (_, row) => person(row.affairsRep) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, row) => (
        <Space size={0}>
          <Link to={aftercarePaths.company(row.companyId)}>
            <Button type="link" size="small">
              {t('aftercare.companies.view')}
            </Button>
          </Link>
          {mayAssign ? (
            <Button
              type="link"
              size="small"
              onClick={() => setEditing((current) => ({ open: true, company: row, key: current.key + 1 }))}
            >
              {t('aftercare.companies.assign')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('aftercare.companies.title')} subtitle={t('aftercare.companies.subtitle')} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <SearchInput
            value={filters.q}
            placeholder={t('aftercare.companies.searchPlaceholder')}
            onSearch={(q) => setFilters({ q })}
          />
          <UserSelect
            width={180}
            allowClear
            roles={ROLES_SEEING_ALL_TEAMS}
            aria-label={t('aftercare.companies.filterLeader')}
            placeholder={t('aftercare.companies.filterLeader')}
            value={filters.leaderId}
            onChange={(leaderId) => setFilters({ leaderId })}
          />
          <UserSelect
            width={180}
            allowClear
            aria-label={t('aftercare.companies.filterRep')}
            placeholder={t('aftercare.companies.filterRep')}
            value={filters.repId}
            onChange={(repId) => setFilters({ repId })}
          />
          <Checkbox
            checked={filters.unassigned === 'true'}
            onChange={(event) => setFilters({ unassigned: event.target.checked ? 'true' : undefined })}
          >
            {t('aftercare.companies.onlyUnassigned')}
          </Checkbox>
          {anySet ? (
            <Button type="link" onClick={() => setFilters(null)}>
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AftercareCompanyDto>
          rowKey="companyId"
          columns={columns}
          dataSource={list.items}
          loading={list.refreshing}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
        <LoadMoreFooter list={list} />
      </Card>
      <AssignmentModal
        key={editing.key}
        open={editing.open}
        company={editing.company}
        onClose={() => setEditing((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
