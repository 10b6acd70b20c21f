import type { ActivityKind, ProjectStatus, RequestStatus } from './enums';

/**
 * Aftercare (包保服务): who is responsible for a landed enterprise, the enterprise's requests
 * (企业诉求) with their routing, deadlines, escalation and satisfaction, and the cultivation pool
 * (企业培育库 · 一企一策). Shared by the API, the console and the tests.
 */

/** Project stages at which a company counts as landed (落地) and so enters aftercare. */
export const LANDED_STAGES = [
  'registered',
  'under_construction',
  'in_production',
] as const satisfies readonly ProjectStatus[];

export const REQUEST_CATEGORIES = ['land', 'permits', 'financing', 'talent', 'utilities', 'policy', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  land: '用地',
  permits: '审批办证',
  financing: '融资',
  talent: '人才用工',
  utilities: '水电气暖',
  policy: '政策兑现',
  other: '其他',
};

/**
 * Days a department has to resolve a request, by category, unless configured otherwise
 * (REQUEST_DUE_DAYS_<CATEGORY>, e.g. REQUEST_DUE_DAYS_PERMITS=7). Calendar days from submission.
 */
export const REQUEST_DUE_DAYS_DEFAULT: Record<RequestCategory, number> = {
  land: 30,
  permits: 10,
  financing: 15,
  talent: 15,
  utilities: 7,
  policy: 15,
  other: 10,
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  open: '待办理',
  in_progress: '办理中',
  resolved: '已办结',
  confirmed: '企业已确认',
  escalated: '已升级',
};

/** Statuses in which a request still needs someone's work. */
export const REQUEST_OPEN_STATUSES = ['open', 'in_progress', 'escalated'] as const satisfies readonly RequestStatus[];

/** Statuses the escalation job watches: past their deadline, they go to the 包保领导. */
export const REQUEST_ESCALATABLE_STATUSES = ['open', 'in_progress'] as const satisfies readonly RequestStatus[];

