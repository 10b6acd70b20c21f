import type { StalledProjectDto, YieldItemDto } from '@lianqiao/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { drillHref } from '../drill';

export function StalledTable({ rows }: { rows: StalledProjectDto[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        {
          title: t('dashboard.stalledTable.name'),
          render: (_, row) => <Link to={drillHref(row.drill)}>{row.name}</Link>,
        },
        { title: t('dashboard.stalledTable.stage'), render: (_, row) => t(`projects.stages.${row.stage}`) },
        { title: t('dashboard.stalledTable.owner'), render: (_, row) => row.ownerName ?? '—' },
        { title: t('dashboard.stalledTable.leader'), render: (_, row) => row.responsibleLeaderName ?? '—' },
        { title: t('dashboard.stalledTable.team'), render: (_, row) => row.teamName ?? '—' },
        { title: t('dashboard.stalledTable.idleDays'), dataIndex: 'idleDays' },
      ]}
    />
  );
}

export function TopTable({ rows }: { rows: YieldItemDto[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t('dashboard.top.empty') }}
      dataSource={rows}
      columns={[
        { title: t('dashboard.top.name'), render: (_, row) => <Link to={drillHref(row.drill)}>{row.name}</Link> },
        {
          title: t('dashboard.top.leads'),
          render: (_, row) => <Link to={drillHref(row.leads.drill)}>{row.leads.value}</Link>,
        },
        {
          title: t('dashboard.top.signed'),
          render: (_, row) => <Link to={drillHref(row.signedProjects.drill)}>{row.signedProjects.value}</Link>,
        },
        {
          title: t('dashboard.top.contracted'),
          render: (_, row) => <Link to={drillHref(row.contractedWan.drill)}>{row.contractedWan.value}</Link>,
        },
      ]}
    />
  );
}
