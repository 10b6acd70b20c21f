import type { ImportDto } from '@lianqiao/contracts';
import { Alert, Button, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useImportHistory } from '../hooks/useImports';
import { ImportStatusTag } from './ImportStatusTag';

/** Past imports, newest first; "view" opens one's outcome (and its bad rows) above. */
export function ImportHistory({ onView }: { onView: (id: string) => void }) {
  const { t } = useTranslation();
  const history = useImportHistory();
  if (history.isError) return <Alert type="error" showIcon title={describeError(history.error, t)} />;
  return (
    <Table<ImportDto>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      loading={history.isLoading}
      locale={{ emptyText: t('imports.history.empty') }}
      dataSource={history.data?.items ?? []}
      data-testid="import-history"
      columns={[
        {
          title: t('imports.history.createdAt'),
          key: 'createdAt',
          render: (_, job) => dayjs(job.createdAt).format('YYYY-MM-DD HH:mm'),
        },
        { title: t('imports.history.kind'), key: 'kind', render: (_, job) => t(`imports.kinds.${job.kind}`) },
        { title: t('imports.history.file'), dataIndex: 'fileName', ellipsis: true },
        {
          title: t('imports.history.status'),
          key: 'status',
          render: (_, job) => <ImportStatusTag status={job.status} />,
        },
        { title: t('imports.history.rows'), key: 'rows', align: 'right', render: (_, job) => job.totalRows ?? '—' },
        { title: t('imports.history.created'), dataIndex: 'createdCount', align: 'right' },
        { title: t('imports.history.skipped'), dataIndex: 'skippedCount', align: 'right' },
        { title: t('imports.history.errors'), dataIndex: 'errorCount', align: 'right' },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, job) => (
            <Button type="link" size="small" onClick={() => onView(job.id)}>
              {t('imports.history.view')}
            </Button>
          ),
        },
      ]}
    />
  );
}
