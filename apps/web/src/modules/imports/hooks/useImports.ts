import type { ImportDto, ImportKind } from '@lianqiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { importsApi } from '../api/imports-api';

/** How often a running import's progress is asked for. */
export const POLL_MS = 1000;

export const isRunning = (job: Pick<ImportDto, 'status'> | undefined) =>
  job?.status === 'validating' || job?.status === 'writing';

export function useImportColumns(kind: ImportKind) {
  return useQuery({
    queryKey: ['imports', 'columns', kind],
    queryFn: ({ signal }) => importsApi.columns(kind, signal),
    staleTime: Infinity,
  });
}

/** Past imports; asked again while one of them is still running. */
export function useImportHistory() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ signal }) => importsApi.list(signal),
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? POLL_MS * 3 : false),
  });
}

/** One import, polled until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => importsApi.get(id as string, signal),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.status !== 'error' && (!query.state.data || isRunning(query.state.data)) ? POLL_MS : false,
  });
}
