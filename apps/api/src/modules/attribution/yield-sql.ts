import { PROJECT_STAGES } from '@lianqiao/contracts';
import { ownerMayUseSql } from '../../common/auth/access';

/**
 * The yield of an event or a trip, as SQL, so that lists can sort by it on the server. Shared by
 * roadshows and delegations so both count the same way. `ref` is the SQL expression of the
 * event's id (e.g. `r.id`).
 *
 * - Leads: live leads whose sourceRefId is the event. Qualified: status qualified or converted.
 * - Projects: live projects whose sourceRefId is the event (conversion copies it from the lead,
 *   on-site signings set it directly) or whose lead's sourceRefId is the event.
 * - Signed: stage signed or beyond, or on hold after signing (the contract stands). A project
 *   signed and later lost is not signed now: it is counted in lostAfterSigning instead.
 * - Contracted 万元: the contracted amounts of the signed projects.
 * - Only leads and projects whose owner may use the event count (AccessPolicy's ownerMayUseSql):
 *   another team's project pointed at the event raises nothing.
 */
const SIGNED_STAGES = PROJECT_STAGES.filter((s) => s !== 'negotiating')
  .map((s) => `'${s}'`)
  .join(', ');

export const SIGNED_NOW = `(p.stage IN (${SIGNED_STAGES}) OR (p.stage = 'on_hold' AND p.held_stage IN (${SIGNED_STAGES})))`;
export const LOST_AFTER_SIGNING = `(p.stage = 'lost' AND p.held_stage IN (${SIGNED_STAGES}))`;

export type YieldEvent = 'roadshow' | 'delegation';

/** `event` is the kind of the event row aliased `ev` in the outer query. */
export function leadYieldLateral(event: YieldEvent, ev: string, alias = 'ly'): string {
  const ref = `${ev}.id`;
  return `LEFT JOIN LATERAL (
      SELECT count(*)::int AS leads,
             (count(*) FILTER (WHERE l.status IN ('qualified', 'converted')))::int AS qualified_leads,
             (count(*) FILTER (WHERE l.status = 'converted'))::int AS converted_leads
        FROM leads l
       WHERE l.source_ref_id = ${ref} AND l.deleted_at IS NULL
         AND ${ownerMayUseSql(event, ev, 'l.owner_id', 'l.team_id')}
    ) ${alias} ON true`;
}

/** `extra` adds more aggregate columns over the same projects (`p`), e.g. signings on the event's days. */
export function projectYieldLateral(event: YieldEvent, ev: string, alias = 'py', extra = ''): string {
  const ref = `${ev}.id`;
  return `LEFT JOIN LATERAL (
      SELECT count(*)::int AS projects,
             (count(*) FILTER (WHERE ${SIGNED_NOW}))::int AS signed_projects,
             (count(*) FILTER (WHERE ${LOST_AFTER_SIGNING}))::int AS lost_after_signing,
             coalesce(sum(p.contracted_wan) FILTER (WHERE ${SIGNED_NOW}), 0)::bigint AS contracted_wan
             ${extra}
        FROM projects p
       WHERE p.deleted_at IS NULL
         AND ${ownerMayUseSql(event, ev, 'p.owner_id', 'p.team_id')}
         AND (p.source_ref_id = ${ref}
              OR p.lead_id IN (SELECT sl.id FROM leads sl WHERE sl.source_ref_id = ${ref}))
    ) ${alias} ON true`;
}

export const YIELD_COLUMNS = `ly.leads, ly.qualified_leads, ly.converted_leads,
  py.projects, py.signed_projects, py.lost_after_signing, py.contracted_wan`;

export interface YieldRow {
  leads: number;
  qualified_leads: number;
  converted_leads: number;
  projects: number;
  signed_projects: number;
  lost_after_signing: number;
  contracted_wan: string | number;
}

export function yieldCountsOf(row: YieldRow) {
  return {
    leads: Number(row.leads),
    qualifiedLeads: Number(row.qualified_leads),
    convertedLeads: Number(row.converted_leads),
    projects: Number(row.projects),
    signedProjects: Number(row.signed_projects),
    lostAfterSigning: Number(row.lost_after_signing),
    contractedWan: Number(row.contracted_wan),
  };
}
