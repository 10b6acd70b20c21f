import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../src/app/providers/AppProviders';
import { sessionStore, type Session } from '../src/shared/http';
import { setLanguage } from '../src/shared/i18n';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Resets what one test could leave to the next: session, language, fetch. */
export async function resetConsole(session: Session | null = null): Promise<void> {
  sessionStore.clear('logout');
  sessionStore.takeEndReason();
  if (session) sessionStore.set(session);
  await setLanguage('zh-CN');
}

/** Renders `ui` at `path` inside the console's providers, as the app does. */
export function renderInConsole(
  ui: ReactElement,
  { path = '/', routes }: { path?: string; routes?: RouteObject[] } = {},
): RenderResult & { router: ReturnType<typeof createMemoryRouter>; queryClient: QueryClient } {
  const queryClient = testQueryClient();
  const router = createMemoryRouter(routes ?? [{ path: '*', element: <AntdApp>{ui}</AntdApp> }], {
    initialEntries: [path],
  });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}
