import type { OrgUnitDto, OrgUnitKind, Page, TeamDto } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export interface TeamRequest {
  name: string;
  orgUnitId?: string | null;
}
export interface OrgUnitRequest {
  name: string;
  kind: OrgUnitKind;
}

/** Both lists are short (tens of rows): the API answers them whole, in one page. */
export const teamsApi = {
  list: (q?: string, signal?: AbortSignal) => http.get<Page<TeamDto>>('/api/teams', { q, limit: 200 }, { signal }),
  get: (id: string) => http.get<TeamDto>(`/api/teams/${id}`),
  create: (body: TeamRequest) => http.post<TeamDto>('/api/teams', body),
  update: (id: string, body: Partial<TeamRequest> & { version: number }) =>
    http.patch<TeamDto>(`/api/teams/${id}`, body),
};

export const orgUnitsApi = {
  list: (q?: string, signal?: AbortSignal) =>
    http.get<Page<OrgUnitDto>>('/api/org-units', { q, limit: 200 }, { signal }),
  get: (id: string) => http.get<OrgUnitDto>(`/api/org-units/${id}`),
  create: (body: OrgUnitRequest) => http.post<OrgUnitDto>('/api/org-units', body),
  update: (id: string, body: Partial<OrgUnitRequest> & { version: number }) =>
    http.patch<OrgUnitDto>(`/api/org-units/${id}`, body),
};
