import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../modules/auth/hooks/useSession';
import { sessionStore } from '../../shared/http';

/** What the login page is told when it is shown because a session ended. */
export interface LoginState {
  from?: string;
  reason?: 'expired' | 'logout';
}

/**
 * Renders its children only for a signed-in user. When there is no session — never signed in,
 * signed out, or ended by the server — it sends the user to the login page, saying why and
 * where to come back to.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session) return children;
  const reason = sessionStore.peekEndReason() ?? undefined;
  const from = reason === 'logout' ? undefined : `${location.pathname}${location.search}`;
  const state: LoginState = { from: from === '/' ? undefined : from, reason };
  return <Navigate to="/login" replace state={state} />;
}
