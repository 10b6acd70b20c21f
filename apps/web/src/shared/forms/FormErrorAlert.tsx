import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The message above a form for what no field can show: a rule, a lost connection, a stale version. */
export function FormErrorAlert({
  message,
  stale,
  onReload,
}: {
  message: string | null;
  stale?: boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (stale) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('common.staleTitle')}
        description={t('common.staleText')}
        action={
          onReload ? (
            <Button size="small" type="primary" onClick={onReload}>
              {t('common.reloadLatest')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (!message) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 16 }} title={message} />;
}
