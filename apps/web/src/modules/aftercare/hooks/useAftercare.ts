import type {
  AftercareCompanyDto,
  EnterpriseRequestDto,
  Role,
  UpdateAftercareAssignmentRequest,
} from '@lianqiao/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import { useMemo } from 'react';
import {
  aftercareApi,
  type AftercareCompanyFilters,
  type CreateCultivationBody,
  type CreateRequestBody,
  type CultivationFilters,
  type RequestFilters,
  type RouteRequestBody,
  type UpdateRequestBody,
  type TransitionRequestBody,
  type UpdateCultivationBody,
} from '../api/aftercare-api';
import { useOrgUnits } from '../../org/hooks/useOrg';

export const aftercareKeys = {
  mine: (people: { leaderId?: string; repId?: string }) => ['aftercare', 'mine', people] as const,
  companies: (filters: AftercareCompanyFilters) => ['aftercare', 'companies', filters] as const,
  company: (id: string) => ['aftercare', 'company', id] as const,
  requestLink: (companyId: string) => ['aftercare', 'request-link', companyId] as const,
  users: (role: Role | undefined, q: string) => ['aftercare', 'users', role ?? 'any', q] as const,
  user: (id: string) => ['aftercare', 'user', id] as const,
  companySearch: (q: string) => ['aftercare', 'company-search', q] as const,
  requests: (kind: 'list' | 'review', filters: RequestFilters) => ['requests', kind, filters] as const,
  request: (id: string) => ['requests', 'detail', id] as const,
  trail: (id: string) => ['requests', 'trail', id] as const,
  feedbackLink: (id: string) => ['requests', 'feedback-link', id] as const,
  categories: ['requests', 'categories'] as const,
  stats: (range: { from?: string; to?: string }) => ['requests', 'stats', range] as const,
  cultivation: (filters: CultivationFilters) => ['cultivation', 'list', filters] as const,
};

export function useMyEnterprises(people: { leaderId?: string; repId?: string }) {
  return useQuery({
    queryKey: aftercareKeys.mine(people),
    queryFn: ({ signal }) => aftercareApi.myEnterprises(people, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAftercareCompanies(filters: AftercareCompanyFilters) {
  return useKeysetList(aftercareKeys.companies(filters), (cursor, signal) =>
    aftercareApi.companies(filters, cursor, signal),
  );
}

export function useAftercareCompany(id: string | undefined) {
  return useQuery({
    queryKey: aftercareKeys.company(id ?? ''),
    queryFn: () => aftercareApi.company(id as string),
    enabled: Boolean(id),
  });
}

export function useUpdateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, ...body }: UpdateAftercareAssignmentRequest & { companyId: string }) =>
      aftercareApi.updateAssignment(companyId, body),
    onSuccess: (company: AftercareCompanyDto) => {
      queryClient.setQueryData(aftercareKeys.company(company.companyId), company);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['aftercare', 'companies'] }),
        queryClient.invalidateQueries({ queryKey: ['aftercare', 'mine'] }),
        queryClient.invalidateQueries({ queryKey: ['aftercare', 'request-link', company.companyId] }),
      ]);
    },
  });
}

/** The request QR: fetched only for those who may see it (the API answers 403 or 422 otherwise). */
export function useRequestLink(companyId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: aftercareKeys.requestLink(companyId ?? ''),
    queryFn: () => aftercareApi.requestLink(companyId as string),
    enabled: Boolean(companyId) && enabled,
    staleTime: 5 * 60_000,
  });
}

export function useRotateRequestLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) => aftercareApi.rotateRequestLink(companyId),
    onSuccess: (link) => queryClient.setQueryData(aftercareKeys.requestLink(link.companyId), link),
  });
}

export function useRequests(filters: RequestFilters) {
  return useKeysetList(aftercareKeys.requests('list', filters), (cursor, signal) =>
    aftercareApi.requests(filters, cursor, signal),
  );
}

export function useReviewRequests(filters: RequestFilters) {
  return useKeysetList(aftercareKeys.requests('review', filters), (cursor, signal) =>
    aftercareApi.review(filters, cursor, signal),
  );
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: aftercareKeys.request(id ?? ''),
    queryFn: () => aftercareApi.request(id as string),
    enabled: Boolean(id),
  });
}

