import type { PromoProjectDto } from '@lianqiao/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import { promoApi, type CreatePromoRequest, type PromoListFilters, type UpdatePromoRequest } from '../api/promo-api';

export const promoKeys = {
  all: ['promo-projects'] as const,
  list: (filters: PromoListFilters) => ['promo-projects', 'list', filters] as const,
  detail: (id: string) => ['promo-projects', 'detail', id] as const,
  preview: (id: string) => ['promo-projects', 'preview', id] as const,
  versions: (id: string) => ['promo-projects', 'versions', id] as const,
  stats: (id: string, range: { from?: string; to?: string }) => ['promo-projects', 'stats', id, range] as const,
  interests: (id: string) => ['promo-projects', 'interests', id] as const,
};

/** Keyset pages of cards: `fetchNextPage` follows `nextCursor`; the first page answers `total`. */
export function usePromoList(filters: PromoListFilters) {
  return useKeysetList(promoKeys.list(filters), (cursor, signal) => promoApi.list(filters, cursor, signal));
}

export function usePromoProject(id: string | undefined) {
  return useQuery({
    queryKey: promoKeys.detail(id ?? ''),
    queryFn: () => promoApi.get(id as string),
    enabled: Boolean(id),
  });
}

/** The working copy as public fields (with the district's name and the image sizes): the preview's base. */
export function usePromoPreview(id: string | undefined) {
  return useQuery({
    queryKey: promoKeys.preview(id ?? ''),
    queryFn: () => promoApi.preview(id as string),
    enabled: Boolean(id),
  });
}

export function usePromoVersions(id: string) {
  return useQuery({ queryKey: promoKeys.versions(id), queryFn: () => promoApi.versions(id) });
}

export function usePromoStats(id: string, range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: promoKeys.stats(id, range),
    queryFn: ({ signal }) => promoApi.stats(id, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePromoInterests(id: string, enabled: boolean) {
  return useKeysetList(promoKeys.interests(id), (cursor, signal) => promoApi.interests(id, cursor, signal), {
    enabled,
  });
}

/** After any change the card is put in the cache at once; lists, its preview and history refetch. */
function usePromoMutation<V>(mutationFn: (variables: V) => Promise<PromoProjectDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (project) => {
      queryClient.setQueryData(promoKeys.detail(project.id), project);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['promo-projects', 'list'] }),
        queryClient.invalidateQueries({ queryKey: promoKeys.preview(project.id) }),
        queryClient.invalidateQueries({ queryKey: promoKeys.versions(project.id) }),
        queryClient.invalidateQueries({ queryKey: ['share', project.id] }),
      ]);
    },
  });
}

export const useCreatePromo = () => usePromoMutation((body: CreatePromoRequest) => promoApi.create(body));
export const useUpdatePromo = () =>
  usePromoMutation(({ id, ...body }: UpdatePromoRequest & { id: string }) => promoApi.update(id, body));

export type PromoAction = 'submit' | 'approve' | 'unpublish' | 'pause' | 'resume';

/** The review and availability actions: each takes the card's version (409 when stale). */
export const usePromoAction = () =>
  usePromoMutation(({ project, action }: { project: PromoProjectDto; action: PromoAction }) =>
    promoApi[action](project.id, project.version),
  );

export const useReturnPromo = () =>
  usePromoMutation(({ project, comment }: { project: PromoProjectDto; comment: string }) =>
    promoApi.return(project.id, project.version, comment),
  );

export function useRemovePromo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (project: PromoProjectDto) => promoApi.remove(project.id, project.version),
    onSuccess: (_result, project) => {
      queryClient.removeQueries({ queryKey: promoKeys.detail(project.id) });
      return queryClient.invalidateQueries({ queryKey: ['promo-projects', 'list'] });
    },
  });
}
