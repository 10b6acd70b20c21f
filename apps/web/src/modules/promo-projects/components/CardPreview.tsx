import { renderCardPage } from '@lianqiao/card';
import type { PublicCardDto } from '@lianqiao/contracts';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './CardPreview.module.css';

export const PHONE_WIDTH = 390;

/**
 * The card as an investor's phone shows it: the page `renderCardPage` draws for /c/{slug} (the
 * same function the server uses), in a sandboxed frame at a phone's width. The frame may run the
 * page's own little script (forward button, the form's preview notice) but gets no access to the
 * console: no same origin, no forms, no navigation of the console.
 */
export function CardPreview({
  card,
  referralCode,
  height = 720,
}: {
  card: PublicCardDto;
  referralCode?: string | null;
  height?: number;
}) {
  const { t } = useTranslation();
  // Typing stays fluid: the frame redraws from the latest values once React has time.
  const deferred = useDeferredValue(card);
  const html = useMemo(
    () => renderCardPage(deferred, { baseUrl: window.location.origin, referralCode, preview: true }),
    [deferred, referralCode],
  );
  return (
    <div className={styles.phone} style={{ width: PHONE_WIDTH + 24 }}>
      <div className={styles.notch} aria-hidden />
      <iframe
        title={t('promo.preview.frameTitle')}
        data-testid="card-preview"
        className={styles.screen}
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        srcDoc={html}
        width={PHONE_WIDTH}
        height={height}
      />
    </div>
  );
}
