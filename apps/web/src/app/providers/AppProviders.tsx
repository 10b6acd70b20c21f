import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../shared/http';
import { antdLocaleOf, currentLanguage } from '../../shared/i18n';
import { theme } from './theme';

/** Those who asked their system for less motion get none: dialogs and drawers open without zooming or sliding. */
const prefersReducedMotion =
  typeof window !== 'undefined' && Boolean(window.matchMedia?.('(prefers-reduced-motion: reduce)')?.matches);
const appTheme = prefersReducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

/**
 * Everything a page relies on: the query cache, antd's theme and locale (following the i18n
 * language, so switching to English switches antd's own texts and date formats too). antd's
 * <App> (message, modal, notification) is added by the lazily loaded screens, keeping those
 * components out of the first download.
 */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // Subscribes to language changes: this component re-renders and hands antd the new locale.
  useTranslation();
  const language = currentLanguage();

  // Whatever ends the session (sign-out, a refused renewal), nothing of the last user stays cached.
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (!sessionStore.get()) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocaleOf(language)} theme={appTheme}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
