import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CULTIVATION_GOAL_LABELS, type Page } from '@lianqiao/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../../common/auth/auth-user';
import { ApiError } from '../../../common/errors/api-error';
import { decodeCursor, encodeCursor, parseSort } from '../../../common/pagination/cursor';
import { whereNameContains } from '../../../common/persistence/search';
import { updateVersioned } from '../../../common/persistence/versioned';
import { ActivitiesService } from '../../activities/activities.service';
import { AuditService } from '../../audit/audit.service';
import { Company } from '../../companies/company.entity';
import { User } from '../../users/user.entity';
import { AftercareAccess } from '../aftercare-access';
import { CultivationEntry } from './cultivation-entry.entity';
import {
  CULTIVATION_SORTS,
  CreateCultivationDto,
  CultivationListQueryDto,
  CultivationResponseDto,
  MilestoneInputDto,
  UpdateCultivationDto,
} from './dto/cultivation.dto';
import { milestoneProgress, newlyDone } from './milestone-progress';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function auditable(e: CultivationEntry): Record<string, unknown> {
  const { company: _company, owner: _owner, ...rest } = e;
  return rest;
}

/**
 * The cultivation pool (企业培育库): companies being grown towards 入规, 专精特新 or listing, each with
 * its plan (一企一策). Everyone signed in reads the pool; the plan's owner, leaders and admins change
 * it. Progress — entering, milestones done, the goal reached, leaving — goes to the company's timeline.
 */
