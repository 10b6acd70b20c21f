import type { CompanyTouchDto } from './crm';
import type { LeadSource, LeadStatus, ProjectStatus } from './enums';

/**
 * Roadshows (推介会), delegations (招商小分队: outbound trips and inbound receptions), their
 * visits, what each one yielded, and the attribution chain project ← lead ← where it was found.
 */

export const ROADSHOW_FORMATS = ['offline', 'online', 'hybrid'] as const;
export type RoadshowFormat = (typeof ROADSHOW_FORMATS)[number];
export const ROADSHOW_FORMAT_LABELS: Record<RoadshowFormat, string> = {
  offline: '线下',
  online: '屏对屏（线上）',
  hybrid: '线上线下结合',
};

/** An invitee's answer; whether they came is the separate check-in time. */
export const ATTENDEE_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];
export const ATTENDEE_STATUS_LABELS: Record<AttendeeStatus, string> = {
  invited: '已邀请',
  confirmed: '确认参会',
  declined: '不参会',
};

export const DELEGATION_DIRECTIONS = ['outbound', 'inbound'] as const;
export type DelegationDirection = (typeof DELEGATION_DIRECTIONS)[number];
export const DELEGATION_DIRECTION_LABELS: Record<DelegationDirection, string> = {
  outbound: '走出去',
  inbound: '请进来',
};

/** The lead source a visit's lead carries, by the delegation's direction. */
export const DELEGATION_LEAD_SOURCE: Record<DelegationDirection, LeadSource> = {
  outbound: 'outbound_visit',
  inbound: 'inbound_visit',
};

/** Sort fields of the roadshow list: the record's own, and its yield (computed, never typed in). */
export const ROADSHOW_SORTABLE = [
  'startsAt',
  'createdAt',
  'name',
  'budgetWan',
  'attendees',
  'checkedIn',
  'leads',
  'qualifiedLeads',
  'projects',
  'signedProjects',
  'contractedWan',
] as const;
export type RoadshowSortField = (typeof ROADSHOW_SORTABLE)[number];

export const DELEGATION_SORTABLE = [
  'startsOn',
  'createdAt',
  'name',
  'visits',
  'leads',
  'qualifiedLeads',
  'projects',
  'signedProjects',
  'contractedWan',
] as const;
export type DelegationSortField = (typeof DELEGATION_SORTABLE)[number];

/**
 * What an event or a trip produced, counted from the records:
 * - leads: live leads whose source link is this event (deleted leads excluded);
 * - qualifiedLeads: of those, status qualified or converted (a converted lead was qualified first);
 * - projects: live projects converted from those leads or linked to the event directly;
 * - signedProjects: projects now at signed or beyond, or on hold after signing (the contract stands);
 * - lostAfterSigning: projects that were signed and then lost — no longer in signedProjects;
 * - contractedWan: the contracted amounts of signedProjects (万元).
 */
export interface YieldCountsDto {
  leads: number;
  qualifiedLeads: number;
  convertedLeads: number;
  projects: number;
  signedProjects: number;
  lostAfterSigning: number;
  contractedWan: number;
}

export interface RoadshowYieldSummaryDto extends YieldCountsDto {
  attendees: number;
  checkedIn: number;
}

export interface RoadshowYieldDto extends RoadshowYieldSummaryDto {
  roadshowId: string;
  budgetWan: number | null;
  /** Invitation rows, whatever their answer (attendees excludes those who declined). */
  invited: number;
  declined: number;
  /** Signed projects whose signing date falls on the event's days (签约于会上). */
  signedAtEvent: number;
  /** budgetWan ÷ leads, to 0.01 万元; null without a budget or without leads. */
  costPerLeadWan: number | null;
  /** budgetWan ÷ signedProjects, to 0.01 万元; null without a budget or without signed projects. */
  costPerSignedProjectWan: number | null;
  countedAt: string;
}

export interface PromoProjectRefDto {
  id: string;
  title: string | null;
  status: string | null;
  /** Deleted, or not found at all. */
  missing: boolean;
}

