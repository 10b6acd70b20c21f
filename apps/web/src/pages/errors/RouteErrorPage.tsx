import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * A page that threw while rendering, or whose code could not be loaded (typically a new version
 * was deployed and the old chunk is gone: a reload fixes it). It lives in the first chunk, since
 * it must show when loading other chunks fails, so it uses plain markup only.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <div role="alert" style={{ minHeight: '60vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <div style={{ textAlign: 'center' }}>
        <WarningOutlined style={{ fontSize: 48, color: '#d48806' }} />
        <h2 style={{ margin: '16px 0 8px', fontWeight: 600 }}>{t('errors.crashTitle')}</h2>
        <p style={{ margin: '0 0 20px', color: 'rgba(0,0,0,0.55)' }}>{t('errors.crashText')}</p>
        <button type="button" className="lq-plain-button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </div>
  );
}
