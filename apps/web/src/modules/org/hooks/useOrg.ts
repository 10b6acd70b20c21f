import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgUnitsApi, teamsApi, type OrgUnitRequest, type TeamRequest } from '../api/org-api';

export const orgKeys = {
  teams: (q = '') => ['teams', 'list', q] as const,
  team: (id: string) => ['teams', 'detail', id] as const,
  orgUnits: (q = '') => ['org-units', 'list', q] as const,
  orgUnit: (id: string) => ['org-units', 'detail', id] as const,
};

export function useTeams(q?: string) {
  return useQuery({
    queryKey: orgKeys.teams(q),
    queryFn: ({ signal }) => teamsApi.list(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useTeam(id: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.team(id ?? ''),
    queryFn: () => teamsApi.get(id as string),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useOrgUnits(q?: string) {
  return useQuery({
    queryKey: orgKeys.orgUnits(q),
    queryFn: ({ signal }) => orgUnitsApi.list(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** id → name, for showing a team or unit in a table row. */
export function useNameLookup(items: { id: string; name: string }[] | undefined) {
  return useMemo(() => new Map((items ?? []).map((item) => [item.id, item.name])), [items]);
}

export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: TeamRequest & { id?: string; version?: number }) =>
      id ? teamsApi.update(id, { ...body, version: version as number }) : teamsApi.create(body),
    onSuccess: (team) => {
      queryClient.setQueryData(orgKeys.team(team.id), team);
      return queryClient.invalidateQueries({ queryKey: ['teams', 'list'] });
    },
  });
}

export function useSaveOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: OrgUnitRequest & { id?: string; version?: number }) =>
      id ? orgUnitsApi.update(id, { ...body, version: version as number }) : orgUnitsApi.create(body),
    onSuccess: (unit) => {
      queryClient.setQueryData(orgKeys.orgUnit(unit.id), unit);
      return queryClient.invalidateQueries({ queryKey: ['org-units', 'list'] });
    },
  });
}
