import { ROLES, type Role } from '@lianqiao/contracts';
import type { UserListFilters } from './api/users-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The URL's filters, keeping only values the API accepts (a hand-edited URL must not cause a 400). */
export function userFiltersFromUrl(raw: Partial<Record<'q' | 'role' | 'teamId' | 'active', string>>): UserListFilters {
  const filters: UserListFilters = {};
  if (raw.q?.trim()) filters.q = raw.q.trim().slice(0, 100);
  if (raw.role && (ROLES as readonly string[]).includes(raw.role)) filters.role = raw.role as Role;
  if (raw.teamId && UUID.test(raw.teamId)) filters.teamId = raw.teamId;
  if (raw.active === 'true' || raw.active === 'false') filters.active = raw.active;
  return filters;
}
