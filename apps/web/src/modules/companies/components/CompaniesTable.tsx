import type { CompanyDto } from '@lianqiao/contracts';
import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortOrderOf, sortParamOf } from '../../../shared/hooks/tableSort';
import { ChainNodeTags } from '../../chains/components/ChainNodeTags';
import { CompanyTags } from './CompanyTags';

export function CompaniesTable({
  companies,
  loading,
  sort,
  filtered,
  onSort,
  onCreate,
}: {
  companies: CompanyDto[];
  loading: boolean;
  sort: string | undefined;
  filtered: boolean;
  onSort: (sort: string | undefined) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CompanyDto> = [
    {
      key: 'name',
      title: t('companies.columns.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, company) => (
        <div>
          <Link to={`/companies/${company.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {company.name}
            </Typography.Text>
          </Link>
          <div style={{ marginTop: 4 }}>
            <CompanyTags company={company} />
          </div>
        </div>
      ),
    },
    {
      key: 'uscc',
      title: t('companies.columns.uscc'),
      dataIndex: 'uscc',
      width: 200,
      render: (uscc: string | null) =>
        uscc ? (
          <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
            {uscc}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'ownership',
      title: t('companies.columns.ownership'),
      dataIndex: 'ownership',
      width: 90,
      render: (ownership: CompanyDto['ownership']) =>
        ownership ? t(`companies.ownership.${ownership}`) : t('common.none'),
    },
    {
      key: 'location',
      title: t('companies.columns.location'),
      width: 120,
      render: (_, company) => [company.province, company.city].filter(Boolean).join(' · ') || t('common.none'),
    },
    {
      key: 'chainNodes',
      title: t('companies.columns.chainNodes'),
      width: 220,
      render: (_, company) => <ChainNodeTags ids={company.chainNodeIds} />,
    },
    {
      key: 'updatedAt',
      title: t('companies.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'updatedAt'),
      render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
    },
  ];
  return (
    <Table<CompanyDto>
      rowKey="id"
      columns={columns}
      dataSource={companies}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      size="middle"
      showSorterTooltip={false}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') onSort(sortParamOf(sorter));
      }}
      locale={{
        emptyText: loading ? (
          ' '
        ) : (
          <Empty description={filtered ? t('companies.empty') : t('companies.emptyAll')}>
            {filtered ? null : (
              <Button type="primary" onClick={onCreate}>
                {t('companies.create')}
              </Button>
            )}
          </Empty>
        ),
      }}
    />
  );
}
