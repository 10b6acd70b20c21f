import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dashboardApi, type DashboardScope } from '../api/dashboard-api';

type View = Exclude<keyof typeof dashboardApi, 'downloadWeeklyReport'>;

/** One dashboard view for a scope; the previous scope's figures stay while the next load. */
export function useDashboardView<V extends View>(view: V, scope: DashboardScope) {
  return useQuery({
    queryKey: ['dashboard', view, scope.year, scope.from ?? '', scope.to ?? '', scope.teamId ?? 'district'],
    queryFn: ({ signal }) =>
      dashboardApi[view](scope, signal) as Promise<Awaited<ReturnType<(typeof dashboardApi)[V]>>>,
    placeholderData: keepPreviousData,
  });
}