export function useRequestTrail(id: string | undefined) {
  return useQuery({
    queryKey: aftercareKeys.trail(id ?? ''),
    queryFn: () => aftercareApi.requestTrail(id as string),
    enabled: Boolean(id),
  });
}

/** The enterprise's one-time link: it exists once the request has been resolved. */
export function useFeedbackLink(request: EnterpriseRequestDto | undefined) {
  const exists = Boolean(request?.resolvedAt);
  return useQuery({
    queryKey: aftercareKeys.feedbackLink(request?.id ?? ''),
    queryFn: () => aftercareApi.feedbackLink(request!.id),
    enabled: exists,
  });
}

export function useRequestCategories() {
  return useQuery({
    queryKey: aftercareKeys.categories,
    queryFn: () => aftercareApi.categories(),
    staleTime: 60 * 60_000,
  });
}

export function useRequestStats(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: aftercareKeys.stats(range),
    queryFn: ({ signal }) => aftercareApi.stats(range, signal),
    placeholderData: keepPreviousData,
  });
}

/** After a request changes, its page shows the new state and every list, count and figure refetches. */
function useRequestMutation<V>(mutationFn: (variables: V) => Promise<EnterpriseRequestDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (request) => {
      queryClient.setQueryData(aftercareKeys.request(request.id), request);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['requests'] }),
        queryClient.invalidateQueries({ queryKey: ['aftercare', 'mine'] }),
      ]);
    },
  });
}

export const useCreateRequest = () => useRequestMutation((body: CreateRequestBody) => aftercareApi.createRequest(body));
export const useUpdateRequest = () =>
  useRequestMutation(({ id, ...body }: UpdateRequestBody & { id: string }) => aftercareApi.updateRequest(id, body));
export const useRouteRequest = () =>
  useRequestMutation(({ id, ...body }: RouteRequestBody & { id: string }) => aftercareApi.routeRequest(id, body));
export const useTransitionRequest = () =>
  useRequestMutation(({ id, ...body }: TransitionRequestBody & { id: string }) =>
    aftercareApi.transitionRequest(id, body),
  );

export function useCultivation(filters: CultivationFilters) {
  return useKeysetList(aftercareKeys.cultivation(filters), (cursor, signal) =>
    aftercareApi.cultivation(filters, cursor, signal),
  );
}

export function useSaveCultivation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: CreateCultivationBody } | { id: string; update: UpdateCultivationBody }) =>
      'create' in input
        ? aftercareApi.createCultivation(input.create)
        : aftercareApi.updateCultivation(input.id, input.update),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cultivation'] }),
  });
}

export function useRemoveCultivation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => aftercareApi.removeCultivation(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cultivation'] }),
  });
}

/** Active colleagues matching `q`; `roles` narrows (several roles: one call each, merged by name). */
export function useUserOptions(q: string, roles: readonly Role[] | undefined) {
  return useQuery({
    queryKey: [...aftercareKeys.users(undefined, q), roles ?? []] as const,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (roles?.length ? roles : [undefined]).map((role) => aftercareApi.users(q || undefined, role, signal)),
      );
      return pages.flatMap((page) => page.items).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useUserName(id: string | undefined) {
  return useQuery({
    queryKey: aftercareKeys.user(id ?? ''),
    queryFn: () => aftercareApi.user(id as string),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useCompanySearch(q: string, scope: 'aftercare' | 'all') {
  return useQuery({
    queryKey: [...aftercareKeys.companySearch(q), scope] as const,
    queryFn: async ({ signal }) =>
      scope === 'aftercare'
        ? (await aftercareApi.companies({ q: q || undefined }, undefined, signal)).items.map((c) => ({
            id: c.companyId,
            name: c.companyName,
          }))
        : (await aftercareApi.searchCompanies(q || undefined, signal)).items.map((c) => ({ id: c.id, name: c.name })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Org units of kind department: where requests are routed. */
export function useDepartments() {
  const units = useOrgUnits();
  const departments = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((unit) => unit.kind === 'department')
        .map((unit) => ({ id: unit.id, name: unit.name })),
    [units.data],
  );
  return { ...units, departments };
}
