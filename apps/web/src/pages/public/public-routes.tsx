import { aftercarePaths } from '@lianqiao/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// The enterprise's pages load on their own: none of the console's screens, menu or antd components.
const PublicRequestFormPage = lazy(() => import('./PublicRequestFormPage'));
const PublicFeedbackPage = lazy(() => import('./PublicFeedbackPage'));

function Loading({ children }: { children: ReactNode }) {
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

/** Public routes, outside the sign-in guard: the request form behind a company's QR code and the feedback link. */
export const publicRoutes: RouteObject[] = [
  {
    path: aftercarePaths.requestForm(':token'),
    element: (
      <Loading>
        <PublicRequestFormPage />
      </Loading>
    ),
  },
  {
    path: aftercarePaths.feedback(':token'),
    element: (
      <Loading>
        <PublicFeedbackPage />
      </Loading>
    ),
  },
];
