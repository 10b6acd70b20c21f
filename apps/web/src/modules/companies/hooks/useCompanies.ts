import type { CompanyDto } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import { companiesApi, type CompanyListFilters, type CompanyRequest, type ContactRequest } from '../api/companies-api';

export const companyKeys = {
  all: ['companies'] as const,
  list: (filters: CompanyListFilters) => ['companies', 'list', filters] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  touches: (id: string) => ['companies', 'touches', id] as const,
  contacts: (id: string) => ['companies', 'contacts', id] as const,
};

export function useCompanyList(filters: CompanyListFilters) {
  return useKeysetList(companyKeys.list(filters), (cursor, signal) => companiesApi.list(filters, cursor, signal));
}

export function useCompany(id: string | undefined) {
  return useQuery({
    queryKey: companyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => companiesApi.get(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useCompanyTouches(id: string) {
  return useQuery({ queryKey: companyKeys.touches(id), queryFn: ({ signal }) => companiesApi.touches(id, signal) });
}

export function useContacts(companyId: string) {
  return useQuery({
    queryKey: companyKeys.contacts(companyId),
    queryFn: ({ signal }) => companiesApi.contacts(companyId, signal),
  });
}

function useCompanyMutation<V>(mutationFn: (variables: V) => Promise<CompanyDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(company.id), company);
      return queryClient.invalidateQueries({ queryKey: ['companies', 'list'] });
    },
  });
}

export const useCreateCompany = () =>
  useCompanyMutation((body: CompanyRequest & { allowDuplicateName?: boolean }) => companiesApi.create(body));
export const useUpdateCompany = () =>
  useCompanyMutation(({ id, ...body }: Partial<CompanyRequest> & { id: string; version: number }) =>
    companiesApi.update(id, body),
  );

/** Merging moves everything of the duplicate onto the kept company: refresh all company views. */
export function useMergeCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sourceId }: { id: string; sourceId: string }) => companiesApi.merge(id, sourceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.all }),
  });
}

export function useCreateContact(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactRequest) => companiesApi.createContact(companyId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.contacts(companyId) }),
  });
}
