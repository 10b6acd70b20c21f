import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REQUEST_OPEN_STATUSES,
  aftercarePaths,
  type ActivityKind,
  type Page,
  type ProjectStatus,
} from '@lianqiao/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../../common/auth/auth-user';
import { isOwnerLevel } from '@lianqiao/domain';
import { positionalSql } from '../../../common/auth/access';
import { ApiError } from '../../../common/errors/api-error';
import { parseSort } from '../../../common/pagination/cursor';
import { keysetPage } from '../../../common/pagination/keyset';
import { whereNameContains } from '../../../common/persistence/search';
import { updateVersioned } from '../../../common/persistence/versioned';
import { ActivitiesService } from '../../activities/activities.service';
import { AuditService } from '../../audit/audit.service';
import { Company } from '../../companies/company.entity';
import { User } from '../../users/user.entity';
import { AftercareAccess, landedSql } from '../aftercare-access';
import { newAftercareToken, qrSvg } from '../aftercare-tokens';
import { AftercareAssignment } from './aftercare-assignment.entity';
import {
  AftercareCompanyListQueryDto,
  AftercareCompanyResponseDto,
  MyEnterpriseResponseDto,
  MyEnterprisesQueryDto,
  RequestLinkResponseDto,
  UpdateAssignmentDto,
  AftercarePersonResponseDto,
} from './dto/assignment.dto';
import { RequestLink } from './request-link.entity';

const OPEN_SQL = REQUEST_OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
const SORTABLE = ['name', 'updatedAt'] as const;
const COLUMN = { name: 'company.name', updatedAt: 'company.updated_at' } as const;

/** The company's current row among possibly several (after a merge): the most recently changed. */
const CURRENT_ASSIGNMENTS = `SELECT DISTINCT ON (a.company_id) a.*
                               FROM aftercare_assignments a
                              WHERE a.deleted_at IS NULL
                              ORDER BY a.company_id, a.updated_at DESC, a.id`;

interface EnterpriseRow {
  company_id: string;
  company_name: string;
  responsible_leader_id: string | null;
  leader_name: string | null;
  affairs_rep_id: string | null;
  rep_name: string | null;
  open_count: number;
  overdue_count: number;
}

