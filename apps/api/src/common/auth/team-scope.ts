import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { seesAllTeams, type AuthUser } from './auth-user';

/**
 * Staff see their own records and their team's; leaders and admins see all. The same rule in SQL
 * (for lists) and in code (for single records, which answer 404 when out of sight).
 */
export function applyTeamScope<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  user: AuthUser,
): void {
  if (seesAllTeams(user)) return;
  if (user.teamId) {
    qb.andWhere(`(${alias}.team_id = :scopeTeamId OR ${alias}.owner_id = :scopeUserId)`, {
      scopeTeamId: user.teamId,
      scopeUserId: user.id,
    });
  } else {
    qb.andWhere(`${alias}.owner_id = :scopeUserId`, { scopeUserId: user.id });
  }
}

export function canSeeTeamRecord(user: AuthUser, record: { ownerId: string | null; teamId: string | null }): boolean {
  return seesAllTeams(user) || record.ownerId === user.id || (!!user.teamId && record.teamId === user.teamId);
}
