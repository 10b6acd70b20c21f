import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import {
  delegationsApi,
  lookupsApi,
  roadshowsApi,
  type DelegationListFilters,
  type RoadshowListFilters,
} from '../api/events-api';

export const roadshowKeys = {
  all: ['roadshows'] as const,
  list: (filters: RoadshowListFilters) => ['roadshows', 'list', filters] as const,
  calendar: (from: string, to: string) => ['roadshows', 'calendar', from, to] as const,
  detail: (id: string) => ['roadshows', 'detail', id] as const,
  yield: (id: string) => ['roadshows', 'detail', id, 'yield'] as const,
  attendees: (id: string) => ['roadshows', 'detail', id, 'attendees'] as const,
};

export const delegationKeys = {
  all: ['delegations'] as const,
  list: (filters: DelegationListFilters) => ['delegations', 'list', filters] as const,
  detail: (id: string) => ['delegations', 'detail', id] as const,
  visits: (id: string) => ['delegations', 'detail', id, 'visits'] as const,
  touches: (id: string) => ['delegations', 'detail', id, 'touches'] as const,
  report: (id: string) => ['delegations', 'detail', id, 'report'] as const,
};

export function useRoadshowList(filters: RoadshowListFilters) {
  return useKeysetList(roadshowKeys.list(filters), (cursor, signal) => roadshowsApi.list(filters, cursor, signal));
}

export function useRoadshowCalendar(from: string, to: string) {
  return useQuery({ queryKey: roadshowKeys.calendar(from, to), queryFn: () => roadshowsApi.calendar(from, to) });
}

export function useRoadshow(id: string) {
  return useQuery({ queryKey: roadshowKeys.detail(id), queryFn: () => roadshowsApi.get(id) });
}

export function useRoadshowYield(id: string) {
  return useQuery({ queryKey: roadshowKeys.yield(id), queryFn: () => roadshowsApi.yield(id) });
}

export function useAttendees(id: string) {
  return useQuery({ queryKey: roadshowKeys.attendees(id), queryFn: () => roadshowsApi.attendees(id) });
}

/** A change on a roadshow's page: its detail, attendees and yield refetch, and the lists. */
export function useRoadshowChange<V, R>(id: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: roadshowKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: ['roadshows', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['roadshows', 'calendar'] }),
      ]),
  });
}

export function useDelegationList(filters: DelegationListFilters) {
  return useKeysetList(delegationKeys.list(filters), (cursor, signal) => delegationsApi.list(filters, cursor, signal));
}

export function useDelegation(id: string) {
  return useQuery({ queryKey: delegationKeys.detail(id), queryFn: () => delegationsApi.get(id) });
}

export function useVisits(id: string) {
  return useQuery({ queryKey: delegationKeys.visits(id), queryFn: () => delegationsApi.visits(id) });
}

export function useTouches(id: string) {
  return useQuery({ queryKey: delegationKeys.touches(id), queryFn: () => delegationsApi.touches(id) });
}

export function useTripReport(id: string, enabled: boolean) {
  return useQuery({ queryKey: delegationKeys.report(id), queryFn: () => delegationsApi.report(id), enabled });
}

export function useDelegationChange<V, R>(id: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: delegationKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: ['delegations', 'list'] }),
      ]),
  });
}

export function useCompanySearch(q: string) {
  return useQuery({
    queryKey: ['events', 'company-search', q],
    queryFn: () => lookupsApi.companies(q),
    placeholderData: keepPreviousData,
  });
}

export function useUserOptions() {
  return useQuery({ queryKey: ['events', 'users'], queryFn: () => lookupsApi.users(), staleTime: 60_000 });
}

export function useChainOptions() {
  return useQuery({ queryKey: ['events', 'chains'], queryFn: () => lookupsApi.chains(), staleTime: 300_000 });
}

/** The leads whose source link is this event or trip (for on-site signing). */
export function useEventLeads(sourceRefId: string, enabled = true) {
  return useQuery({
    queryKey: ['roadshows', 'detail', sourceRefId, 'leads'],
    queryFn: () => lookupsApi.eventLeads(sourceRefId),
    enabled,
  });
}