export interface RoadshowDto {
  id: string;
  name: string;
  city: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
  format: RoadshowFormat;
  hosts: string[];
  chainCodes: string[];
  budgetWan: number | null;
  promoProjectIds: string[];
  notes: string | null;
  ownerId: string;
  ownerName: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RoadshowListItemDto extends RoadshowDto {
  yield: RoadshowYieldSummaryDto;
}

export interface RoadshowAttendeeDto {
  id: string;
  roadshowId: string;
  companyId: string;
  companyName: string | null;
  contactId: string | null;
  contactName: string | null;
  contactTitle: string | null;
  status: AttendeeStatus;
  checkedInAt: string | null;
  note: string | null;
  createdAt: string;
  version: number;
}

/** One entry of a calendar view: a roadshow (timed) or a delegation (whole days). */
export interface CalendarEventDto {
  kind: 'roadshow' | 'delegation';
  id: string;
  title: string;
  /** ISO timestamp for roadshows; for delegations the first day at 00:00 China time. */
  start: string;
  /** ISO timestamp for roadshows; for delegations the day after the last, 00:00 China time (exclusive). */
  end: string;
  allDay: boolean;
  cities: string[];
  format: RoadshowFormat | null;
  direction: DelegationDirection | null;
  teamId: string | null;
}

export interface UserRefDto {
  id: string;
  displayName: string | null;
}

export interface DelegationDto {
  id: string;
  direction: DelegationDirection;
  name: string;
  cities: string[];
  startsOn: string;
  endsOn: string;
  memberIds: string[];
  /** The members with their names, in memberIds' order. */
  members: UserRefDto[];
  leaderId: string | null;
  leader: UserRefDto | null;
  purpose: string | null;
  ownerId: string;
  ownerName: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DelegationYieldDto extends YieldCountsDto {
  visits: number;
  /** Visits with a summary recorded (the others are still plans). */
  recordedVisits: number;
  companies: number;
}

export interface DelegationListItemDto extends DelegationDto {
  yield: DelegationYieldDto;
}

export interface VisitDto {
  id: string;
  delegationId: string;
  companyId: string;
  companyName: string | null;
  visitedAt: string;
  metWith: string | null;
  contactIds: string[];
  summary: string | null;
  result: string | null;
  nextStep: string | null;
  /** The company timeline entry written when the visit was recorded. */
  activityId: string | null;
  recorded: boolean;
  leadId: string | null;
  createdAt: string;
  version: number;
}

/** Before a trip: who already works each company on the itinerary (撞单 prevention). */
export interface ItineraryTouchDto {
  companyId: string;
  companyName: string;
  visitIds: string[];
  touches: Array<CompanyTouchDto & { ownTeam: boolean }>;
  otherTeams: number;
}

export interface ReportContactDto {
  id: string;
  name: string;
  title: string | null;
}

export interface ReportVisitDto {
  id: string;
  visitedAt: string;
  /** The local (China time) date, YYYY-MM-DD. */
  date: string;
  companyId: string;
  companyName: string;
  companyCity: string | null;
  metWith: string | null;
  contacts: ReportContactDto[];
  summary: string | null;
  result: string | null;
  nextStep: string | null;
  lead: { id: string; name: string; status: LeadStatus; deleted: boolean } | null;
}

/** 外出招商情况表 (or 来访接待情况表 for inbound): generated from the visits, never typed in. */
export interface DelegationReportDto {
  title: string;
  delegation: DelegationDto & {
    directionLabel: string;
    teamName: string | null;
    /** Calendar days of the trip, first and last included. */
    days: number;
  };
  visits: ReportVisitDto[];
  totals: YieldCountsDto & {
    visits: number;
    recordedVisits: number;
    companies: number;
    contacts: number;
    /** Distinct days with at least one visit. */
    visitDays: number;
  };
  generatedAt: string;
}

export const ATTRIBUTION_LINK_TYPES = [
  'project',
  'lead',
  'roadshow',
  'visit',
  'delegation',
  'promo_project',
  'company',
] as const;
export type AttributionLinkType = (typeof ATTRIBUTION_LINK_TYPES)[number];
export const ATTRIBUTION_LINK_LABELS: Record<AttributionLinkType, string> = {
  project: '项目',
  lead: '线索',
  roadshow: '推介会',
  visit: '拜访',
  delegation: '招商小分队',
  promo_project: '二维码项目卡',
  company: '推荐企业',
};

export interface AttributionLinkDto {
  type: AttributionLinkType;
  typeLabel: string;
  id: string;
  name: string;
  /** Soft-deleted (an event deleted after it produced leads still shows here, marked). */
  deleted: boolean;
  /** Whether the caller may open the record: in sight (staff: own and team's; published cards and companies: all) and not deleted. */
  visible: boolean;
  /** When it came about: a project's or lead's creation, an event's start, a visit's time, a trip's first day; null for cards and companies. */
  at: string | null;
  stage?: ProjectStatus;
  status?: LeadStatus;
}

/** project ← lead ← roadshow / visit ← delegation / QR card / referring company, nearest first. */
export interface AttributionDto {
  source: LeadSource | null;
  sourceLabel: string | null;
  sourceRefId: string | null;
  /** The origin (last link) when the source link resolves, else null. */
  sourceRef: AttributionLinkDto | null;
  chain: AttributionLinkDto[];
}
