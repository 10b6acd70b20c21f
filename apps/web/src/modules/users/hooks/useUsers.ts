import type { UserDto } from '@lianqiao/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionStore } from '../../../shared/http';
import { usersApi, type CreateUserRequest, type UpdateUserRequest, type UserListFilters } from '../api/users-api';

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserListFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

/** Keyset pages of users: `fetchNextPage` follows `nextCursor`; the first page answers `total`. */
export function useUserList(filters: UserListFilters) {
  const query = useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) => usersApi.list(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { ...query, users, total };
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
