import type { Page } from '@lianqiao/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

/**
 * A keyset-paged list: the first page, then each next one on `fetchNextPage` (following
 * `nextCursor`). The first page's `total` is the count of the whole filtered list, the database's
 * estimate when `totalIsEstimate`. While new filters load, the previous rows stay on screen.
 */
export function useKeysetList<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const first = query.data?.pages[0];
  return {
    ...query,
    items,
    total: first?.total ?? 0,
    totalIsEstimate: first?.totalIsEstimate ?? false,
    /** Loading the first page or new filters (not a next page): what the table's spinner shows. */
    refreshing: query.isLoading || (query.isFetching && !query.isFetchingNextPage),
  };
}

export type KeysetList<T> = ReturnType<typeof useKeysetList<T>>;
