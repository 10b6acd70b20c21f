import { Injectable } from '@nestjs/common';
import { LANDED_STAGES } from '@lianqiao/contracts';
import { EntityManager } from 'typeorm';
import { namedBinder, visibleSql } from '../../common/auth/access';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { AftercareAssignment } from './assignments/aftercare-assignment.entity';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const LANDED_SQL = LANDED_STAGES.map((s) => `'${s}'`).join(', ');

/** SQL: the company (column `companyColumn`) has a project at registered or later. */
export function landedSql(companyColumn: string): string {
  return `EXISTS (SELECT 1 FROM projects lp WHERE lp.company_id = ${companyColumn} AND lp.deleted_at IS NULL AND lp.stage IN (${LANDED_SQL}))`;
}

/**
 * Aftercare's questions to the one AccessPolicy (whose `enterprise_request` rule is this):
 * - leaders and admins see everything;
 * - a department's users see the requests routed to their department;
 * - the company's 政府事务代表 and 包保领导 see its requests;
 * - staff see the requests they logged, those their team logged, and those of companies their team
 *   works (holds a lead or a project on).
 * Everyone else gets 404 for a request, as for one that does not exist.
 */
@Injectable()
export class AftercareAccess {
  /**
   * The condition on a request row aliased `alias` (its columns in snake_case). `department`
   * false leaves out the department clause: what the caller may manage, not only handle.
   */
  requestScope(user: AuthUser, alias: string, options: { department?: boolean } = {}): SqlCondition | null {
    const { bind, params } = namedBinder('acc');
    const sql = visibleSql(user, 'enterprise_request', alias, bind, options.department === false ? 'use' : 'see');
    return sql ? { sql, params } : null;
  }

  /** Whether the request with this id passes `requestScope` (it exists and is not deleted). */
  async requestVisible(
    manager: EntityManager,
    user: AuthUser,
    requestId: string,
    options: { department?: boolean } = {},
  ): Promise<boolean> {
    const qb = manager
      .createQueryBuilder()
      .select('1')
      .from('enterprise_requests', 'r')
      .where('r.id = :requestId AND r.deleted_at IS NULL', { requestId });
    const scope = this.requestScope(user, 'r', options);
    if (scope) qb.andWhere(scope.sql, scope.params);
    return (await qb.getRawOne()) !== undefined;
  }

  /** Department users of the routed unit, leaders and admins move a request on and resolve it. */
  handlesRequest(user: AuthUser, request: { orgUnitId: string | null }): boolean {
    return seesAllTeams(user) || (!!user.orgUnitId && user.orgUnitId === request.orgUnitId);
  }

  /** The company's assignment: its most recently changed row (several only after a merge). */
  currentAssignment(manager: EntityManager, companyId: string): Promise<AftercareAssignment | null> {
    return manager.findOne(AftercareAssignment, { where: { companyId }, order: { updatedAt: 'DESC', id: 'ASC' } });
  }

  /** Whether the company is in aftercare: landed, or marked by an admin. */
  async inAftercare(manager: EntityManager, companyId: string): Promise<{ landed: boolean; marked: boolean }> {
    const [row] = (await manager.query(
      `SELECT ${landedSql('$1::uuid')} AS landed,
              EXISTS (SELECT 1 FROM aftercare_assignments a WHERE a.company_id = $1 AND a.deleted_at IS NULL AND a.aftercare_eligible) AS marked`,
      [companyId],
    )) as Array<{ landed: boolean; marked: boolean }>;
    return { landed: row.landed, marked: row.marked };
  }

  /** Whether the user is the company's representative or leader, or their team works the company. */
  async worksCompany(manager: EntityManager, user: AuthUser, companyId: string): Promise<boolean> {
    if (seesAllTeams(user)) return true;
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM aftercare_assignments a WHERE a.company_id = $1 AND a.deleted_at IS NULL
                        AND (a.affairs_rep_id = $2 OR a.responsible_leader_id = $2))
              OR ($3::uuid IS NOT NULL AND (
                   EXISTS (SELECT 1 FROM leads l WHERE l.company_id = $1 AND l.team_id = $3 AND l.deleted_at IS NULL)
                OR EXISTS (SELECT 1 FROM projects p WHERE p.company_id = $1 AND p.team_id = $3 AND p.deleted_at IS NULL))) AS works`,
      [companyId, user.id, user.teamId],
    )) as Array<{ works: boolean }>;
    return row.works;
  }

  /**
   * The team an aftercare entry on the company's timeline belongs to: the representative's, so the
   * company's bridge to the government sees every entry; else the actor's.
   */
  async timelineTeam(
    manager: EntityManager,
    companyId: string,
    actor?: Pick<AuthUser, 'teamId'> | null,
  ): Promise<string | null> {
    const assignment = await this.currentAssignment(manager, companyId);
    if (assignment?.affairsRepId) {
      const [rep] = (await manager.query('SELECT team_id FROM users WHERE id = $1', [
        assignment.affairsRepId,
      ])) as Array<{ team_id: string | null }>;
      if (rep?.team_id) return rep.team_id;
    }
    return actor?.teamId ?? null;
  }
}
