import type { LeadDto } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import {
  leadsApi,
  type ConvertLeadRequest,
  type LeadListFilters,
  type LeadRequest,
  type LeadUpdate,
} from '../api/leads-api';

export const leadKeys = {
  all: ['leads'] as const,
  list: (filters: LeadListFilters, limit?: number) => ['leads', 'list', filters, limit ?? null] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
};

export function useLeadList(filters: LeadListFilters, options: { limit?: number; enabled?: boolean } = {}) {
  return useKeysetList(
    leadKeys.list(filters, options.limit),
    (cursor, signal) => leadsApi.list(filters, cursor, signal, options.limit),
    { enabled: options.enabled },
  );
}

export function useLead(id: string | undefined) {
  return useQuery({
    queryKey: leadKeys.detail(id ?? ''),
    queryFn: ({ signal }) => leadsApi.get(id as string, signal),
    enabled: Boolean(id),
  });
}

function useLeadMutation<V>(mutationFn: (variables: V) => Promise<LeadDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (lead) => {
      queryClient.setQueryData(leadKeys.detail(lead.id), lead);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'lead', lead.id] }),
        queryClient.invalidateQueries({ queryKey: ['audit', 'lead', lead.id] }),
      ]);
    },
  });
}

export const useCreateLead = () =>
  useLeadMutation((body: LeadRequest & { acknowledgeCollision?: boolean }) => leadsApi.create(body));
export const useUpdateLead = () =>
  useLeadMutation(({ id, ...body }: LeadUpdate & { id: string }) => leadsApi.update(id, body));

/** Converting makes a project: the lead, its lists and the pipeline all change. */
export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ConvertLeadRequest & { id: string }) => leadsApi.convert(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: leadKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
      ]),
  });
}
