import { ApartmentOutlined, NodeIndexOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App as AntdApp, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../app/BrandMark';
import type { LoginState } from '../../app/auth/RequireAuth';
import { LoginForm } from '../../modules/auth/components/LoginForm';
import { useSession } from '../../modules/auth/hooks/useSession';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch';
import styles from './LoginPage.module.css';

/** 连桥 · 招商引资管理平台: the way in. */
export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;

  if (session) return <Navigate to={state.from ?? '/'} replace />;

  const notice =
    state.reason === 'expired'
      ? { type: 'warning' as const, text: t('auth.sessionEnded') }
      : state.reason === 'logout'
        ? { type: 'info' as const, text: t('auth.loggedOut') }
        : null;

  const features = [
    { icon: <NodeIndexOutlined />, text: t('auth.features.chains') },
    { icon: <ApartmentOutlined />, text: t('auth.features.pipeline') },
    { icon: <QrcodeOutlined />, text: t('auth.features.cards') },
  ];

  return (
    <AntdApp>
      <div className={styles.page}>
        <section className={styles.hero}>
          <div className={styles.heroInner}>
            <BrandMark compact size={56} />
            <h1 className={styles.productName}>
              {t('app.name')}
              <span className={styles.dot}>·</span>
              {t('app.product')}
            </h1>
            <p className={styles.tagline}>{t('app.tagline')}</p>
            <ul className={styles.features}>
              {features.map((feature) => (
                <li key={feature.text}>
                  <span className={styles.featureIcon}>{feature.icon}</span>
                  {feature.text}
                </li>
              ))}
            </ul>
          </div>
          <svg className={styles.chainArt} viewBox="0 0 600 260" aria-hidden focusable="false">
            <path d="M0 200 C150 90 450 90 600 200" fill="none" stroke="rgba(255,255,255,0.18)" strokeWidth="3" />
            <path d="M0 230 C150 120 450 120 600 230" fill="none" stroke="rgba(255,255,255,0.1)" strokeWidth="2" />
            {[60, 150, 240, 330, 420, 510].map((x, i) => (
              <g key={x}>
                <line
                  x1={x}
                  y1={200 - Math.sin((x / 600) * Math.PI) * 82}
                  x2={x}
                  y2="260"
                  stroke="rgba(255,255,255,0.12)"
                  strokeWidth="2"
                />
                <circle
                  cx={x}
                  cy={200 - Math.sin((x / 600) * Math.PI) * 82}
                  r={i % 2 ? 6 : 8}
                  fill="rgba(255,255,255,0.35)"
                />
              </g>
            ))}
          </svg>
        </section>
        <main className={styles.panel}>
          <div className={styles.panelTop}>
            <LanguageSwitch />
          </div>
          <div className={styles.formWrap}>
            <div className={styles.mobileBrand}>
              <BrandMark tone="dark" />
            </div>
            <Typography.Title level={2} className={styles.formTitle}>
              {t('auth.loginTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className={styles.formSubtitle}>
              {t('auth.loginSubtitle')}
            </Typography.Paragraph>
            <LoginForm notice={notice} onSignedIn={() => navigate(state.from ?? '/', { replace: true })} />
            <Typography.Paragraph type="secondary" className={styles.hint}>
              {t('auth.forgotHint')}
            </Typography.Paragraph>
          </div>
          <footer className={styles.footer}>{t('auth.copyright', { year: new Date().getFullYear() })}</footer>
        </main>
      </div>
    </AntdApp>
  );
}
