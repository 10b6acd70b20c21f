import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../../../shared/http';

/** The signed-in session, or null; re-renders when it changes (sign-in, renewal, end). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, () => sessionStore.get());
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useCurrentUser() {
  const session = useSession();
  if (!session) throw new Error('useCurrentUser outside a signed-in route');
  return session.user;
}
