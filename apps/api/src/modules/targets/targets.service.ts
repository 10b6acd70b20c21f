import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maySeeTarget } from '@lianqiao/domain';
import { scopeQuery } from '../../common/auth/access';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { AuditService } from '../audit/audit.service';
import { Team } from '../org/team.entity';
import { CreateTargetDto, TargetListQueryDto, UpdateTargetDto } from './dto/target.dto';
import { Target } from './target.entity';

/**
 * Annual targets, set by leaders and admins for the district and each team. Staff read the
 * district's and their own team's (their dashboard compares against them).
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: TargetListQueryDto): Promise<Target[]> {
    const qb = this.query();
    if (query.year) qb.andWhere('target.year = :year', { year: query.year });
    if (query.teamId === 'district') qb.andWhere('target.team_id IS NULL');
    else if (query.teamId) {
      if (!/^[0-9a-f-]{36}$/i.test(query.teamId)) throw ApiError.field('teamId', '应为专班 id 或 district');
      qb.andWhere('target.team_id = :teamId', { teamId: query.teamId });
    }
    scopeQuery(qb, user, 'target', 'target');
    return qb.orderBy('target.year', 'DESC').addOrderBy('team.name', 'ASC', 'NULLS FIRST').getMany();
  }

  async get(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Target> {
    const target = await this.query(manager).andWhere('target.id = :id', { id }).getOne();
    if (!target || !this.maySee(user, target)) throw ApiError.notFound('年度目标');
    return target;
  }

  /** The live target of a year for a team, or for the district when teamId is null. */
  forScope(year: number, teamId: string | null): Promise<Target | null> {
    const qb = this.query().andWhere('target.year = :year', { year });
    if (teamId) qb.andWhere('target.team_id = :teamId', { teamId });
    else qb.andWhere('target.team_id IS NULL');
    return qb.getOne();
  }

  /** Every team's target of a year, by team id. */
  async teamsOfYear(year: number): Promise<Map<string, Target>> {
    const rows = await this.query().andWhere('target.year = :year AND target.team_id IS NOT NULL', { year }).getMany();
    return new Map(rows.map((t) => [t.teamId as string, t]));
  }

  async create(actor: AuthUser, dto: CreateTargetDto): Promise<Target> {
    const teamId = dto.teamId ?? null;
    if (teamId && !(await this.dataSource.getRepository(Team).existsBy({ id: teamId }))) {
      throw ApiError.field('teamId', '专班不存在');
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager
        .getRepository(Target)
        .createQueryBuilder('target')
        .where('target.year = :year', { year: dto.year })
        .andWhere(teamId ? 'target.team_id = :teamId' : 'target.team_id IS NULL', { teamId })
        .getOne();
      if (existing) {
        throw ApiError.conflict(`${dto.year} 年${teamId ? '该专班' : '全区'}的目标已存在，请修改原目标`, [
          { field: 'teamId', message: `已存在：${existing.id}` },
        ]);
      }
      const target = await manager.save(manager.create(Target, { ...dto, teamId }));
      await this.audit.record(manager, actor, {
        entity: 'target',
        entityId: target.id,
        action: 'create',
        after: target,
      });
      return this.get(actor, target.id, manager);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateTargetDto): Promise<Target> {
    const before = await this.get(actor, id);
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Target, id, dto.version, changesOf(dto));
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        entity: 'target',
        entityId: id,
        action: 'update',
        before: strip(before),
        after: strip(after),
      });
      return after;
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const before = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(Target, { id });
      await this.audit.record(manager, actor, {
        entity: 'target',
        entityId: id,
        action: 'delete',
        before: strip(before),
      });
    });
  }

  private maySee(user: AuthUser, target: Target): boolean {
    return maySeeTarget(user, target);
  }

  private query(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Target> {
    return manager
      .getRepository(Target)
      .createQueryBuilder('target')
      .leftJoin('target.team', 'team')
      .addSelect(['team.id', 'team.name'])
      .where('true');
  }
}

function strip(target: Target): Partial<Target> {
  const { team: _team, ...own } = target;
  return own;
}
