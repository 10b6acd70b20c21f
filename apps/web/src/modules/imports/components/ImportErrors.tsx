import { DownloadOutlined } from '@ant-design/icons';
import type { ImportDto, ImportRowErrorDto } from '@lianqiao/contracts';
import { App, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { importsApi } from '../api/imports-api';

/** The bad rows (the first 100 as the API gives them) and the full list as errors.csv. */
export function ImportErrors({ job }: { job: ImportDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const name = await importsApi.downloadErrors(job.id);
      void message.success(t('imports.outcome.errorsDone', { name }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div data-testid="import-errors">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <div>
          <Typography.Text strong>{t('imports.outcome.errorsTitle', { count: job.errorCount })}</Typography.Text>
          {job.errorCount > job.errors.length ? (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t('imports.outcome.errorsShown', { shown: job.errors.length })}
            </Typography.Text>
          ) : null}
        </div>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void download()}
          data-testid="download-errors"
        >
          {t('imports.outcome.downloadErrors')}
        </Button>
      </Flex>
      <Table<ImportRowErrorDto & { key: number }>
        size="small"
        pagination={job.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: true }}
        dataSource={job.errors.map((error, key) => ({ ...error, key }))}
        columns={[
          { title: t('imports.outcome.row'), dataIndex: 'row', width: 80 },
          {
            title: t('imports.outcome.column'),
            key: 'column',
            width: 160,
            render: (_, row) => row.column || t('imports.outcome.wholeRow'),
          },
          { title: t('imports.outcome.reason'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
