import type { LeadDto } from '@lianqiao/contracts';
import { formatWan } from '@lianqiao/domain';
import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortOrderOf, sortParamOf } from '../../../shared/hooks/tableSort';
import { FollowUpDate, LeadSourceTag, LeadStatusTag } from './LeadTags';

export function LeadsTable({
  leads,
  loading,
  sort,
  onSort,
  empty,
  compact = false,
}: {
  leads: LeadDto[];
  loading: boolean;
  sort?: string;
  onSort?: (sort: string | undefined) => void;
  empty: ReactNode;
  /** Inside another record's page: fewer columns, no sorting. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const sortable = (field: string) => (onSort ? { sorter: true, sortOrder: sortOrderOf(sort, field) } : {});
  const columns: TableColumnsType<LeadDto> = [
    {
      key: 'name',
      title: t('leads.columns.name'),
      ...sortable('name'),
      render: (_, lead) => (
        <div>
          <Link to={`/leads/${lead.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {lead.name}
            </Typography.Text>
          </Link>
          {!compact && lead.companyName ? (
            <div>
              <Typography.Text type="secondary">{lead.companyName}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'source',
      title: t('leads.columns.source'),
      width: 120,
      render: (_, lead) => <LeadSourceTag source={lead.source} />,
    },
    {
      key: 'status',
      title: t('leads.columns.status'),
      width: 100,
      render: (_, lead) => <LeadStatusTag status={lead.status} />,
    },
    {
      key: 'owner',
      title: t('leads.columns.owner'),
      width: 120,
      ellipsis: true,
      render: (_, lead) => lead.ownerName ?? t('common.none'),
    },
    {
      key: 'estimatedWan',
      title: t('leads.columns.estimated'),
      width: 140,
      align: 'right',
      ...sortable('estimatedWan'),
      render: (_, lead) => (lead.estimatedWan !== null ? formatWan(lead.estimatedWan) : t('common.none')),
    },
    {
      key: 'nextFollowUpAt',
      title: t('leads.columns.nextFollowUp'),
      width: 190,
      ...sortable('nextFollowUpAt'),
      render: (_, lead) => <FollowUpDate at={lead.nextFollowUpAt} status={lead.status} />,
    },
    ...(compact
      ? []
      : [
          {
            key: 'createdAt',
            title: t('leads.columns.createdAt'),
            width: 120,
            ...sortable('createdAt'),
            render: (_: unknown, lead: LeadDto) => dayjs(lead.createdAt).format('YYYY-MM-DD'),
          },
        ]),
  ];
  return (
    <Table<LeadDto>
      rowKey="id"
      columns={columns}
      dataSource={leads}
      loading={loading}
      pagination={false}
      scroll={compact ? undefined : { x: 1000 }}
      size="middle"
      showSorterTooltip={false}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action === 'sort') onSort?.(sortParamOf(sorter));
      }}
      locale={{ emptyText: loading ? ' ' : empty }}
    />
  );
}
