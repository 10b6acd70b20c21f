import { aftercarePaths, type EnterpriseRequestDto } from '@lianqiao/contracts';
import { Empty, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryTag, DeadlineTag, RequestStatusTag } from './RequestTags';

export type RequestColumn = 'company' | 'reason' | 'source';

export interface RequestsTableProps {
  requests: EnterpriseRequestDto[];
  loading: boolean;
  /** Optional columns: the company (not on a company's own page), the escalation reason (review), the source. */
  show?: RequestColumn[];
  /** `field:asc|desc`, for the sortable deadline and submission columns; omit for no sorting. */
  sort?: string;
  onSortChange?: (sort: string | undefined) => void;
  emptyText?: string;
}

function orderOf(sort: string | undefined, field: string) {
  const [current, direction] = (sort ?? '').split(':');
  if (current !== field) return null;
  return direction === 'asc' ? ('ascend' as const) : ('descend' as const);
}

/** Requests in a table: each links to its page; the deadline counts down or shows how late it is. */
export function RequestsTable({
  requests,
  loading,
  show = ['company', 'source'],
  sort,
  onSortChange,
  emptyText,
}: RequestsTableProps) {
  const { t } = useTranslation();
  const sortable = Boolean(onSortChange);
  const columns: TableColumnsType<EnterpriseRequestDto> = [
    ...(show.includes('company')
      ? [
          {
            title: t('aftercare.requests.columns.company'),
            dataIndex: 'companyName',
            render: (name: string, row: EnterpriseRequestDto) => (
              <Link to={aftercarePaths.request(row.id)}>
                <Typography.Text strong style={{ color: 'inherit', whiteSpace: 'nowrap' }}>
                  {name}
                </Typography.Text>
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('aftercare.requests.columns.category'),
      key: 'category',
      render: (_, row) => <CategoryTag category={row.category} cannotBeDone={row.cannotBeDone} />,
    },
    {
      title: t('aftercare.requests.columns.description'),
      dataIndex: 'description',
      render: (text: string, row) => (
        <Link to={aftercarePaths.request(row.id)} style={{ color: 'inherit' }}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 320, minWidth: 200 }}>
            {text}
          </Typography.Paragraph>
        </Link>
      ),
    },
    {
      title: t('aftercare.requests.columns.department'),
      dataIndex: 'orgUnitName',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('aftercare.requests.notRouted')}</Typography.Text>,
    },
    {
      title: t('aftercare.requests.columns.status'),
      dataIndex: 'status',
      render: (status: EnterpriseRequestDto['status']) => <RequestStatusTag status={status} />,
    },
    ...(show.includes('reason')
      ? [
          {
            title: t('aftercare.requests.columns.reason'),
            dataIndex: 'escalationReason',
            render: (reason: EnterpriseRequestDto['escalationReason']) =>
              reason ? t(`aftercare.escalationReasons.${reason}`) : t('common.none'),
          },
        ]
      : []),
    {
      title: t('aftercare.requests.columns.deadline'),
      key: 'dueAt',
      dataIndex: 'dueAt',
      sorter: sortable,
      sortOrder: sortable ? orderOf(sort, 'dueAt') : undefined,
      render: (_, row) => <DeadlineTag request={row} />,
    },
    ...(show.includes('source')
      ? [
          {
            title: t('aftercare.requests.columns.source'),
            dataIndex: 'source',
            render: (source: EnterpriseRequestDto['source']) => (
              <Tag variant="outlined" color={source === 'enterprise' ? 'purple' : undefined}>
                {t(`aftercare.sources.${source}`)}
              </Tag>
            ),
          },
        ]
      : []),
    {
      title: t('aftercare.requests.columns.createdAt'),
      key: 'createdAt',
      dataIndex: 'createdAt',
      className: 'lq-nowrap',
      sorter: sortable,
      sortOrder: sortable ? orderOf(sort, 'createdAt') : undefined,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
  ];

  const onChange: TableProps<EnterpriseRequestDto>['onChange'] = (_pagination, _filters, sorter) => {
    const first = Array.isArray(sorter) ? sorter[0] : sorter;
    onSortChange?.(
      first?.order && first.columnKey
        ? `${String(first.columnKey)}:${first.order === 'ascend' ? 'asc' : 'desc'}`
        : undefined,
    );
  };

  return (
    <Table<EnterpriseRequestDto>
      rowKey="id"
      columns={columns}
      dataSource={requests}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
      onChange={onChange}
      showSorterTooltip={false}
      locale={
        emptyText ? { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> } : undefined
      }
    />
  );
}
