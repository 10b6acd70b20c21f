import type { CompanyTouchDto } from '@lianqiao/contracts';
import { Alert, Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useCompanyTouches } from '../hooks/useCompanies';

/** "Who has touched this company": teams, their lead and project counts, and when they last acted. */
export function TouchesPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const touches = useCompanyTouches(companyId);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('companies.touches.intro')}</Typography.Paragraph>
      {touches.isError ? <Alert type="error" showIcon title={describeError(touches.error, t)} /> : null}
      <Table<CompanyTouchDto>
        rowKey={(row) => row.teamId ?? 'none'}
        size="middle"
        loading={touches.isLoading}
        dataSource={touches.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('companies.touches.empty')} /> }}
        columns={[
          {
            title: t('companies.touches.team'),
            dataIndex: 'teamName',
            render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
          },
          { title: t('companies.touches.leads'), dataIndex: 'leadCount', width: 100, align: 'right' },
          { title: t('companies.touches.projects'), dataIndex: 'projectCount', width: 100, align: 'right' },
          {
            title: t('companies.touches.lastActed'),
            dataIndex: 'lastActedAt',
            width: 200,
            render: (at: string | null) =>
              at ? (
                <span title={dayjs(at).format('YYYY-MM-DD HH:mm')}>{dayjs(at).format('YYYY-MM-DD')}</span>
              ) : (
                <Typography.Text type="secondary">{t('companies.touches.never')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