@Injectable()
export class CultivationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AftercareAccess,
    private readonly audit: AuditService,
    private readonly activities: ActivitiesService,
  ) {}

  /** Ordered by closeness to the goal unless asked otherwise; pages by offset (the pool is small). */
  async list(query: CultivationListQueryDto): Promise<Page<CultivationResponseDto>> {
    const sort =
      query.sort === 'closeness' || !query.sort
        ? null
        : parseSort(query.sort, CULTIVATION_SORTS.slice(1), { field: 'createdAt', direction: 'desc' });
    const qb = this.baseQuery();
    if (query.goal) qb.andWhere('entry.goal = :goal', { goal: query.goal });
    if (query.ownerId) qb.andWhere('entry.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.companyId) qb.andWhere('entry.company_id = :companyId', { companyId: query.companyId });
    if (query.achieved !== undefined)
      qb.andWhere(query.achieved ? 'entry.achieved_on IS NOT NULL' : 'entry.achieved_on IS NULL');
    if (query.q) whereNameContains(qb, 'company', query.q);
    const total = await qb.clone().getCount();

    if (sort) {
      qb.orderBy(
        sort.field === 'createdAt' ? 'entry.created_at' : 'entry.updated_at',
        sort.direction === 'asc' ? 'ASC' : 'DESC',
      );
    } else {
      qb.orderBy('entry.achieved_on IS NOT NULL', 'ASC')
        .addOrderBy('entry.progress', 'DESC')
        .addOrderBy('entry.next_due_on', 'ASC', 'NULLS LAST')
        .addOrderBy('company.name', 'ASC');
    }
    qb.addOrderBy('entry.id', 'ASC');
    const offset = query.cursor ? offsetOf(query.cursor) : 0;
    const limit = query.limit ?? 50;
    const rows = await qb
      .offset(offset)
      .limit(limit + 1)
      .getMany();
    const hasMore = rows.length > limit;
    return {
      items: rows.slice(0, limit).map(toDto),
      nextCursor: hasMore ? encodeCursor({ value: offset + limit, id: '' }) : null,
      total,
    };
  }

  async get(id: string): Promise<CultivationResponseDto> {
    return toDto(await this.load(this.dataSource.manager, id));
  }

  async create(user: AuthUser, dto: CreateCultivationDto): Promise<CultivationResponseDto> {
    if (dto.ownerId && dto.ownerId !== user.id && !seesAllTeams(user))
      throw ApiError.forbidden('只有领导可以指定他人为培育负责人');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Company, { id: dto.companyId }))) throw ApiError.field('companyId', '企业不存在');
      const owner = await this.owner(manager, dto.ownerId ?? user.id);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cultivation:${dto.companyId}:${dto.goal}`]);
      await this.assertNotInPool(manager, dto.companyId, dto.goal);
      const milestones = normalized(dto.milestones ?? []);
      const progress = milestoneProgress(milestones);
      const entry = await manager.save(
        manager.create(CultivationEntry, {
          companyId: dto.companyId,
          goal: dto.goal,
          measures: dto.measures.trim(),
          ownerId: owner.id,
          milestones,
          progress: progress.progress,
          nextDueOn: progress.nextDueOn,
          achievedOn: null,
        }),
      );
      await this.audit.record(manager, user, {
        entity: 'cultivation_entry',
        entityId: entry.id,
        action: 'create',
        after: auditable(entry),
      });
      await this.timeline(
        manager,
        entry,
        user,
        `列入企业培育库（${CULTIVATION_GOAL_LABELS[entry.goal]}），负责人${owner.displayName}：${clip(entry.measures, 80)}`,
      );
      return toDto(await this.load(manager, entry.id));
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateCultivationDto): Promise<CultivationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, id);
      this.assertMayChange(user, before);
      if (dto.ownerId && dto.ownerId !== before.ownerId && !seesAllTeams(user))
        throw ApiError.forbidden('只有领导可以更换培育负责人');
      const owner = dto.ownerId ? await this.owner(manager, dto.ownerId) : null;
      if (dto.goal && dto.goal !== before.goal) await this.assertNotInPool(manager, before.companyId, dto.goal);
      const milestones = dto.milestones ? normalized(dto.milestones) : before.milestones;
      const progress = milestoneProgress(milestones);
      await updateVersioned(manager, CultivationEntry, id, dto.version, {
        ...(dto.goal ? { goal: dto.goal } : {}),
        ...(dto.measures ? { measures: dto.measures.trim() } : {}),
        ...(owner ? { ownerId: owner.id } : {}),
        ...(dto.achievedOn !== undefined ? { achievedOn: dto.achievedOn } : {}),
        milestones,
        progress: progress.progress,
        nextDueOn: progress.nextDueOn,
      });
      const after = await this.load(manager, id);
      await this.audit.record(manager, user, {
        entity: 'cultivation_entry',
        entityId: id,
        action: 'update',
        before: auditable(before),
        after: auditable(after),
      });

      const goal = CULTIVATION_GOAL_LABELS[after.goal];
      const lines: string[] = [];
      if (after.goal !== before.goal) lines.push(`培育目标由${CULTIVATION_GOAL_LABELS[before.goal]}调整为${goal}`);
      const done = newlyDone(before.milestones, after.milestones);
      if (done.length) {
        lines.push(
          `培育计划（${goal}）完成里程碑${done.map((m) => `「${m.title}」`).join('')}，进度 ${progress.done}/${milestones.length}`,
        );
      }
      if (after.measures !== before.measures) lines.push(`更新一企一策措施（${goal}）：${clip(after.measures, 60)}`);
      if (owner && owner.id !== before.ownerId) lines.push(`培育负责人改为${owner.displayName}`);
      if (after.achievedOn && !before.achievedOn) lines.push(`达成培育目标：${goal}（${after.achievedOn}）`);
      if (!after.achievedOn && before.achievedOn) lines.push(`撤销培育目标达成记录（${goal}）`);
      if (lines.length) await this.timeline(manager, after, user, lines.join('；'));
      return toDto(after);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, id);
      this.assertMayChange(user, before);
      await manager.softDelete(CultivationEntry, { id });
      await this.audit.record(manager, user, {
        entity: 'cultivation_entry',
        entityId: id,
        action: 'delete',
        before: auditable(before),
      });
      await this.timeline(manager, before, user, `移出企业培育库（${CULTIVATION_GOAL_LABELS[before.goal]}）`);
    });
  }

  private baseQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<CultivationEntry> {
    return manager
      .getRepository(CultivationEntry)
      .createQueryBuilder('entry')
      .innerJoinAndSelect('entry.company', 'company')
      .leftJoinAndSelect('entry.owner', 'owner');
  }

  private async load(manager: EntityManager, id: string): Promise<CultivationEntry> {
    const entry = await this.baseQuery(manager).where('entry.id = :id', { id }).getOne();
    if (!entry) throw ApiError.notFound('培育记录');
    return entry;
  }

  private assertMayChange(user: AuthUser, entry: CultivationEntry): void {
    if (!seesAllTeams(user) && entry.ownerId !== user.id)
      throw ApiError.forbidden('只有培育负责人或领导可以修改培育计划');
  }

  private async assertNotInPool(
    manager: EntityManager,
    companyId: string,
    goal: CultivationEntry['goal'],
  ): Promise<void> {
    if (await manager.existsBy(CultivationEntry, { companyId, goal })) {
      throw ApiError.conflict(`该企业已在培育库中（${CULTIVATION_GOAL_LABELS[goal]}）`, [
        { field: 'goal', message: '已在培育库中' },
      ]);
    }
  }

  private async owner(manager: EntityManager, id: string): Promise<User> {
    const owner = await manager.findOneBy(User, { id });
    if (!owner || !owner.active) throw ApiError.field('ownerId', '用户不存在或已停用');
    return owner;
  }

  private async timeline(
    manager: EntityManager,
    entry: CultivationEntry,
    actor: AuthUser,
    summary: string,
  ): Promise<void> {
    await this.activities.record(manager, {
      subjectType: 'company',
      subjectId: entry.companyId,
      kind: 'note',
      summary,
      teamId: await this.access.timelineTeam(manager, entry.companyId, actor),
      actor,
      meta: { aftercare: 'cultivation', cultivationEntryId: entry.id, goal: entry.goal },
    });
  }
}

function normalized(milestones: MilestoneInputDto[]): CultivationEntry['milestones'] {
  return milestones.map((m) => ({ title: m.title.trim(), dueOn: m.dueOn, doneOn: m.doneOn ?? null }));
}

function offsetOf(cursor: string): number {
  const { value } = decodeCursor(cursor);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw ApiError.field('cursor', '无效的分页游标');
  return value;
}

function toDto(e: CultivationEntry): CultivationResponseDto {
  const progress = milestoneProgress(e.milestones);
  return {
    id: e.id,
    companyId: e.companyId,
    companyName: e.company?.name ?? '',
    goal: e.goal,
    measures: e.measures,
    ownerId: e.ownerId,
    ownerName: e.owner?.displayName ?? null,
    milestones: e.milestones,
    milestonesDone: progress.done,
    progress: progress.progress,
    nextDueOn: progress.nextDueOn,
    achievedOn: e.achievedOn,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}