/** How a request came in: logged by staff or the representative, or sent by the enterprise through its QR form. */
export const REQUEST_SOURCES = ['staff', 'enterprise'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

/** Why a request was escalated. */
export const ESCALATION_REASONS = ['overdue', 'manual', 'enterprise_rejected'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  overdue: '逾期未办结',
  manual: '办理人员提请领导协调',
  enterprise_rejected: '企业不认可办理结果',
};

/** Moves a signed-in user may ask for through POST /api/requests/{id}/transitions. */
export const REQUEST_TRANSITION_TARGETS = [
  'in_progress',
  'resolved',
  'escalated',
] as const satisfies readonly RequestStatus[];
export type RequestTransitionTarget = (typeof REQUEST_TRANSITION_TARGETS)[number];

export const CULTIVATION_GOALS = ['above_scale', 'srdi', 'listing'] as const;
export type CultivationGoal = (typeof CULTIVATION_GOALS)[number];

export const CULTIVATION_GOAL_LABELS: Record<CultivationGoal, string> = {
  above_scale: '拟入规',
  srdi: '专精特新',
  listing: '上市后备',
};

/** What the enterprise's public request form accepts. */
export const PUBLIC_REQUEST_LIMITS = { contactName: 32, description: 2000, comment: 1000 } as const;
export const PUBLIC_REQUEST_MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Public tokens (request forms, feedback links): 16 random bytes, base64url. */
export const AFTERCARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Console routes: the enterprise's request form (from its QR code), its one-time feedback page,
 * and a request's page in the console (what notifications link to).
 */
export const aftercarePaths = {
  requestForm: (token: string) => `/e/${token}`,
  feedback: (token: string) => `/f/${token}`,
  request: (id: string) => `/aftercare/requests/${id}`,
  company: (companyId: string) => `/aftercare/companies/${companyId}`,
} as const;

export interface AftercarePersonDto {
  id: string;
  displayName: string;
}

export interface AftercareCompanyDto {
  companyId: string;
  companyName: string;
  /** A project of this company has reached registered or later. */
  landed: boolean;
  /** An admin put the company into aftercare though it has not landed. */
  aftercareEligible: boolean;
  /** landed or aftercareEligible: it may have a leader, a representative and requests. */
  inAftercare: boolean;
  responsibleLeader: AftercarePersonDto | null;
  affairsRep: AftercarePersonDto | null;
  /** 0 until the company is first assigned; send it back when changing the assignment. */
  version: number;
  updatedAt: string | null;
}

export interface UpdateAftercareAssignmentRequest {
  responsibleLeaderId?: string | null;
  affairsRepId?: string | null;
  aftercareEligible?: boolean;
  version: number;
}

export interface EnterpriseProjectDto {
  id: string;
  /** The code name when the project is confidential and the caller is not on its team. */
  name: string;
  stage: ProjectStatus;
}

export interface LatestActivityDto {
  id: string;
  kind: ActivityKind;
  occurredAt: string;
  summary: string;
  actorName: string | null;
}

export interface MyEnterpriseDto {
  companyId: string;
  companyName: string;
  /** How the user in question is tied to it. */
  roles: Array<'responsible_leader' | 'affairs_rep'>;
  responsibleLeader: AftercarePersonDto | null;
  affairsRep: AftercarePersonDto | null;
  latestActivity: LatestActivityDto | null;
  /** Requests open, in progress or escalated. */
  openRequestCount: number;
  /** Of those, past their deadline. */
  overdueRequestCount: number;
  projects: EnterpriseProjectDto[];
}

export interface RequestLinkDto {
  companyId: string;
  token: string;
  /** The public form's address, for the QR code and for WeChat. */
  url: string;
  /** The QR code of `url` as an SVG document. */
  qrSvg: string;
  createdAt: string;
}

export interface EnterpriseRequestDto {
  id: string;
  companyId: string;
  companyName: string;
  category: RequestCategory;
  /** 办不成事: the enterprise or staff say it could not get done through normal channels. */
  cannotBeDone: boolean;
  description: string;
  source: RequestSource;
  contactName: string | null;
  contactMobile: string | null;
  /** The department it is routed to. */
  orgUnitId: string | null;
  orgUnitName: string | null;
  routedAt: string | null;
  dueAt: string;
  overdue: boolean;
  status: RequestStatus;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedById: string | null;
  escalatedAt: string | null;
  escalationReason: EscalationReason | null;
  escalatedToId: string | null;
  confirmedAt: string | null;
  satisfaction: number | null;
  satisfactionComment: string | null;
  loggedById: string | null;
  loggedByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface FeedbackLinkDto {
  requestId: string;
  url: string;
  qrSvg: string;
  /** Already answered by the enterprise: the link no longer works. */
  used: boolean;
}

export interface RequestCategoryInfoDto {
  category: RequestCategory;
  label: string;
  /** Configured days to resolve. */
  dueDays: number;
}

export interface RequestStatsRowDto {
  /** null: requests not yet routed to a department. */
  orgUnitId: string | null;
  orgUnitName: string;
  count: number;
  /** Resolved or confirmed. */
  resolved: number;
  /** Resolved after the deadline, or still unresolved past it. */
  overdue: number;
  escalated: number;
  /** Hours from submission to resolution, over resolved requests; null when none. */
  medianHoursToResolve: number | null;
  avgHoursToResolve: number | null;
  avgSatisfaction: number | null;
  ratedCount: number;
}

export interface RequestStatsDto {
  from: string | null;
  to: string | null;
  rows: RequestStatsRowDto[];
  total: RequestStatsRowDto;
}

/** What the enterprise's form shows: only the company's name and the categories. */
export interface PublicRequestFormDto {
  companyName: string;
  categories: Array<{ value: RequestCategory; label: string }>;
}

export interface PublicRequestSubmission {
  category: RequestCategory;
  description: string;
  contactName: string;
  contactMobile: string;
  cannotBeDone?: boolean;
  /** Honeypot: must stay empty. */
  website?: string;
}

export interface PublicRequestReceipt {
  ok: true;
  message: string;
}

export interface PublicFeedbackViewDto {
  companyName: string;
  category: RequestCategory;
  categoryLabel: string;
  description: string;
  resolution: string | null;
  resolvedAt: string | null;
  submittedAt: string;
}

export interface PublicFeedbackSubmission {
  /** true: the problem is solved; false: it is not, and the request goes to the 包保领导. */
  confirmed: boolean;
  satisfaction: number;
  comment?: string;
}

export interface MilestoneDto {
  title: string;
  /** YYYY-MM-DD */
  dueOn: string;
  doneOn: string | null;
}

export interface CultivationEntryDto {
  id: string;
  companyId: string;
  companyName: string;
  goal: CultivationGoal;
  measures: string;
  ownerId: string;
  ownerName: string | null;
  milestones: MilestoneDto[];
  milestonesDone: number;
  /** Share of milestones done, 0–1 (0 without milestones). */
  progress: number;
  /** The earliest due date among milestones not done. */
  nextDueOn: string | null;
  achievedOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
