import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './PublicPage.module.css';

/** The frame of the enterprise's pages: a banner with the title and the company, then cards. */
export function PublicShell({
  title,
  company,
  children,
}: {
  title: string;
  company?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = company ? `${title} · ${company}` : title;
  }, [title, company]);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.brand}>{t('aftercare.public.brand')}</div>
        <h1 className={styles.title}>{title}</h1>
        {company ? <div className={styles.company}>{company}</div> : null}
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}

/** A whole-card outcome: received, thanks, already used, gone. */
export function PublicState({
  tone = 'ok',
  title,
  text,
  children,
  testId,
}: {
  tone?: 'ok' | 'warn';
  title: string;
  text?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <section className={styles.card}>
      <div className={styles.state} role="status" data-testid={testId}>
        <span className={`${styles.stateIcon} ${tone === 'warn' ? styles.warn : ''}`} aria-hidden="true">
          {tone === 'warn' ? '!' : '✓'}
        </span>
        <h2 className={styles.stateTitle}>{title}</h2>
        {text ? <p className={styles.stateText}>{text}</p> : null}
        {children}
      </div>
    </section>
  );
}

export function PublicLoading() {
  const { t } = useTranslation();
  return (
    <section className={styles.card}>
      <div className={styles.state} role="progressbar" aria-busy="true" aria-label={t('aftercare.public.loading')}>
        <span className="lq-boot-spinner" style={{ display: 'inline-block' }} />
      </div>
    </section>
  );
}

/**
 * The server's message as an enterprise should read it: in Chinese, without the English gloss the
 * API adds in brackets for integrators ("提交过于频繁，请 3 分钟后再试 (too many requests)").
 */
export function politeMessage(message: string): string {
  return message.replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, '').trim() || message;
}
