import type {
  AttendeeStatus,
  CalendarEventDto,
  ChainSummaryDto,
  CompanyDto,
  DelegationDirection,
  DelegationDto,
  DelegationListItemDto,
  DelegationReportDto,
  ItineraryTouchDto,
  LeadDto,
  Page,
  PromoProjectRefDto,
  RoadshowAttendeeDto,
  RoadshowDto,
  RoadshowFormat,
  RoadshowListItemDto,
  RoadshowYieldDto,
  UserDto,
  VisitDto,
} from '@lianqiao/contracts';
import { ApiError, http, sessionStore } from '../../../shared/http';

export const EVENT_PAGE_SIZE = 20;

export type RoadshowDetailDto = RoadshowDto & { promoProjects: PromoProjectRefDto[] };

/** GET /api/roadshows filters, as the URL keeps them. */
export interface RoadshowListFilters {
  q?: string;
  city?: string;
  format?: RoadshowFormat;
  from?: string;
  to?: string;
  sort?: string;
}

export interface RoadshowRequest {
  name: string;
  city: string;
  venue?: string | null;
  startsAt: string;
  endsAt: string;
  format: RoadshowFormat;
  hosts?: string[];
  chainCodes?: string[];
  budgetWan?: number | null;
  notes?: string | null;
}

export interface AddAttendeeRequest {
  companyId?: string;
  company?: { name: string; city?: string | null };
  contact?: { name: string; title?: string | null; mobile?: string | null };
  status?: AttendeeStatus;
}

export interface RoadshowLeadRequest {
  name?: string;
  companyId?: string;
  attendeeId?: string;
  estimatedWan?: number | null;
  contactName?: string | null;
  acknowledgeCollision?: boolean;
}

export interface SigningRequest {
  leadId?: string;
  project?: { name: string; companyId?: string };
  signedAt?: string;
  contractedWan: number;
  note?: string | null;
}

export interface DelegationListFilters {
  q?: string;
  direction?: DelegationDirection;
  city?: string;
  sort?: string;
}

export interface DelegationRequest {
  direction?: DelegationDirection;
  name: string;
  cities: string[];
  startsOn: string;
  endsOn: string;
  memberIds: string[];
  leaderId: string | null;
  purpose?: string | null;
}

export interface VisitRequest {
  companyId: string;
  visitedAt: string;
  metWith?: string | null;
  summary?: string | null;
  result?: string | null;
  nextStep?: string | null;
}

/** The signed-in caller's download of a file the API renders (the trip report's .xlsx). */
async function download(path: string, fallbackName: string): Promise<void> {
  const token = sessionStore.get()?.accessToken;
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let payload: unknown = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    throw ApiError.fromResponse(response.status, response.statusText, payload);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const roadshowsApi = {
  list: (filters: RoadshowListFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<RoadshowListItemDto>>('/api/roadshows', { ...filters, cursor, limit: EVENT_PAGE_SIZE }, { signal }),
  calendar: (from: string, to: string) => http.get<Page<CalendarEventDto>>('/api/roadshows/calendar', { from, to }),
  get: (id: string) => http.get<RoadshowDetailDto>(`/api/roadshows/${id}`),
  create: (body: RoadshowRequest) => http.post<RoadshowDetailDto>('/api/roadshows', body),
  update: (id: string, body: Partial<RoadshowRequest> & { version: number }) =>
    http.patch<RoadshowDetailDto>(`/api/roadshows/${id}`, body),
  yield: (id: string) => http.get<RoadshowYieldDto>(`/api/roadshows/${id}/yield`),
  attendees: (id: string) => http.get<Page<RoadshowAttendeeDto>>(`/api/roadshows/${id}/attendees`),
  addAttendee: (id: string, body: AddAttendeeRequest) =>
    http.post<RoadshowAttendeeDto>(`/api/roadshows/${id}/attendees`, body),
  checkIn: (id: string, attendeeId: string) =>
    http.post<RoadshowAttendeeDto>(`/api/roadshows/${id}/attendees/${attendeeId}/check-in`, {}),
  logLead: (id: string, body: RoadshowLeadRequest) => http.post<LeadDto>(`/api/roadshows/${id}/leads`, body),
  sign: (id: string, body: SigningRequest) =>
    http.post<{ id: string; name: string }>(`/api/roadshows/${id}/signings`, body),
};

export const delegationsApi = {
  list: (filters: DelegationListFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<DelegationListItemDto>>(
      '/api/delegations',
      { ...filters, cursor, limit: EVENT_PAGE_SIZE },
      { signal },
    ),
  get: (id: string) => http.get<DelegationDto>(`/api/delegations/${id}`),
  create: (body: DelegationRequest) => http.post<DelegationDto>('/api/delegations', body),
  update: (id: string, body: Omit<DelegationRequest, 'direction'> & { version: number }) =>
    http.patch<DelegationDto>(`/api/delegations/${id}`, body),
  visits: (id: string) => http.get<Page<VisitDto>>(`/api/delegations/${id}/visits`),
  addVisit: (id: string, body: VisitRequest) => http.post<VisitDto>(`/api/delegations/${id}/visits`, body),
  visitLead: (id: string, visitId: string) => http.post<LeadDto>(`/api/delegations/${id}/visits/${visitId}/lead`, {}),
  touches: (id: string) => http.get<Page<ItineraryTouchDto>>(`/api/delegations/${id}/touches`),
  report: (id: string) => http.get<DelegationReportDto>(`/api/delegations/${id}/report`),
  downloadReport: (id: string) => download(`/api/delegations/${id}/report.xlsx`, 'delegation-report.xlsx'),
};

/** Companies and users for the pickers (search as you type). */
export const lookupsApi = {
  companies: (q: string) => http.get<Page<CompanyDto>>('/api/companies', { q, limit: 20 }),
  eventLeads: (sourceRefId: string) => http.get<Page<LeadDto>>('/api/leads', { sourceRefId, limit: 100 }),
  chains: () => http.get<Page<ChainSummaryDto>>('/api/chains'),
  users: () => http.get<Page<UserDto>>('/api/users', { limit: 100, active: 'true' }),
};
