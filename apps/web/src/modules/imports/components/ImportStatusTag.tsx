import type { ImportStatus } from '@lianqiao/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ImportStatus, string> = {
  validating: 'processing',
  writing: 'processing',
  done: 'success',
  failed: 'error',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`imports.status.${status}`)}</Tag>;
}
