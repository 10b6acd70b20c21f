import { Injectable } from '@nestjs/common';
import type { LeadSource } from '@lianqiao/contracts';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AccessPolicy } from '../../common/auth/access';
import { ApiError } from '../../common/errors/api-error';
import { Lead } from '../leads/lead.entity';
import { LeadsService, type NewLead } from '../leads/leads.service';

export type SourcedLead = Omit<NewLead, 'ownerId' | 'teamId' | 'source' | 'sourceRefId'> & {
  ownerId?: string;
  acknowledgeCollision?: boolean;
};

/**
 * Leads logged from an event or a trip: the source link is set by the server, never by the
 * client. The same owner and 撞单 rules as POST /api/leads apply, inside the caller's transaction,
 * so the lead and whatever records it (a visit's link to it) commit together.
 */
@Injectable()
export class SourceLeadsService {
  constructor(
    private readonly leads: LeadsService,
    private readonly access: AccessPolicy,
  ) {}

  async create(
    manager: EntityManager,
    actor: AuthUser,
    source: { source: LeadSource; sourceRefId: string },
    input: SourcedLead,
  ): Promise<Lead> {
    const { ownerId, acknowledgeCollision, ...fields } = input;
    const owner = await this.access.requireOwner(actor, 'ownerId', ownerId, 'to_teammate', manager);
    if (fields.companyId && !acknowledgeCollision)
      await this.assertNoCollision(manager, fields.companyId, owner.teamId);
    return this.leads.createInTransaction(manager, actor, {
      ...fields,
      ...source,
      ownerId: owner.id,
      teamId: owner.teamId,
    });
  }

  /** Another team holds live leads or projects on the company: 409 naming them, unless acknowledged. */
  private async assertNoCollision(manager: EntityManager, companyId: string, teamId: string | null): Promise<void> {
    const rows: Array<{ team_name: string | null }> = await manager.query(
      `SELECT DISTINCT t.name AS team_name FROM (
         SELECT team_id FROM leads WHERE company_id = $1 AND deleted_at IS NULL AND status <> 'invalid'
         UNION SELECT team_id FROM projects WHERE company_id = $1 AND deleted_at IS NULL AND stage <> 'lost'
       ) w LEFT JOIN teams t ON t.id = w.team_id
       WHERE w.team_id IS DISTINCT FROM $2`,
      [companyId, teamId],
    );
    if (rows.length > 0) {
      const teams = rows.map((r) => r.team_name ?? '未分配专班').join('、');
      throw ApiError.conflict(`该企业已有其他专班在跟进：${teams}。请先沟通，确认后可继续创建 (acknowledgeCollision)`, [
        { field: 'companyId', message: `已由 ${teams} 跟进` },
      ]);
    }
  }
}
