import type { LoginRequest } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionStore } from '../../../shared/http';
import { authApi, type ChangePasswordRequest } from '../api/auth-api';
import { useSession } from './useSession';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => authApi.login(body),
    onSuccess: (session) => {
      queryClient.clear();
      sessionStore.set(session);
    },
  });
}

/** Ends the session on the server, then here, whatever the server said (it may be unreachable). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await authApi.logout();
      } finally {
        sessionStore.clear('logout');
        queryClient.clear();
      }
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordRequest) => authApi.changePassword(body) });
}

/** Keeps the stored user fresh (an admin may have changed the role or team since sign-in). */
export function useRefreshProfile() {
  const session = useSession();
  const query = useQuery({
    queryKey: ['auth', 'me'],
    queryFn: () => authApi.me(),
    enabled: session !== null,
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    if (query.data) sessionStore.setUser(query.data);
  }, [query.data]);
}
