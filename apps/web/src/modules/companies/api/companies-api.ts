import type { CompanyDto, CompanyTag, CompanyTouchDto, ContactDto, OwnershipType, Page } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

/** The list's filters, as GET /api/companies takes them (and as the URL keeps them). */
export interface CompanyListFilters {
  q?: string;
  isTarget?: 'true' | 'false';
  isChainLeader?: 'true' | 'false';
  chainNode?: string;
  tag?: CompanyTag;
  ownership?: OwnershipType;
  province?: string;
  sort?: string;
}

export interface CompanyRequest {
  name: string;
  uscc: string | null;
  ownership: OwnershipType | null;
  province: string | null;
  city: string | null;
  chainNodeIds: string[];
  tags: CompanyTag[];
  website: string | null;
  notes: string | null;
  isTarget: boolean;
  isChainLeader: boolean;
}

export interface ContactRequest {
  name: string;
  title?: string | null;
  mobile?: string | null;
  email?: string | null;
  wechat?: string | null;
}

export const COMPANY_PAGE_SIZE = 20;

export const companiesApi = {
  list: (filters: CompanyListFilters, cursor?: string, signal?: AbortSignal, limit = COMPANY_PAGE_SIZE) =>
    http.get<Page<CompanyDto>>('/api/companies', { ...filters, cursor, limit }, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<CompanyDto>(`/api/companies/${id}`, undefined, { signal }),
  create: (body: CompanyRequest & { allowDuplicateName?: boolean }) => http.post<CompanyDto>('/api/companies', body),
  update: (id: string, body: Partial<CompanyRequest> & { version: number }) =>
    http.patch<CompanyDto>(`/api/companies/${id}`, body),
  merge: (id: string, sourceId: string) => http.post<CompanyDto>(`/api/companies/${id}/merge`, { sourceId }),
  touches: (id: string, signal?: AbortSignal) =>
    http.get<Page<CompanyTouchDto>>(`/api/companies/${id}/touches`, undefined, { signal }),
  contacts: (id: string, signal?: AbortSignal) =>
    http.get<Page<ContactDto>>(`/api/companies/${id}/contacts`, undefined, { signal }),
  createContact: (id: string, body: ContactRequest) => http.post<ContactDto>(`/api/companies/${id}/contacts`, body),
};
