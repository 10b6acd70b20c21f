import type {
  AftercareCompanyDto,
  CompanyDto,
  CultivationEntryDto,
  CultivationGoal,
  EnterpriseRequestDto,
  FeedbackLinkDto,
  MilestoneDto,
  MyEnterpriseDto,
  OrgUnitDto,
  Page,
  RequestCategory,
  RequestCategoryInfoDto,
  RequestLinkDto,
  RequestStatsDto,
  RequestStatus,
  RequestTransitionTarget,
  Role,
  UpdateAftercareAssignmentRequest,
  UserDto,
} from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export const AFTERCARE_PAGE_SIZE = 20;

export interface AftercareCompanyFilters {
  q?: string;
  leaderId?: string;
  repId?: string;
  unassigned?: 'true';
}

/** GET /api/requests (and /review) filters, as the API names them. */
export interface RequestFilters {
  q?: string;
  status?: RequestStatus;
  category?: RequestCategory;
  orgUnitId?: string;
  companyId?: string;
  overdue?: 'true';
  cannotBeDone?: 'true';
  routedToMe?: 'true';
  sort?: string;
}

export interface CreateRequestBody {
  companyId: string;
  category: RequestCategory;
  description: string;
  cannotBeDone?: boolean;
  orgUnitId?: string;
  dueAt?: string;
  contactName?: string | null;
  contactMobile?: string | null;
}

/** PATCH /api/requests/:id: only the fields that changed, on top of the version read. */
export interface UpdateRequestBody {
  category?: RequestCategory;
  description?: string;
  cannotBeDone?: boolean;
  dueAt?: string;
  contactName?: string | null;
  contactMobile?: string | null;
  version: number;
}

export interface RouteRequestBody {
  orgUnitId: string;
  dueAt?: string;
  note?: string | null;
  version: number;
}

export interface TransitionRequestBody {
  to: RequestTransitionTarget;
  resolution?: string;
  note?: string | null;
  version: number;
}

export interface CultivationFilters {
  q?: string;
  goal?: CultivationGoal;
  ownerId?: string;
  companyId?: string;
  achieved?: 'true' | 'false';
}

export interface CultivationBody {
  goal: CultivationGoal;
  measures: string;
  ownerId?: string;
  milestones: MilestoneDto[];
}

export interface CreateCultivationBody extends CultivationBody {
  companyId: string;
}

export interface UpdateCultivationBody extends Partial<CultivationBody> {
  achievedOn?: string | null;
  version: number;
}

/** One row of a record's audit trail (GET /api/audit). */
export interface AuditEntryDto {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export const aftercareApi = {
  myEnterprises: (people: { leaderId?: string; repId?: string }, signal?: AbortSignal) =>
    http.get<Page<MyEnterpriseDto>>('/api/aftercare/my-enterprises', people, { signal }),
  companies: (filters: AftercareCompanyFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<AftercareCompanyDto>>(
      '/api/aftercare/companies',
      { ...filters, cursor, limit: AFTERCARE_PAGE_SIZE },
      { signal },
    ),
  company: (companyId: string) => http.get<AftercareCompanyDto>(`/api/aftercare/companies/${companyId}`),
  updateAssignment: (companyId: string, body: UpdateAftercareAssignmentRequest) =>
    http.patch<AftercareCompanyDto>(`/api/aftercare/companies/${companyId}`, body),
  requestLink: (companyId: string) => http.get<RequestLinkDto>(`/api/aftercare/companies/${companyId}/request-link`),
  rotateRequestLink: (companyId: string) =>
    http.post<RequestLinkDto>(`/api/aftercare/companies/${companyId}/request-link/rotate`),

  requests: (filters: RequestFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<EnterpriseRequestDto>>(
      '/api/requests',
      { ...filters, cursor, limit: AFTERCARE_PAGE_SIZE },
      { signal },
    ),
  review: (filters: RequestFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<EnterpriseRequestDto>>(
      '/api/requests/review',
      { ...filters, cursor, limit: AFTERCARE_PAGE_SIZE },
      { signal },
    ),
  request: (id: string) => http.get<EnterpriseRequestDto>(`/api/requests/${id}`),
  categories: () => http.get<Page<RequestCategoryInfoDto>>('/api/requests/categories'),
  createRequest: (body: CreateRequestBody) => http.post<EnterpriseRequestDto>('/api/requests', body),
  updateRequest: (id: string, body: UpdateRequestBody) => http.patch<EnterpriseRequestDto>(`/api/requests/${id}`, body),
  routeRequest: (id: string, body: RouteRequestBody) =>
    http.post<EnterpriseRequestDto>(`/api/requests/${id}/route`, body),
  transitionRequest: (id: string, body: TransitionRequestBody) =>
    http.post<EnterpriseRequestDto>(`/api/requests/${id}/transitions`, body),
  feedbackLink: (id: string) => http.get<FeedbackLinkDto>(`/api/requests/${id}/feedback-link`),
  requestTrail: (id: string) =>
    http.get<Page<AuditEntryDto>>('/api/audit', { entity: 'enterprise_request', entityId: id }),
  stats: (range: { from?: string; to?: string }, signal?: AbortSignal) =>
    http.get<RequestStatsDto>('/api/requests/stats', range, { signal }),

  cultivation: (filters: CultivationFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<CultivationEntryDto>>(
      '/api/cultivation',
      { ...filters, cursor, limit: AFTERCARE_PAGE_SIZE },
      { signal },
    ),
  createCultivation: (body: CreateCultivationBody) => http.post<CultivationEntryDto>('/api/cultivation', body),
  updateCultivation: (id: string, body: UpdateCultivationBody) =>
    http.patch<CultivationEntryDto>(`/api/cultivation/${id}`, body),
  removeCultivation: (id: string) => http.delete<void>(`/api/cultivation/${id}`),

  /** Colleagues to pick as leader, representative or owner (everyone signed in may list them). */
  users: (q: string | undefined, role: Role | undefined, signal?: AbortSignal) =>
    http.get<Page<UserDto>>('/api/users', { q, role, active: 'true', limit: 50 }, { signal }),
  user: (id: string) => http.get<UserDto>(`/api/users/${id}`),
  searchCompanies: (q: string | undefined, signal?: AbortSignal) =>
    http.get<Page<CompanyDto>>('/api/companies', { q, limit: 50 }, { signal }),
  orgUnits: (signal?: AbortSignal) => http.get<Page<OrgUnitDto>>('/api/org-units', { limit: 200 }, { signal }),
};