/**
 * 包保: which leader and which government-affairs representative look after each landed company,
 * the page of "my enterprises", and each company's QR link to the public request form.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AftercareAccess,
    private readonly audit: AuditService,
    private readonly activities: ActivitiesService,
  ) {}

  async list(query: AftercareCompanyListQueryDto): Promise<Page<AftercareCompanyResponseDto>> {
    const sort = parseSort(query.sort, SORTABLE, { field: 'name', direction: 'asc' });
    const qb = this.dataSource.getRepository(Company).createQueryBuilder('company');
    qb.where(
      `(${landedSql('company.id')} OR EXISTS (SELECT 1 FROM aftercare_assignments e WHERE e.company_id = company.id
          AND e.deleted_at IS NULL AND e.aftercare_eligible))`,
    );
    const current = `(SELECT cur.* FROM aftercare_assignments cur WHERE cur.company_id = company.id AND cur.deleted_at IS NULL
                       ORDER BY cur.updated_at DESC, cur.id LIMIT 1)`;
    if (query.leaderId)
      qb.andWhere(`EXISTS (SELECT 1 FROM ${current} f WHERE f.responsible_leader_id = :leaderId)`, {
        leaderId: query.leaderId,
      });
    if (query.repId)
      qb.andWhere(`EXISTS (SELECT 1 FROM ${current} f WHERE f.affairs_rep_id = :repId)`, { repId: query.repId });
    if (query.unassigned === true) {
      qb.andWhere(
        `NOT EXISTS (SELECT 1 FROM ${current} f WHERE f.responsible_leader_id IS NOT NULL AND f.affairs_rep_id IS NOT NULL)`,
      );
    }
    if (query.q) whereNameContains(qb, 'company', query.q);
    const page = await keysetPage(qb, {
      alias: 'company',
      sort,
      column: COLUMN[sort.field],
      valueOf: (c) => c[sort.field],
      limit: query.limit,
      cursor: query.cursor,
      map: (c) => c,
    });
    const items = await this.describeMany(this.dataSource.manager, page.items);
    return { ...page, items };
  }

  async get(companyId: string): Promise<AftercareCompanyResponseDto> {
    const company = await this.company(this.dataSource.manager, companyId);
    return (await this.describeMany(this.dataSource.manager, [company]))[0];
  }

  /**
   * Sets the 包保领导 and the 政府事务代表 (leaders and admins), or marks a company that has not
   * landed as in aftercare (admins). Version 0 creates the company's assignment.
   */
  async update(actor: AuthUser, companyId: string, dto: UpdateAssignmentDto): Promise<AftercareCompanyResponseDto> {
    if (dto.aftercareEligible !== undefined && actor.role !== 'admin') {
      throw ApiError.forbidden('只有管理员可以将未落地企业纳入包保服务');
    }
    return this.dataSource.transaction(async (manager) => {
      const company = await this.company(manager, companyId);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aftercare-assignment:${companyId}`]);
      const before = await this.access.currentAssignment(manager, companyId);
      if ((before?.version ?? 0) !== dto.version) throw ApiError.staleVersion();

      const leader = dto.responsibleLeaderId
        ? await this.activeUser(manager, dto.responsibleLeaderId, 'responsibleLeaderId')
        : null;
      if (leader && leader.role !== 'leader' && leader.role !== 'admin') {
        throw ApiError.field('responsibleLeaderId', '包保领导须为领导或管理员');
      }
      const rep = dto.affairsRepId ? await this.activeUser(manager, dto.affairsRepId, 'affairsRepId') : null;

      const next = {
        aftercareEligible: dto.aftercareEligible ?? before?.aftercareEligible ?? false,
        responsibleLeaderId:
          dto.responsibleLeaderId !== undefined ? dto.responsibleLeaderId : (before?.responsibleLeaderId ?? null),
        affairsRepId: dto.affairsRepId !== undefined ? dto.affairsRepId : (before?.affairsRepId ?? null),
      };
      const assigning = (dto.responsibleLeaderId ?? dto.affairsRepId ?? null) !== null;
      if (assigning && !next.aftercareEligible && !(await this.access.inAftercare(manager, companyId)).landed) {
        throw ApiError.rule('企业尚无落地项目，需管理员先将其纳入包保服务 (company not in aftercare)', [
          { field: 'companyId', message: '企业未落地且未纳入包保服务' },
        ]);
      }

      let after: AftercareAssignment;
      if (!before) {
        after = await manager.save(manager.create(AftercareAssignment, { companyId, ...next }));
      } else {
        await updateVersioned(manager, AftercareAssignment, before.id, before.version, next);
        after = await manager.findOneByOrFail(AftercareAssignment, { id: before.id });
        // Rows brought over by a company merge give way to the one just written.
        await manager
          .createQueryBuilder()
          .softDelete()
          .from(AftercareAssignment)
          .where('company_id = :companyId AND id <> :id', { companyId, id: before.id })
          .execute();
      }
      await this.audit.record(manager, actor, {
        entity: 'aftercare_assignment',
        entityId: companyId,
        action: before ? 'update' : 'create',
        before,
        after,
      });

      const summary = this.describeChange(before, after, leader, rep);
      if (summary) {
        await this.activities.record(manager, {
          subjectType: 'company',
          subjectId: companyId,
          kind: 'note',
          summary,
          teamId: await this.access.timelineTeam(manager, companyId, actor),
          actor,
          meta: {
            aftercare: 'assignment',
            responsibleLeaderId: after.responsibleLeaderId,
            affairsRepId: after.affairsRepId,
          },
        });
      }
      return (await this.describeMany(manager, [company]))[0];
    });
  }

  /**
   * The enterprises of a 包保领导 or 政府事务代表 (the caller by default; leaders and admins may ask
   * for anyone's), each with its latest timeline entry, open requests and project stages.
   */
  async myEnterprises(user: AuthUser, query: MyEnterprisesQueryDto): Promise<MyEnterpriseResponseDto[]> {
    const asking = [query.leaderId, query.repId].filter((id) => id !== undefined && id !== user.id);
    if (asking.length && !seesAllTeams(user)) throw ApiError.forbidden('只有领导可以查看他人的包保企业');
    const byLeader = query.leaderId ?? (query.repId ? null : user.id);
    const byRep = query.repId ?? (query.leaderId ? null : user.id);
    const both = query.leaderId !== undefined && query.repId !== undefined;

    const rows = (await this.dataSource.query(
      `SELECT m.company_id, c.name AS company_name,
              m.responsible_leader_id, ul.display_name AS leader_name, m.affairs_rep_id, ur.display_name AS rep_name,
              (SELECT count(*) FROM enterprise_requests r WHERE r.company_id = m.company_id AND r.deleted_at IS NULL
                  AND r.status IN (${OPEN_SQL}))::int AS open_count,
              (SELECT count(*) FROM enterprise_requests r WHERE r.company_id = m.company_id AND r.deleted_at IS NULL
                  AND r.status IN (${OPEN_SQL}) AND r.due_at < now())::int AS overdue_count
         FROM (${CURRENT_ASSIGNMENTS}) m
         JOIN companies c ON c.id = m.company_id AND c.deleted_at IS NULL
         LEFT JOIN users ul ON ul.id = m.responsible_leader_id
         LEFT JOIN users ur ON ur.id = m.affairs_rep_id
        WHERE ${both ? 'm.responsible_leader_id = $1 AND m.affairs_rep_id = $2' : 'm.responsible_leader_id = $1 OR m.affairs_rep_id = $2'}
        ORDER BY c.name, c.id
        LIMIT 1000`,
      [byLeader, byRep],
    )) as EnterpriseRow[];
    if (!rows.length) return [];
    const ids = rows.map((r) => r.company_id);

    const values: unknown[] = [ids];
    const activityScope = positionalSql(user, 'activity', 'a', values);
    const activities = (await this.dataSource.query(
      `SELECT DISTINCT ON (a.subject_id) a.subject_id, a.id, a.kind, a.occurred_at, a.summary, a.actor_name
         FROM activities a
        WHERE a.subject_type = 'company' AND a.subject_id = ANY($1::uuid[]) AND ${activityScope}
        ORDER BY a.subject_id, a.occurred_at DESC, a.created_at DESC`,
      values,
    )) as Array<{
      subject_id: string;
      id: string;
      kind: string;
      occurred_at: Date;
      summary: string;
      actor_name: string | null;
    }>;
    const latest = new Map(activities.map((a) => [a.subject_id, a]));

    const projects = (await this.dataSource.query(
      `SELECT p.id, p.company_id, p.name, p.code_name, p.is_confidential, p.stage, p.owner_id, p.team_id
         FROM projects p WHERE p.company_id = ANY($1::uuid[]) AND p.deleted_at IS NULL
        ORDER BY p.created_at, p.id`,
      [ids],
    )) as Array<{
      id: string;
      company_id: string;
      name: string;
      code_name: string | null;
      is_confidential: boolean;
      stage: string;
      owner_id: string;
      team_id: string | null;
    }>;

    return rows.map((r) => {
      const roles: MyEnterpriseResponseDto['roles'] = [];
      if (byLeader && r.responsible_leader_id === byLeader) roles.push('responsible_leader');
      if (byRep && r.affairs_rep_id === byRep) roles.push('affairs_rep');
      const activity = latest.get(r.company_id);
      return {
        companyId: r.company_id,
        companyName: r.company_name,
        roles,
        responsibleLeader: r.responsible_leader_id
          ? { id: r.responsible_leader_id, displayName: r.leader_name ?? '' }
          : null,
        affairsRep: r.affairs_rep_id ? { id: r.affairs_rep_id, displayName: r.rep_name ?? '' } : null,
        latestActivity: activity
          ? {
              id: activity.id,
              kind: activity.kind as ActivityKind,
              occurredAt: new Date(activity.occurred_at).toISOString(),
              summary: activity.summary,
              actorName: activity.actor_name,
            }
          : null,
        openRequestCount: r.open_count,
        overdueRequestCount: r.overdue_count,
        projects: projects
          .filter((p) => p.company_id === r.company_id)
          .map((p) => ({
            id: p.id,
            name:
              p.is_confidential && !isOwnerLevel(user, { ownerId: p.owner_id, teamId: p.team_id })
                ? (p.code_name ?? '保密项目')
                : p.name,
            stage: p.stage as ProjectStatus,
          })),
      };
    });
  }

  /** The company's public request form: its current link (made on first ask), with the QR code. */
  async requestLink(user: AuthUser, companyId: string, baseUrl: string): Promise<RequestLinkResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertMayShareLink(manager, user, companyId);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aftercare-request-link:${companyId}`]);
      const link =
        (await manager.findOne(RequestLink, {
          where: { companyId, revokedAt: IsNull() },
          order: { createdAt: 'DESC', id: 'ASC' },
        })) ?? (await this.newLink(manager, user, companyId));
      return this.linkDto(link, baseUrl);
    });
  }

  /** A new link; the old ones stop working at once (a code that leaked or was printed wrong). */
  async rotateRequestLink(user: AuthUser, companyId: string, baseUrl: string): Promise<RequestLinkResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertMayShareLink(manager, user, companyId);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aftercare-request-link:${companyId}`]);
      const [revoked] = (await manager.query(
        'UPDATE aftercare_request_links SET revoked_at = now() WHERE company_id = $1 AND revoked_at IS NULL RETURNING id',
        [companyId],
      )) as [Array<{ id: string }>, number];
      const link = await this.newLink(manager, user, companyId);
      await this.audit.record(manager, user, {
        entity: 'aftercare_request_link',
        entityId: companyId,
        action: 'rotate',
        before: { revokedLinkIds: revoked.map((r) => r.id) },
        after: { linkId: link.id },
      });
      return this.linkDto(link, baseUrl);
    });
  }

  private async newLink(manager: EntityManager, user: AuthUser, companyId: string): Promise<RequestLink> {
    const link = await manager.save(
      manager.create(RequestLink, { companyId, token: newAftercareToken(), createdById: user.id, revokedAt: null }),
    );
    await this.audit.record(manager, user, {
      entity: 'aftercare_request_link',
      entityId: companyId,
      action: 'create',
      after: { linkId: link.id },
    });
    return link;
  }

  private async linkDto(link: RequestLink, baseUrl: string): Promise<RequestLinkResponseDto> {
    const url = `${baseUrl}${aftercarePaths.requestForm(link.token)}`;
    return {
      companyId: link.companyId,
      token: link.token,
      url,
      qrSvg: await qrSvg(url),
      createdAt: link.createdAt.toISOString(),
    };
  }

  /** Leaders, admins, the company's representative and leader, and staff of teams working it. */
  private async assertMayShareLink(manager: EntityManager, user: AuthUser, companyId: string): Promise<void> {
    await this.company(manager, companyId);
    if (!(await this.access.worksCompany(manager, user, companyId))) {
      throw ApiError.forbidden('只有包保领导、政府事务代表、跟进该企业的专班或领导可以获取诉求二维码');
    }
    const { landed, marked } = await this.access.inAftercare(manager, companyId);
    if (!landed && !marked) {
      throw ApiError.rule('企业尚未落地，也未纳入包保服务，不能受理诉求 (company not in aftercare)', [
        { field: 'companyId', message: '企业未纳入包保服务' },
      ]);
    }
  }

  private async company(manager: EntityManager, id: string): Promise<Company> {
    const company = await manager.findOneBy(Company, { id });
    if (!company) throw ApiError.notFound('企业');
    return company;
  }

  private async activeUser(manager: EntityManager, id: string, field: string): Promise<User> {
    const user = await manager.findOneBy(User, { id });
    if (!user || !user.active) throw ApiError.field(field, '用户不存在或已停用');
    return user;
  }

  private describeChange(
    before: AftercareAssignment | null,
    after: AftercareAssignment,
    leader: User | null,
    rep: User | null,
  ): string | null {
    const parts: string[] = [];
    if ((before?.responsibleLeaderId ?? null) !== after.responsibleLeaderId) {
      parts.push(after.responsibleLeaderId ? `包保领导设为${leader?.displayName ?? ''}` : '取消包保领导');
    }
    if ((before?.affairsRepId ?? null) !== after.affairsRepId) {
      parts.push(after.affairsRepId ? `政府事务代表设为${rep?.displayName ?? ''}` : '取消政府事务代表');
    }
    if ((before?.aftercareEligible ?? false) !== after.aftercareEligible) {
      parts.push(after.aftercareEligible ? '纳入包保服务' : '移出包保服务');
    }
    return parts.length ? `包保服务：${parts.join('；')}` : null;
  }

  private async describeMany(manager: EntityManager, companies: Company[]): Promise<AftercareCompanyResponseDto[]> {
    if (!companies.length) return [];
    const ids = companies.map((c) => c.id);
    const rows = (await manager.query(
      `SELECT c.id AS company_id, ${landedSql('c.id')} AS landed,
              m.aftercare_eligible, m.responsible_leader_id, ul.display_name AS leader_name,
              m.affairs_rep_id, ur.display_name AS rep_name, m.version, m.updated_at
         FROM unnest($1::uuid[]) AS c(id)
         LEFT JOIN LATERAL (SELECT a.* FROM aftercare_assignments a WHERE a.company_id = c.id AND a.deleted_at IS NULL
                             ORDER BY a.updated_at DESC, a.id LIMIT 1) m ON true
         LEFT JOIN users ul ON ul.id = m.responsible_leader_id
         LEFT JOIN users ur ON ur.id = m.affairs_rep_id`,
      [ids],
    )) as Array<{
      company_id: string;
      landed: boolean;
      aftercare_eligible: boolean | null;
      responsible_leader_id: string | null;
      leader_name: string | null;
      affairs_rep_id: string | null;
      rep_name: string | null;
      version: number | null;
      updated_at: Date | null;
    }>;
    const byId = new Map(rows.map((r) => [r.company_id, r]));
    return companies.map((c) => {
      const r = byId.get(c.id)!;
      const ref = (id: string | null, name: string | null): AftercarePersonResponseDto | null =>
        id ? { id, displayName: name ?? '' } : null;
      return {
        companyId: c.id,
        companyName: c.name,
        landed: r.landed,
        aftercareEligible: r.aftercare_eligible ?? false,
        inAftercare: r.landed || (r.aftercare_eligible ?? false),
        responsibleLeader: ref(r.responsible_leader_id, r.leader_name),
        affairsRep: ref(r.affairs_rep_id, r.rep_name),
        version: r.version ?? 0,
        updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
      };
    });
  }
}
