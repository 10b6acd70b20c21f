import { Injectable } from '@nestjs/common';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';

/** Says whether the caller may see the record (and so its trail); throws 404 when not. */
export type AuditVisibilityCheck = (user: AuthUser, entityId: string) => Promise<void>;

/**
 * Each feature registers how to check visibility of its records, so the trail of a record is
 * visible to exactly those who may see the record. Unregistered entities are for leaders and admins.
 */
@Injectable()
export class AuditAccess {
  private readonly checks = new Map<string, AuditVisibilityCheck>();

  register(entity: string, check: AuditVisibilityCheck): void {
    this.checks.set(entity, check);
  }

  async assertVisible(user: AuthUser, entity: string, entityId: string): Promise<void> {
    const check = this.checks.get(entity);
    if (check) return check(user, entityId);
    if (!seesAllTeams(user)) throw ApiError.notFound('记录');
  }
}
