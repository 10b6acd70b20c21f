import type { UserDto } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import { sessionStore } from '../../../shared/http';
import { usersApi, type CreateUserRequest, type UpdateUserRequest, type UserListFilters } from '../api/users-api';

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserListFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

/** Keyset pages of users: `fetchNextPage` follows `nextCursor`; the first page answers `total`. */
export function useUserList(filters: UserListFilters) {
  return useKeysetList(userKeys.list(filters), (cursor, signal) => usersApi.list(filters, cursor, signal));
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: () => usersApi.get(id as string),
    enabled: Boolean(id),
  });
}

/** After any change, lists refetch; the changed user is put in the cache at once. */
function useUserMutation<V>(mutationFn: (variables: V) => Promise<UserDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      if (sessionStore.get()?.user.id === user.id) sessionStore.setUser(user);
      return queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export const useCreateUser = () => useUserMutation((body: CreateUserRequest) => usersApi.create(body));
export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserRequest & { id: string }) => usersApi.update(id, body));
export const useUnlockUser = () => useUserMutation((id: string) => usersApi.unlock(id));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) => usersApi.resetPassword(id, password));
