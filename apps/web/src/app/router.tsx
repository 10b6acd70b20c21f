import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RESOURCES } from '../config/resources';
import { RouteErrorPage } from '../pages/errors/RouteErrorPage';
import { publicRoutes } from '../pages/public/public-routes';
import { RequireAuth } from './auth/RequireAuth';

// Every screen is its own chunk: the first download holds only the frame of the app (and no
// antd component beyond ConfigProvider: the fallbacks here are plain markup).
const LoginPage = lazy(() => import('../pages/auth/LoginPage'));
const ConsoleLayout = lazy(() => import('./ConsoleLayout'));
const NotFoundPage = lazy(() => import('../pages/errors/NotFoundPage'));

function FullPageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="lq-boot" role="progressbar" aria-busy="true">
          <span className="lq-boot-spinner" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: '/login',
        element: (
          <FullPageSuspense>
            <LoginPage />
          </FullPageSuspense>
        ),
      },
      ...publicRoutes,
      {
        element: (
          <RequireAuth>
            <FullPageSuspense>
              <ConsoleLayout />
            </FullPageSuspense>
          </RequireAuth>
        ),
        children: [
          ...RESOURCES.map(({ path, page: Page }): RouteObject => ({ path, element: <Page /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
