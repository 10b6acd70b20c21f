import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOwnerLevel } from '@lianqiao/domain';
import { DELEGATION_LEAD_SOURCE } from '@lianqiao/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { chinaDateOf } from '../attribution/event-dates';
import { SourceLeadsService } from '../attribution/source-leads.service';
import { ActivitiesService } from '../activities/activities.service';
import { AuditService } from '../audit/audit.service';
import { Company } from '../companies/company.entity';
import { Contact } from '../companies/contact.entity';
import { Lead } from '../leads/lead.entity';
import { LeadsService } from '../leads/leads.service';
import { DelegationVisit } from './delegation-visit.entity';
import type { Delegation } from './delegation.entity';
import { DelegationsService } from './delegations.service';
import { CreateVisitDto, UpdateVisitDto, VisitLeadDto, VisitResponseDto } from './dto/visit.dto';

/**
 * The itinerary. A visit is planned (company and time) and recorded once it has a summary:
 * recording writes an activity on the company's timeline (kind visit, or reception for inbound
 * delegations), in the delegation's team. A recorded visit can then give one lead whose source is
 * the delegation (sourceRefId = the delegation; the visit keeps the lead's id, so attribution can
 * show the visit too).
 */
@Injectable()
export class DelegationVisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
    private readonly activities: ActivitiesService,
    private readonly sourceLeads: SourceLeadsService,
    private readonly leads: LeadsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, delegationId: string): Promise<VisitResponseDto[]> {
    await this.delegations.get(user, delegationId);
    const visits = await this.query().where('visit.delegation_id = :delegationId', { delegationId }).getMany();
    return visits.map(toVisitDto);
  }

  async create(actor: AuthUser, delegationId: string, dto: CreateVisitDto): Promise<VisitResponseDto> {
    const delegation = await this.delegations.get(actor, delegationId);
    const visitedAt = withinTrip(delegation, dto.visitedAt);
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Company, { id: dto.companyId }))) throw ApiError.field('companyId', '企业不存在');
      await assertContactsOf(manager, dto.companyId, dto.contactIds);
      const visit = await manager.save(
        manager.create(DelegationVisit, {
          delegationId,
          companyId: dto.companyId,
          visitedAt,
          metWith: dto.metWith ?? null,
          contactIds: dto.contactIds ?? [],
          summary: dto.summary ?? null,
          result: dto.result ?? null,
          nextStep: dto.nextStep ?? null,
        }),
      );
      if (visit.summary) await this.recordActivity(manager, actor, delegation, visit);
      await this.audit.record(manager, actor, {
        entity: 'delegation_visit',
        entityId: visit.id,
        action: 'create',
        after: visit,
      });
      return visit.id;
    });
    return this.getDto(delegationId, id);
  }

  async update(actor: AuthUser, delegationId: string, id: string, dto: UpdateVisitDto): Promise<VisitResponseDto> {
    const delegation = await this.delegations.get(actor, delegationId);
    const before = await this.find(delegationId, id);
    const changes: Record<string, unknown> = changesOf(dto);
    if (dto.visitedAt) changes.visitedAt = withinTrip(delegation, dto.visitedAt);
    await this.dataSource.transaction(async (manager) => {
      await assertContactsOf(manager, before.companyId, dto.contactIds);
      await updateVersioned(manager, DelegationVisit, id, dto.version, changes);
      const after = await manager.findOneByOrFail(DelegationVisit, { id });
      if (after.summary && !after.activityId) await this.recordActivity(manager, actor, delegation, after);
      await this.audit.record(manager, actor, {
        entity: 'delegation_visit',
        entityId: id,
        action: 'update',
        before: strip(before),
        after,
      });
    });
    return this.getDto(delegationId, id);
  }

  /** Soft delete; the activity it wrote and the lead it gave stay. */
  async remove(actor: AuthUser, delegationId: string, id: string): Promise<void> {
    await this.delegations.get(actor, delegationId);
    const before = await this.find(delegationId, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(DelegationVisit, { id });
      await this.audit.record(manager, actor, {
        entity: 'delegation_visit',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  /** One more click: the recorded visit becomes a lead whose source is the delegation. */
  async createLead(actor: AuthUser, delegationId: string, id: string, dto: VisitLeadDto): Promise<Lead> {
    const delegation = await this.delegations.get(actor, delegationId);
    const visit = await this.find(delegationId, id);
    if (!visit.summary)
      throw ApiError.rule('请先记录拜访情况，再生成线索', [{ field: 'summary', message: '拜访尚未记录' }]);
    if (visit.leadId && (await this.dataSource.getRepository(Lead).existsBy({ id: visit.leadId }))) {
      throw ApiError.rule('这次拜访已生成线索', [{ field: 'leadId', message: visit.leadId }]);
    }
    const firstContact = visit.contactIds.length
      ? await this.dataSource.getRepository(Contact).findOneBy({ id: visit.contactIds[0] })
      : null;
    // A contact's mobile is personal data: copied only for those who may see it unmasked.
    const maySeeMobile = !!firstContact && isOwnerLevel(actor, firstContact);
    const leadId = await this.dataSource.transaction(async (manager) => {
      const lead = await this.sourceLeads.create(
        manager,
        actor,
        { source: DELEGATION_LEAD_SOURCE[delegation.direction], sourceRefId: delegation.id },
        {
          name: dto.name ?? visit.company?.name ?? delegation.name,
          companyId: visit.companyId,
          estimatedWan: dto.estimatedWan ?? null,
          chainNodeIds: dto.chainNodeIds,
          nextFollowUpAt: dto.nextFollowUpAt ? new Date(dto.nextFollowUpAt) : null,
          contactName: dto.contactName !== undefined ? dto.contactName : (firstContact?.name ?? null),
          contactMobile:
            dto.contactMobile !== undefined ? dto.contactMobile : maySeeMobile ? firstContact!.mobile : null,
          notes:
            dto.notes !== undefined
              ? dto.notes
              : [visit.summary, visit.result && `成果：${visit.result}`].filter(Boolean).join('\n'),
          ownerId: dto.ownerId,
          acknowledgeCollision: dto.acknowledgeCollision,
        },
      );
      await updateVersioned(manager, DelegationVisit, id, visit.version, { leadId: lead.id });
      await this.audit.record(manager, actor, {
        entity: 'delegation_visit',
        entityId: id,
        action: 'create_lead',
        before: { leadId: visit.leadId },
        after: { leadId: lead.id },
      });
      return lead.id;
    });
    return this.leads.get(actor, leadId);
  }

  private async recordActivity(
    manager: EntityManager,
    actor: AuthUser,
    delegation: Delegation,
    visit: DelegationVisit,
  ): Promise<void> {
    const activity = await this.activities.record(manager, {
      subjectType: 'company',
      subjectId: visit.companyId,
      kind: delegation.direction === 'inbound' ? 'reception' : 'visit',
      summary: `【${delegation.name}】${visit.summary}${visit.result ? `\n成果：${visit.result}` : ''}`,
      nextStep: visit.nextStep,
      participants: visit.metWith,
      occurredAt: visit.visitedAt,
      teamId: delegation.teamId,
      actor,
      meta: { delegationId: delegation.id, visitId: visit.id },
    });
    // Bookkeeping link, not an edit by the user: the visit's version stays.
    await manager.query('UPDATE delegation_visits SET activity_id = $1 WHERE id = $2', [activity.id, visit.id]);
  }

  private async getDto(delegationId: string, id: string): Promise<VisitResponseDto> {
    return toVisitDto(await this.find(delegationId, id));
  }

  private async find(delegationId: string, id: string): Promise<DelegationVisit> {
    const visit = await this.query()
      .where('visit.id = :id AND visit.delegation_id = :delegationId', { id, delegationId })
      .getOne();
    if (!visit) throw ApiError.notFound('拜访记录');
    return visit;
  }

  private query() {
    return this.dataSource
      .getRepository(DelegationVisit)
      .createQueryBuilder('visit')
      .leftJoin('visit.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .orderBy('visit.visited_at', 'ASC')
      .addOrderBy('visit.id', 'ASC');
  }
}

/** A visit must fall on one of the trip's days (China time): else 400 naming visitedAt. */
function withinTrip(delegation: Delegation, visitedAt: string): Date {
  const at = new Date(visitedAt);
  const day = chinaDateOf(at);
  if (day < delegation.startsOn || day > delegation.endsOn) {
    throw ApiError.field('visitedAt', `拜访时间须在行程日期内（${delegation.startsOn} 至 ${delegation.endsOn}）`);
  }
  return at;
}

async function assertContactsOf(
  manager: EntityManager,
  companyId: string,
  contactIds: string[] | undefined,
): Promise<void> {
  if (!contactIds?.length) return;
  const found = await manager.countBy(Contact, { id: In(contactIds), companyId });
  if (found !== contactIds.length) throw ApiError.field('contactIds', '包含不属于该企业的联系人');
}

export function toVisitDto(v: DelegationVisit): VisitResponseDto {
  return {
    id: v.id,
    delegationId: v.delegationId,
    companyId: v.companyId,
    companyName: v.company?.name ?? null,
    visitedAt: v.visitedAt.toISOString(),
    metWith: v.metWith,
    contactIds: v.contactIds,
    summary: v.summary,
    result: v.result,
    nextStep: v.nextStep,
    activityId: v.activityId,
    recorded: v.summary !== null,
    leadId: v.leadId,
    createdAt: v.createdAt.toISOString(),
    version: v.version,
  };
}

function strip(visit: DelegationVisit): Partial<DelegationVisit> {
  const { company: _c, delegation: _d, ...own } = visit;
  return own;
}
