import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, ILike, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { AuditService } from '../audit/audit.service';
import { CreateOrgUnitDto, CreateTeamDto, UpdateOrgUnitDto, UpdateTeamDto } from './dto/org.dto';
import { OrgUnit } from './org-unit.entity';
import { Team } from './team.entity';

/** Teams (专班) and org units: the district's structure, managed by admins. */
@Injectable()
export class OrgService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrgUnit) private readonly orgUnits: Repository<OrgUnit>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly audit: AuditService,
  ) {}

  listOrgUnits(q?: string): Promise<OrgUnit[]> {
    return this.orgUnits.find({ where: q ? { name: ILike(`%${q}%`) } : {}, order: { name: 'ASC' } });
  }

  listTeams(q?: string): Promise<Team[]> {
    return this.teams.find({ where: q ? { name: ILike(`%${q}%`) } : {}, order: { name: 'ASC' } });
  }

  async getOrgUnit(id: string): Promise<OrgUnit> {
    return (await this.orgUnits.findOneBy({ id })) ?? this.notFound('组织单位');
  }

  async getTeam(id: string): Promise<Team> {
    return (await this.teams.findOneBy({ id })) ?? this.notFound('专班');
  }

  createOrgUnit(actor: AuthUser, dto: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.save(manager.create(OrgUnit, dto));
      await this.audit.record(manager, actor, { entity: 'org_unit', entityId: unit.id, action: 'create', after: unit });
      return unit;
    });
  }

  async updateOrgUnit(actor: AuthUser, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnit> {
    const before = await this.getOrgUnit(id);
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, OrgUnit, id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(OrgUnit, { id });
      await this.audit.record(manager, actor, { entity: 'org_unit', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async createTeam(actor: AuthUser, dto: CreateTeamDto): Promise<Team> {
    if (dto.orgUnitId) await this.getOrgUnit(dto.orgUnitId);
    return this.dataSource.transaction(async (manager) => {
      const team = await manager.save(manager.create(Team, dto));
      await this.audit.record(manager, actor, { entity: 'team', entityId: team.id, action: 'create', after: team });
      return team;
    });
  }

  async updateTeam(actor: AuthUser, id: string, dto: UpdateTeamDto): Promise<Team> {
    const before = await this.getTeam(id);
    if (dto.orgUnitId) await this.getOrgUnit(dto.orgUnitId);
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Team, id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(Team, { id });
      await this.audit.record(manager, actor, { entity: 'team', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  private notFound(what: string): never {
    throw ApiError.notFound(what);
  }
}
