import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityKind, SubjectType } from '@lianqiao/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isOwnerLevel } from '@lianqiao/domain';
import { scopeQuery } from '../../common/auth/access';
import { ApiError } from '../../common/errors/api-error';
import { Company } from '../companies/company.entity';
import { Lead } from '../leads/lead.entity';
import { Project } from '../projects/project.entity';
import { Activity } from './activity.entity';
import { ActivityQueryDto, ActivityResponseDto, CreateActivityDto } from './dto/activity.dto';

export interface SystemActivity {
  subjectType: SubjectType;
  subjectId: string;
  kind: ActivityKind;
  summary: string;
  teamId: string | null;
  actor?: Pick<AuthUser, 'id' | 'displayName'> | null;
  occurredAt?: Date;
  nextStep?: string | null;
  participants?: string | null;
  meta?: Record<string, unknown> | null;
}

/** Timelines: what people log, and what the system writes there (stage moves, scans, interests). */
@Injectable()
export class ActivitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ActivityQueryDto): Promise<ActivityResponseDto[]> {
    await this.assertSubjectVisible(user, query.subjectType, query.subjectId);
    const qb = this.dataSource
      .getRepository(Activity)
      .createQueryBuilder('activity')
      .where('activity.subject_type = :type AND activity.subject_id = :id', {
        type: query.subjectType,
        id: query.subjectId,
      })
      .orderBy('activity.occurred_at', 'DESC')
      .addOrderBy('activity.created_at', 'DESC')
      .take(500);
    // A company is shared, its follow-ups are not: staff see their own team's entries there.
    if (query.subjectType === 'company') scopeQuery(qb, user, 'activity', 'activity');
    return (await qb.getMany()).map(ActivityResponseDto.from);
  }

  async create(user: AuthUser, dto: CreateActivityDto): Promise<ActivityResponseDto> {
    const subject = await this.assertSubjectVisible(user, dto.subjectType, dto.subjectId);
    if (dto.nextFollowUpAt !== undefined && dto.subjectType !== 'lead') {
      throw ApiError.field('nextFollowUpAt', '只有线索有下次跟进日期');
    }
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.record(manager, {
        subjectType: dto.subjectType,
        subjectId: dto.subjectId,
        kind: dto.kind,
        summary: dto.summary,
        nextStep: dto.nextStep ?? null,
        participants: dto.participants ?? null,
        occurredAt: new Date(dto.occurredAt),
        teamId: 'teamId' in subject ? subject.teamId : user.teamId,
        actor: user,
      });
      if (dto.subjectType === 'lead' && subject) await this.touchLead(manager, subject as Lead, dto.nextFollowUpAt);
      return ActivityResponseDto.from(activity);
    });
  }

  /**
   * Writes a timeline entry inside the caller's transaction. A project's entry counts as
   * progress (it is no longer stalled).
   */
  async record(manager: EntityManager, entry: SystemActivity): Promise<Activity> {
    const activity = await manager.save(
      manager.create(Activity, {
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        kind: entry.kind,
        summary: entry.summary,
        nextStep: entry.nextStep ?? null,
        participants: entry.participants ?? null,
        occurredAt: entry.occurredAt ?? new Date(),
        teamId: entry.teamId,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.displayName ?? null,
        meta: entry.meta ?? null,
      }),
    );
    if (entry.subjectType === 'project') {
      await manager.query('UPDATE projects SET last_progress_at = now() WHERE id = $1', [entry.subjectId]);
    }
    return activity;
  }

  /** The first follow-up stops the lead's response clock; a new lead becomes one being followed. */
  private async touchLead(manager: EntityManager, lead: Lead, nextFollowUpAt?: string | null) {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [lead.id];
    if (!lead.firstResponseAt) sets.push('first_response_at = now()');
    if (lead.status === 'new') sets.push(`status = 'following'`);
    if (nextFollowUpAt !== undefined) {
      params.push(nextFollowUpAt);
      sets.push(`next_follow_up_at = $${params.length}`);
    }
    // Bookkeeping of the timeline, not an edit of the lead's fields: the version stays.
    await manager.query(`UPDATE leads SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** The subject must exist and be visible: 404 otherwise, never a hint that it exists. */
  private async assertSubjectVisible(user: AuthUser, type: SubjectType, id: string): Promise<Lead | Project | Company> {
    const manager = this.dataSource.manager;
    if (type === 'company') {
      const company = await manager.findOneBy(Company, { id });
      if (!company) throw ApiError.notFound('企业');
      return company;
    }
    const record = type === 'lead' ? await manager.findOneBy(Lead, { id }) : await manager.findOneBy(Project, { id });
    if (!record || !isOwnerLevel(user, record)) throw ApiError.notFound(type === 'lead' ? '线索' : '项目');
    return record;
  }
}
