import type { ImportColumnDto, ImportKind } from '@lianqiao/contracts';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useImportColumns } from '../hooks/useImports';

/** The columns a kind's file may have, as people name them, and what each takes. */
export function ImportColumns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const columns = useImportColumns(kind);
  if (columns.isError) return <Alert type="error" showIcon title={describeError(columns.error, t)} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('imports.columns.hint')}</Typography.Paragraph>
      <Table<ImportColumnDto>
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ x: true }}
        loading={columns.isLoading}
        dataSource={columns.data ?? []}
        data-testid="import-columns"
        columns={[
          {
            title: t('imports.columns.header'),
            key: 'header',
            render: (_, column) => (
              <>
                <Typography.Text strong>{column.header}</Typography.Text>{' '}
                {column.required ? <Tag color="red">{t('imports.columns.required')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('imports.columns.aliases'),
            key: 'aliases',
            render: (_, column) => (column.aliases.length ? column.aliases.join('、') : t('common.none')),
          },
          { title: t('imports.columns.help'), dataIndex: 'help' },
        ]}
      />
    </>
  );
}
