import {
  CULTIVATION_GOALS,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  type CultivationGoal,
  type RequestCategory,
  type RequestStatus,
} from '@lianqiao/contracts';
import type { AftercareCompanyFilters, CultivationFilters, RequestFilters } from '../api/aftercare-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORTS = ['createdAt:desc', 'createdAt:asc', 'dueAt:asc', 'dueAt:desc'];

const text = (value: string | undefined) => value?.trim().slice(0, 100) || undefined;
const uuid = (value: string | undefined) => (value && UUID.test(value) ? value : undefined);
const flag = (value: string | undefined) => (value === 'true' ? ('true' as const) : undefined);
function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}
/** Without the keys left undefined, so the query key and the URL stay the same for the same filters. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const REQUEST_FILTER_KEYS = [
  'q',
  'status',
  'category',
  'orgUnitId',
  'overdue',
  'cannotBeDone',
  'routedToMe',
  'sort',
] as const;
export type RequestFilterKey = (typeof REQUEST_FILTER_KEYS)[number];

/** The URL's filters, keeping only values the API accepts (a hand-edited URL must not cause a 400). */
export function requestFiltersFromUrl(raw: Partial<Record<RequestFilterKey, string>>): RequestFilters {
  return compact({
    q: text(raw.q),
    status: oneOf<RequestStatus>(REQUEST_STATUSES, raw.status),
    category: oneOf<RequestCategory>(REQUEST_CATEGORIES, raw.category),
    orgUnitId: uuid(raw.orgUnitId),
    overdue: flag(raw.overdue),
    cannotBeDone: flag(raw.cannotBeDone),
    routedToMe: flag(raw.routedToMe),
    sort: oneOf(SORTS, raw.sort),
  });
}

export const COMPANY_FILTER_KEYS = ['q', 'leaderId', 'repId', 'unassigned'] as const;
export type CompanyFilterKey = (typeof COMPANY_FILTER_KEYS)[number];

export function companyFiltersFromUrl(raw: Partial<Record<CompanyFilterKey, string>>): AftercareCompanyFilters {
  return compact({
    q: text(raw.q),
    leaderId: uuid(raw.leaderId),
    repId: uuid(raw.repId),
    unassigned: flag(raw.unassigned),
  });
}

export const CULTIVATION_FILTER_KEYS = ['q', 'goal', 'ownerId', 'achieved'] as const;
export type CultivationFilterKey = (typeof CULTIVATION_FILTER_KEYS)[number];

export function cultivationFiltersFromUrl(raw: Partial<Record<CultivationFilterKey, string>>): CultivationFilters {
  return compact({
    q: text(raw.q),
    goal: oneOf<CultivationGoal>(CULTIVATION_GOALS, raw.goal),
    ownerId: uuid(raw.ownerId),
    achieved: oneOf(['true', 'false'] as const, raw.achieved),
  });
}

export const PEOPLE_FILTER_KEYS = ['leaderId', 'repId'] as const;

export function peopleFromUrl(raw: Partial<Record<(typeof PEOPLE_FILTER_KEYS)[number], string>>) {
  return compact({ leaderId: uuid(raw.leaderId), repId: uuid(raw.repId) });
}
