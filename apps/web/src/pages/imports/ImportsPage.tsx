import { DownloadOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportKind } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importsApi } from '../../modules/imports/api/imports-api';
import { ImportColumns } from '../../modules/imports/components/ImportColumns';
import { ImportHistory } from '../../modules/imports/components/ImportHistory';
import { ImportJobView } from '../../modules/imports/components/ImportJobView';
import { ImportUploader } from '../../modules/imports/components/ImportUploader';
import { isRunning, useImportJob } from '../../modules/imports/hooks/useImports';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader } from '../../shared/layout';

const URL_KEYS = ['kind', 'import'] as const;
const isKind = (value: string | undefined): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value ?? '');

/** 批量导入: pick what the file holds, see its columns, get the template, upload, follow it to the end. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useUrlFilters(URL_KEYS);
  const kind: ImportKind = isKind(filters.kind) ? filters.kind : 'leads';
  const current = filters.import ?? null;
  const job = useImportJob(current);
  const kindLabel = t(`imports.kinds.${kind}`);

  const [downloading, setDownloading] = useState(false);
  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      const name = await importsApi.downloadTemplate(kind);
      void message.success(t('imports.templateDone', { name }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void downloadTemplate()}
            data-testid="download-template"
          >
            {t('imports.template', { kind: kindLabel })}
          </Button>
        }
      />
      <Segmented
        aria-label={t('imports.kind')}
        value={kind}
        style={{ marginBottom: 16 }}
        options={IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
        onChange={(value) => setFilters({ kind: value, import: undefined })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('imports.upload.title')}>
            <ImportUploader
              kind={kind}
              disabled={isRunning(job.data)}
              onAccepted={(accepted) => {
                void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
                setFilters({ import: accepted.id });
              }}
            />
            {current ? (
              <div style={{ marginTop: 16 }}>
                <ImportJobView id={current} />
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('imports.columns.title', { kind: kindLabel })}>
            <ImportColumns kind={kind} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card variant="borderless" title={t('imports.history.title')}>
            <ImportHistory onView={(id) => setFilters({ import: id })} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
