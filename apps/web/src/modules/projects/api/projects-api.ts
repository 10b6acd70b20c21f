import type {
  AttributionDto,
  CapitalOrigin,
  Page,
  ProjectBoardDto,
  ProjectDto,
  ProjectStageChangeDto,
  ProjectStatus,
} from '@lianqiao/contracts';
import type { EvidenceField } from '@lianqiao/domain';
import { http } from '../../../shared/http';

/** The list's filters, as GET /api/projects takes them (and as the URL keeps them). */
export interface ProjectListFilters {
  q?: string;
  stage?: ProjectStatus;
  teamId?: string;
  ownerId?: string;
  isKey?: 'true' | 'false';
  stalled?: 'true' | 'false';
  chainNode?: string;
  capitalOrigin?: CapitalOrigin;
  companyId?: string;
  sort?: string;
}

export interface BoardFilters {
  q?: string;
  teamId?: string;
  ownerId?: string;
  chainNode?: string;
  isKey?: 'true';
}

/** Fields a person edits directly; the stage and its evidence change only through transitions. */
export interface ProjectFields {
  name: string;
  codeName: string | null;
  isConfidential: boolean;
  companyId: string | null;
  responsibleLeaderId: string | null;
  isKey: boolean;
  capitalOrigin: CapitalOrigin | null;
  capitalSource: string | null;
  totalInvestmentWan: number | null;
  fixedAssetWan: number | null;
  paidInWan: number | null;
  projectedJobs: number | null;
  contractedJobs: number | null;
  actualJobs: number | null;
  landMu: number | null;
  factoryAreaM2: number | null;
  expectedOutputWan: number | null;
  expectedTaxWan: number | null;
  chainNodeIds: string[];
}

export type TransitionRequest = {
  to: ProjectStatus;
  version: number;
  note?: string | null;
  reason?: string | null;
} & Partial<Record<EvidenceField, string | number>>;

export const PROJECT_PAGE_SIZE = 20;

export const projectsApi = {
  list: (filters: ProjectListFilters, cursor?: string, signal?: AbortSignal, limit = PROJECT_PAGE_SIZE) =>
    http.get<Page<ProjectDto>>('/api/projects', { ...filters, cursor, limit }, { signal }),
  board: (filters: BoardFilters, signal?: AbortSignal) =>
    http.get<ProjectBoardDto>('/api/projects/board', { ...filters, perColumn: 30 }, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<ProjectDto>(`/api/projects/${id}`, undefined, { signal }),
  history: (id: string, signal?: AbortSignal) =>
    http.get<Page<ProjectStageChangeDto>>(`/api/projects/${id}/history`, undefined, { signal }),
  /** Where the project (or a lead) came from: project ← lead ← roadshow / visit ← delegation / card / company. */
  attribution: (subject: 'projects' | 'leads', id: string, signal?: AbortSignal) =>
    http.get<AttributionDto>(`/api/${subject}/${id}/attribution`, undefined, { signal }),
  create: (body: ProjectFields) => http.post<ProjectDto>('/api/projects', body),
  update: (id: string, body: Partial<ProjectFields> & { version: number }) =>
    http.patch<ProjectDto>(`/api/projects/${id}`, body),
  transition: (id: string, body: TransitionRequest) => http.post<ProjectDto>(`/api/projects/${id}/transitions`, body),
};
