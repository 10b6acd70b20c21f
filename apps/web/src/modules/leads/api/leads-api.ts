import type { LeadDto, LeadSource, LeadStatus, Page, ProjectDto } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

/** The list's filters, as GET /api/leads takes them (and as the URL keeps them). */
export interface LeadListFilters {
  q?: string;
  status?: LeadStatus;
  source?: LeadSource;
  chainNode?: string;
  ownerId?: string;
  teamId?: string;
  companyId?: string;
  from?: string;
  to?: string;
  overdue?: 'true';
  sort?: string;
}

export interface LeadRequest {
  name: string;
  companyId: string | null;
  source: LeadSource;
  sourceRefId?: string | null;
  ownerId?: string;
  estimatedWan: number | null;
  chainNodeIds: string[];
  nextFollowUpAt: string | null;
  contactName: string | null;
  contactMobile: string | null;
  notes: string | null;
}

export type LeadUpdate = Partial<Omit<LeadRequest, 'source' | 'sourceRefId'>> & {
  status?: Exclude<LeadStatus, 'converted'>;
  invalidReason?: string | null;
  version: number;
};

export interface ConvertLeadRequest {
  name?: string;
  totalInvestmentWan?: number;
  isKey?: boolean;
  version: number;
}

export const LEAD_PAGE_SIZE = 20;

export const leadsApi = {
  list: (filters: LeadListFilters, cursor?: string, signal?: AbortSignal, limit = LEAD_PAGE_SIZE) =>
    http.get<Page<LeadDto>>('/api/leads', { ...filters, cursor, limit }, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<LeadDto>(`/api/leads/${id}`, undefined, { signal }),
  create: (body: LeadRequest & { acknowledgeCollision?: boolean }) => http.post<LeadDto>('/api/leads', body),
  update: (id: string, body: LeadUpdate) => http.patch<LeadDto>(`/api/leads/${id}`, body),
  convert: (id: string, body: ConvertLeadRequest) =>
    http.post<{ project: ProjectDto }>(`/api/leads/${id}/convert`, body),
};
