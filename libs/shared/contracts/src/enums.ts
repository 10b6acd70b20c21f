/** Roles of console users. Anonymous investors never hold a role. */
export const ROLES = ['admin', 'leader', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_UNIT_KINDS = ['department', 'town', 'zone'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const LEAD_STATUSES = ['new', 'following', 'qualified', 'converted', 'invalid'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = [
  'roadshow',
  'outbound_visit',
  'inbound_visit',
  'online',
  'card_interest',
  'business_referral',
  'homecoming',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Pipeline stages in their forward order. */
export const PROJECT_STAGES = ['negotiating', 'signed', 'registered', 'under_construction', 'in_production'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_SIDE_STATES = ['on_hold', 'lost'] as const;
export type ProjectSideState = (typeof PROJECT_SIDE_STATES)[number];
export type ProjectStatus = ProjectStage | ProjectSideState;
export const PROJECT_STATUSES: readonly ProjectStatus[] = [...PROJECT_STAGES, ...PROJECT_SIDE_STATES];

export const CAPITAL_ORIGINS = ['domestic', 'foreign'] as const;
export type CapitalOrigin = (typeof CAPITAL_ORIGINS)[number];

export const OWNERSHIP_TYPES = ['central_soe', 'local_soe', 'private', 'foreign', 'hmt', 'other'] as const;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

export const COMPANY_TAGS = ['global500', 'china500', 'listed', 'srdi', 'high_tech', 'above_scale'] as const;
export type CompanyTag = (typeof COMPANY_TAGS)[number];

export const ACTIVITY_KINDS = [
  'call',
  'visit',
  'meeting',
  'online_meeting',
  'wechat',
  'email',
  'reception',
  'stage_change',
  'card_scan',
  'interest',
  'note',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const SUBJECT_TYPES = ['company', 'lead', 'project'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const CHAIN_CODES = ['automotive', 'rail_transit'] as const;
export type ChainCode = (typeof CHAIN_CODES)[number] | string;

export const CHAIN_LAYERS = ['upstream', 'midstream', 'downstream'] as const;
export type ChainLayer = (typeof CHAIN_LAYERS)[number];

export const CHAIN_LEVELS = ['gap', 'weak', 'strong'] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];

export const PROMO_KINDS = ['land', 'standard_factory', 'chain_project', 'district_intro'] as const;
export type PromoKind = (typeof PROMO_KINDS)[number];

export const PROMO_STATUSES = ['draft', 'in_review', 'published', 'paused', 'unpublished'] as const;
export type PromoStatus = (typeof PROMO_STATUSES)[number];

export const REQUEST_STATUSES = ['open', 'in_progress', 'resolved', 'confirmed', 'escalated'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
