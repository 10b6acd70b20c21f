import type { ImportDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Progress, Result, Row, Skeleton, Statistic, Steps, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { isRunning, useImportJob } from '../hooks/useImports';
import { ImportErrors } from './ImportErrors';

const PHASE_STEP = { validating: 1, writing: 2, done: 3, failed: 1 } as const;

/** An import after its upload: checking and writing as they go, then what was written or why not. */
export function ImportJobView({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useImportJob(id);
  const job = query.data;
  const finished = job !== undefined && !isRunning(job);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
  }, [finished, queryClient]);

  if (query.isError) return <Alert type="error" showIcon title={describeError(query.error, t)} />;
  if (!job) return <Skeleton active paragraph={{ rows: 2 }} />;

  const failedWhile = job.status === 'failed' && job.errorCount === 0 && job.processedRows > 0 ? 2 : 1;
  return (
    <div data-testid="import-job">
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={job.status === 'failed' ? failedWhile : PHASE_STEP[job.status]}
        status={job.status === 'failed' ? 'error' : job.status === 'done' ? 'finish' : 'process'}
        items={(['uploading', 'validating', 'writing', 'done'] as const).map((phase) => ({
          title: t(`imports.phases.${phase}`),
        }))}
      />
      {isRunning(job) ? <RunningProgress job={job} /> : null}
      {job.status === 'done' ? <Done job={job} /> : null}
      {job.status === 'failed' ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('imports.outcome.failedTitle')}
            description={job.message}
            style={{ marginBottom: 16 }}
            data-testid="import-failed"
          />
          {job.errorCount > 0 ? <ImportErrors job={job} /> : null}
        </>
      ) : null}
    </div>
  );
}

function RunningProgress({ job }: { job: ImportDto }) {
  const { t } = useTranslation();
  const total = job.totalRows ?? 0;
  const percent = total > 0 ? Math.min(99, Math.floor((job.processedRows * 100) / total)) : 0;
  return (
    <div data-testid="import-progress">
      <Typography.Text>
        {t(`imports.status.${job.status}`)} · {job.fileName} ·{' '}
        {total > 0
          ? t('imports.rows', { processed: job.processedRows, total })
          : t('imports.rowsSoFar', { processed: job.processedRows })}
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
}

function Done({ job }: { job: ImportDto }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      style={{ padding: '16px 0' }}
      title={t('imports.outcome.doneTitle', { file: job.fileName })}
      extra={
        <Row gutter={[16, 16]} justify="center" data-testid="import-done">
          <Col xs={24} sm={8}>
            <Statistic title={t('imports.outcome.created')} value={job.createdCount} />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic title={t('imports.outcome.skipped')} value={job.skippedCount} />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic title={t('imports.outcome.companiesCreated')} value={job.companiesCreated} />
          </Col>
        </Row>
      }
    />
  );
}
