import { useTranslation } from 'react-i18next';

/** The product mark: a bridge over the chain, and the name. */
export function BrandMark({
  compact = false,
  tone = 'light',
  size = 28,
}: {
  compact?: boolean;
  tone?: 'light' | 'dark';
  size?: number;
}) {
  const { t } = useTranslation();
  const color = tone === 'light' ? '#ffffff' : '#0b2447';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, color }}>
      <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false">
        <rect width="64" height="64" rx="14" fill="#1f5fbf" />
        <path d="M12 42c6-12 14-18 20-18s14 6 20 18" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
        <path d="M20 42V32M32 42V26M44 42V32" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {compact ? null : (
        <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.2 }}>
          <strong style={{ fontSize: 17, letterSpacing: 1 }}>{t('app.name')}</strong>
          <span style={{ fontSize: 11, opacity: 0.7 }}>{t('app.product')}</span>
        </span>
      )}
    </span>
  );
}
