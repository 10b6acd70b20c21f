import { useQueries } from '@tanstack/react-query';
import { usersApi } from '../../users/api/users-api';
import { userKeys } from '../../users/hooks/useUsers';

/** id → display name for the few people a page mentions (owners, approvers), each fetched once and cached. */
export function useUserNames(ids: readonly (string | null | undefined)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: userKeys.detail(id),
      queryFn: () => usersApi.get(id),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const names = new Map<string, string>();
      results.forEach((result) => {
        if (result.data) names.set(result.data.id, result.data.displayName);
      });
      return names;
    },
  });
}
