import type { Role } from '@lianqiao/contracts';
import { maskMobile } from './mobile';

/**
 * Who may see, edit and point at which record, and who sees personal data whole: the product's
 * access rules (PRODUCT.md §3), written once. The API enforces them (its AccessPolicy turns them
 * into SQL and 404s); the console reads the same functions to decide what to offer.
 */

/** The caller as the rules need it. */
export interface Actor {
  id: string;
  role: Role;
  teamId: string | null;
}

/** A record someone keeps for a team: leads, projects, contacts, roadshows, cards… */
export interface Owned {
  ownerId: string | null;
  teamId: string | null;
}

/** The roles that see every team's records, and the one that administers: for role-gated routes and menus. */
export const ROLES_SEEING_ALL_TEAMS: readonly Role[] = ['leader', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Leaders and admins see every team's records. */
export function seesAllTeams(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'leader';
}

export function isAdmin(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Work may be handed to another person, or across teams, only by leaders and admins. */
export const mayAssignAcrossTeams = seesAllTeams;

/**
 * What a record's owner may be changed to by staff: leads and events (roadshows, trips) go to a
 * teammate; a project stays with its owner unless a leader hands it on.
 */
export type HandOver = 'to_teammate' | 'by_leader';

/** May the actor make `owner` the owner of a record handed over under `rule`? Leaders and admins always may. */
export function mayHandOver(actor: Actor, owner: { id: string; teamId: string | null }, rule: HandOver): boolean {
  if (owner.id === actor.id || seesAllTeams(actor)) return true;
  return rule === 'to_teammate' && !!actor.teamId && owner.teamId === actor.teamId;
}

/** Why a hand-over was refused, in the words of the product. */
export const HAND_OVER_REFUSAL: Record<HandOver, string> = {
  to_teammate: '只能把记录交给本专班的同事',
  by_leader: '只有领导可以把项目交给他人',
};

/** Owner level: the owner, the owner's team, leaders and admins. They see, edit and use the record. */
export function isOwnerLevel(actor: Actor, record: Owned): boolean {
  return seesAllTeams(actor) || record.ownerId === actor.id || (!!actor.teamId && record.teamId === actor.teamId);
}

/** A trip (招商小分队) is also its members' and its leading official's. */
export function isOnDelegation(
  actor: Actor,
  delegation: Owned & { memberIds: readonly string[]; leaderId: string | null },
): boolean {
  return isOwnerLevel(actor, delegation) || delegation.memberIds.includes(actor.id) || delegation.leaderId === actor.id;
}

/** A promoted-project card: published ones are everyone's to share; the rest are their team's. */
export function maySeePromoCard(actor: Actor, card: Owned & { status: string }): boolean {
  return isOwnerLevel(actor, card) || card.status === 'published';
}

/**
 * Whether the caller sees the card's working copy (unapproved edits, review notes, leads it
 * brought): its team only. Everyone else sees the approved live version.
 */
export const seesPromoWorkingCopy = isOwnerLevel;

/** Annual targets: the district's (no team) are everyone's; a team's, its team's and leaders'. */
export function maySeeTarget(actor: Actor, target: { teamId: string | null }): boolean {
  return seesAllTeams(actor) || target.teamId === null || target.teamId === actor.teamId;
}

// ── personal data ──────────────────────────────────────────────────────────────────────────

/**
 * The one rule for personal data: on a record others may see (companies are shared, so are their
 * contacts), a person's mobile, e-mail and WeChat id are shown whole only at owner level; everyone
 * else sees them masked. The same fields are masked in responses, exports, the audit trail and
 * the timeline.
 */
export const PERSONAL_FIELDS = {
  contact: ['mobile', 'email', 'wechat'],
} as const satisfies Record<string, readonly string[]>;

export type PersonalKind = keyof typeof PERSONAL_FIELDS;

export function isPersonalKind(kind: string): kind is PersonalKind {
  return Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, kind);
}

/** 138****1234, w***@example.com, and a WeChat id hidden entirely (it is a handle, not a number). */
export function maskPersonalValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (typeof value !== 'string') return null;
  if (field === 'mobile' || /mobile|phone/i.test(field)) return maskMobile(value);
  if (field === 'email') {
    const at = value.indexOf('@');
    return at > 0 ? `${value[0]}***${value.slice(at)}` : '***';
  }
  return null;
}

/** The record with its personal fields masked, unless `whole`. Other fields are kept as they are. */
export function maskPersonal<T extends object>(kind: PersonalKind, record: T, whole: boolean): T {
  if (whole) return record;
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of PERSONAL_FIELDS[kind]) {
    if (field in out) out[field] = maskPersonalValue(field, out[field]);
  }
  return out as T;
}
