import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ATTRIBUTION_LINK_LABELS,
  LEAD_SOURCE_LABELS,
  type AttributionDto,
  type AttributionLinkDto,
  type AttributionLinkType,
  type LeadSource,
} from '@lianqiao/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isOwnerLevel } from '@lianqiao/domain';
import { AccessPolicy, positionalSql } from '../../common/auth/access';
import { Lead } from '../leads/lead.entity';
import { LeadsService } from '../leads/leads.service';
import { ProjectsService } from '../projects/projects.service';

const HIDDEN_NAMES: Record<RefRow['type'], string> = {
  roadshow: '（其他专班的推介会）',
  delegation: '（其他专班的招商小分队）',
  promo_project: '（其他专班的推介项目）',
  company: '（企业）',
};

interface RefRow {
  type: 'roadshow' | 'delegation' | 'promo_project' | 'company';
  id: string;
  name: string;
  deleted_at: Date | null;
  at: Date | null;
  owner_id: string | null;
  team_id: string | null;
  published: boolean;
}

/**
 * Where a project or lead came from: project ← lead ← roadshow / trip visit ← delegation / QR card /
 * referring company. The source link is resolved against every table that can hold it, deleted
 * records included (they show, marked deleted), so the chain survives an event being deleted.
 * Promoted projects are read by SQL only when their table exists, so this module does not depend
 * on that feature.
 */
@Injectable()
export class AttributionService {
  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly projects: ProjectsService,
  ) {}

  async forProject(user: AuthUser, projectId: string): Promise<AttributionDto> {
    const project = await this.projects.get(user, projectId);
    const chain: AttributionLinkDto[] = [
      link('project', project.id, project.name, {
        deleted: false,
        visible: true,
        at: project.createdAt,
        stage: project.stage,
      }),
    ];
    const lead = project.leadId
      ? await this.dataSource.getRepository(Lead).findOne({ where: { id: project.leadId }, withDeleted: true })
      : null;
    if (lead) chain.push(this.leadLink(user, lead));
    const source = lead?.source ?? project.leadSource;
    const sourceRefId = lead?.sourceRefId ?? project.sourceRefId;
    return this.complete(user, chain, source, sourceRefId, lead?.id ?? null);
  }

  async forLead(user: AuthUser, leadId: string): Promise<AttributionDto> {
    const lead = await this.leads.get(user, leadId);
    return this.complete(user, [this.leadLink(user, lead)], lead.source, lead.sourceRefId, lead.id);
  }

  private async complete(
    user: AuthUser,
    chain: AttributionLinkDto[],
    source: LeadSource | null,
    sourceRefId: string | null,
    leadId: string | null,
  ): Promise<AttributionDto> {
    const origin = sourceRefId ? await this.resolve(user, sourceRefId, leadId) : [];
    chain.push(...origin);
    return {
      source,
      sourceLabel: source ? LEAD_SOURCE_LABELS[source] : null,
      sourceRefId,
      sourceRef: origin.length ? origin[origin.length - 1] : null,
      chain,
    };
  }

  private leadLink(user: AuthUser, lead: Lead): AttributionLinkDto {
    const visible = isOwnerLevel(user, lead);
    return link('lead', lead.id, visible ? lead.name : '（其他专班的线索）', {
      deleted: lead.deletedAt !== null,
      visible: visible && lead.deletedAt === null,
      at: lead.createdAt,
      ...(visible ? { status: lead.status } : {}),
    });
  }

  /** The records behind a source link, nearest first: for a trip, the visit and then the trip. */
  private async resolve(user: AuthUser, refId: string, leadId: string | null): Promise<AttributionLinkDto[]> {
    const values: unknown[] = [refId];
    const parts = [
      `SELECT 'roadshow' AS type, id, name, deleted_at, starts_at AS at, owner_id, team_id, false AS published
         FROM roadshows WHERE id = $1`,
      `SELECT 'delegation', id, name, deleted_at, (starts_on::timestamp AT TIME ZONE 'Asia/Shanghai'), owner_id, team_id, false
         FROM delegations WHERE id = $1`,
      `SELECT 'company', id, name, deleted_at, NULL::timestamptz, NULL::uuid, NULL::uuid, true
         FROM companies WHERE id = $1`,
      // Outside its team a card is known by its approved title, not its working copy's.
      `SELECT 'promo_project', p.id,
              CASE WHEN ${positionalSql(user, 'promo_project', 'p', values, 'use')} THEN p.title
                   ELSE coalesce(v.content->>'title', p.title) END,
              p.deleted_at, NULL::timestamptz, p.owner_id, p.team_id, p.status = 'published'
         FROM promo_projects p LEFT JOIN promo_project_versions v ON v.id = p.live_version_id WHERE p.id = $1`,
    ];
    const [row]: RefRow[] = await this.dataSource.query(parts.join(' UNION ALL '), values);
    if (!row) return [];
    const deleted = row.deleted_at !== null;
    // An origin out of the caller's sight keeps its kind and id (the chain stays whole) but not its name.
    const mayOpen = (await this.access.checkAccess(user, row.type, [row.id], { withDeleted: true })).has(row.id);
    const name = mayOpen ? row.name : HIDDEN_NAMES[row.type];
    const origin = link(row.type, row.id, name, { deleted, visible: mayOpen && !deleted, at: row.at });
    if (row.type !== 'delegation' || !leadId) return [origin];
    const [visit]: Array<{
      id: string;
      visited_at: Date;
      deleted_at: Date | null;
      company_name: string;
      direction: string;
    }> = await this.dataSource.query(
      `SELECT v.id, v.visited_at, v.deleted_at, c.name AS company_name, d.direction
           FROM delegation_visits v
           JOIN delegations d ON d.id = v.delegation_id
           LEFT JOIN companies c ON c.id = v.company_id
          WHERE v.lead_id = $1 AND v.delegation_id = $2
          ORDER BY v.created_at LIMIT 1`,
      [leadId, row.id],
    );
    if (!visit || !mayOpen) return [origin];
    const verb = visit.direction === 'inbound' ? '接待' : '拜访';
    return [
      link('visit', visit.id, `${verb}${visit.company_name ?? ''}`, {
        deleted: visit.deleted_at !== null || deleted,
        visible: origin.visible && visit.deleted_at === null,
        at: visit.visited_at,
      }),
      origin,
    ];
  }
}

function link(
  type: AttributionLinkType,
  id: string,
  name: string,
  rest: Pick<AttributionLinkDto, 'deleted' | 'visible' | 'stage' | 'status'> & { at: Date | null },
): AttributionLinkDto {
  return {
    type,
    typeLabel: ATTRIBUTION_LINK_LABELS[type],
    id,
    name,
    ...rest,
    at: rest.at ? rest.at.toISOString() : null,
  };
}
