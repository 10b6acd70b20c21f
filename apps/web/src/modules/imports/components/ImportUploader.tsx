import { InboxOutlined } from '@ant-design/icons';
import type { ImportDto, ImportKind } from '@lianqiao/contracts';
import { Alert, Progress, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../../shared/http';
import { importsApi } from '../api/imports-api';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Drop a file to import it: the bar follows the bytes sent; once the server has the file (202)
 * `onAccepted` gets the import, whose checking and writing go on in the background.
 */
export function ImportUploader({
  kind,
  disabled,
  onAccepted,
}: {
  kind: ImportKind;
  disabled?: boolean;
  onAccepted: (job: ImportDto) => void;
}) {
  const { t } = useTranslation();
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  return (
    <>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={disabled || sending !== null}
        customRequest={({ file, onSuccess, onError }) => {
          const blob = file as File;
          const controller = new AbortController();
          abort.current = controller;
          setError(null);
          setSending({ name: blob.name, percent: 0 });
          importsApi
            .upload(
              kind,
              blob,
              ({ loaded, total }) =>
                setSending({ name: blob.name, percent: total ? Math.min(100, Math.floor((loaded * 100) / total)) : 0 }),
              controller.signal,
            )
            .then((job) => {
              onSuccess?.(job);
              onAccepted(job);
            })
            .catch((failure: unknown) => {
              if (failure instanceof DOMException && failure.name === 'AbortError') return;
              const reason = (isApiError(failure) && failure.fieldErrors().file?.[0]) || describeError(failure, t);
              setError(`${blob.name}：${reason}`);
              onError?.(failure as Error);
            })
            .finally(() => setSending(null));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.hint')}</p>
        <p className="ant-upload-hint">{t('imports.upload.note')}</p>
      </Upload.Dragger>
      {sending ? (
        <div style={{ marginTop: 12 }} data-testid="upload-progress">
          <Typography.Text>
            {t('imports.status.uploading')} · {sending.name}
          </Typography.Text>
          <Progress percent={sending.percent} status="active" />
        </div>
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="upload-error" />
      ) : null}
    </>
  );
}
