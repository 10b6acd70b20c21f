import type {
  CardImage,
  CardInterestDto,
  CardStatsDto,
  Page,
  PromoKind,
  PromoProjectDto,
  PromoReviewState,
  PromoStatus,
  PromoVersionDto,
  PublicCardDto,
} from '@lianqiao/contracts';
import { http } from '../../../shared/http';
import { attachmentName, authorizedFetch } from './authorized-fetch';

/** The list's filters, as GET /api/promo-projects takes them. */
export interface PromoListFilters {
  q?: string;
  status?: PromoStatus;
  reviewState?: PromoReviewState;
  kind?: PromoKind;
}

/** The fields a card's form edits (the content a leader reviews). */
export interface PromoContentRequest {
  kind?: PromoKind;
  title?: string;
  summary?: string;
  chainNodeIds?: string[];
  location?: string | null;
  landMu?: number | null;
  floorAreaM2?: number | null;
  investmentScaleWan?: number | null;
  advantages?: string;
  policies?: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export type CreatePromoRequest = PromoContentRequest & { kind: PromoKind; title: string; expiresAt?: string | null };

export type UpdatePromoRequest = PromoContentRequest & {
  coverImageId?: string | null;
  galleryImageIds?: string[];
  expiresAt?: string | null;
  ownerId?: string;
  version: number;
};

export const PROMO_PAGE_SIZE = 20;

export const promoApi = {
  list: (filters: PromoListFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<PromoProjectDto>>('/api/promo-projects', { ...filters, cursor, limit: PROMO_PAGE_SIZE }, { signal }),
  get: (id: string) => http.get<PromoProjectDto>(`/api/promo-projects/${id}`),
  create: (body: CreatePromoRequest) => http.post<PromoProjectDto>('/api/promo-projects', body),
  update: (id: string, body: UpdatePromoRequest) => http.patch<PromoProjectDto>(`/api/promo-projects/${id}`, body),
  remove: (id: string, version: number) => http.delete<void>(`/api/promo-projects/${id}`, { query: { version } }),
  versions: (id: string) => http.get<PromoVersionDto[]>(`/api/promo-projects/${id}/versions`),
  preview: (id: string) => http.get<PublicCardDto>(`/api/promo-projects/${id}/preview`),
  submit: (id: string, version: number) => http.post<PromoProjectDto>(`/api/promo-projects/${id}/submit`, { version }),
  approve: (id: string, version: number) =>
    http.post<PromoProjectDto>(`/api/promo-projects/${id}/approve`, { version }),
  return: (id: string, version: number, comment: string) =>
    http.post<PromoProjectDto>(`/api/promo-projects/${id}/return`, { version, comment }),
  unpublish: (id: string, version: number) =>
    http.post<PromoProjectDto>(`/api/promo-projects/${id}/unpublish`, { version }),
  pause: (id: string, version: number) => http.post<PromoProjectDto>(`/api/promo-projects/${id}/pause`, { version }),
  resume: (id: string, version: number) => http.post<PromoProjectDto>(`/api/promo-projects/${id}/resume`, { version }),
  stats: (id: string, range: { from?: string; to?: string }, signal?: AbortSignal) =>
    http.get<CardStatsDto>(`/api/promo-projects/${id}/stats`, range, { signal }),
  interests: (id: string, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<CardInterestDto>>(`/api/promo-projects/${id}/interests`, { cursor, limit: 50 }, { signal }),

  /** A picture for the card (multipart, field `file`); the server checks it by content and resizes it. */
  async uploadImage(id: string, file: Blob, fileName: string, signal?: AbortSignal): Promise<CardImage> {
    const body = new FormData();
    body.append('file', file, fileName);
    const response = await authorizedFetch(`/api/promo-projects/${id}/images`, { method: 'POST', body, signal });
    return (await response.json()) as CardImage;
  },

  /** The caller's share packages of several live cards, as one zip (leaders). */
  async sharePackages(ids: string[]): Promise<{ blob: Blob; fileName: string }> {
    const response = await authorizedFetch('/api/promo-projects/share-packages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/zip, application/json' },
      body: JSON.stringify({ ids }),
    });
    return { blob: await response.blob(), fileName: attachmentName(response, 'cards-share.zip') };
  },
};
