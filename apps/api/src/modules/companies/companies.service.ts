import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompanyTouchDto, Page } from '@lianqiao/contracts';
import { isOwnerLevel, maskPersonal, normalizeCompanyName } from '@lianqiao/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { whereNameContains } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { AuditService } from '../audit/audit.service';
import { ChainsService } from '../chains/chains.service';
import { COMPANY_REFERENCES } from './company-references';
import { Company } from './company.entity';
import { Contact } from './contact.entity';
import { CompanyListQueryDto, CompanyResponseDto, CreateCompanyDto, UpdateCompanyDto } from './dto/company.dto';
import { ContactResponseDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';

const SORTABLE = ['name', 'createdAt', 'updatedAt'] as const;
const COLUMN = { name: 'company.name', createdAt: 'company.created_at', updatedAt: 'company.updated_at' } as const;
const USCC_PREFIX = /^[0-9A-HJ-NPQRTUWXY]{2,18}$/i;

/** Companies are shared by all teams; who works them is visible, what they do is not. */
@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chains: ChainsService,
    private readonly audit: AuditService,
  ) {}

  list(user: AuthUser, query: CompanyListQueryDto): Promise<Page<CompanyResponseDto>> {
    const sort = parseSort(query.sort, SORTABLE, { field: 'updatedAt', direction: 'desc' });
    const qb = this.listQuery(user, query);
    return keysetPage(qb, {
      alias: 'company',
      sort,
      column: COLUMN[sort.field],
      valueOf: (c) => c[sort.field],
      limit: query.limit,
      cursor: query.cursor,
      map: CompanyResponseDto.from,
    });
  }

  /** The list's rows as a query, before order and paging: exports stream exactly these. */
  listQuery(user: AuthUser, query: CompanyListQueryDto): SelectQueryBuilder<Company> {
    const qb = this.dataSource.getRepository(Company).createQueryBuilder('company');
    if (query.deleted) {
      if (user.role !== 'admin') throw ApiError.forbidden('只有管理员可以查看已删除记录');
      qb.withDeleted().andWhere('company.deleted_at IS NOT NULL AND company.merged_into_id IS NULL');
    }
    if (query.q) {
      const q = query.q.trim();
      whereNameContains(
        qb,
        'company',
        q,
        USCC_PREFIX.test(q)
          ? { sql: 'company.uscc LIKE :usccPrefix', params: { usccPrefix: `${q.toUpperCase()}%` } }
          : undefined,
      );
    }
    if (query.chainNode)
      qb.andWhere('company.chain_node_ids @> ARRAY[:chainNode]::uuid[]', { chainNode: query.chainNode });
    if (query.isTarget !== undefined) qb.andWhere('company.is_target = :isTarget', { isTarget: query.isTarget });
    if (query.isChainLeader !== undefined)
      qb.andWhere('company.is_chain_leader = :isChainLeader', { isChainLeader: query.isChainLeader });
    if (query.tag) qb.andWhere(':tag = ANY(company.tags)', { tag: query.tag });
    if (query.ownership) qb.andWhere('company.ownership = :ownership', { ownership: query.ownership });
    if (query.province) qb.andWhere('company.province = :province', { province: query.province });
    return qb;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Company> {
    const company = await manager.findOneBy(Company, { id });
    if (!company) throw ApiError.notFound('企业');
    return company;
  }

  /** Companies whose normalized name equals this one's: likely the same company. */
  async likelyDuplicates(name: string, excludeId?: string): Promise<CompanyResponseDto[]> {
    const qb = this.dataSource
      .getRepository(Company)
      .createQueryBuilder('company')
      .where('company.normalized_name = :n', { n: normalizeCompanyName(name) })
      .take(10);
    if (excludeId) qb.andWhere('company.id <> :excludeId', { excludeId });
    return (await qb.getMany()).map(CompanyResponseDto.from);
  }

  async create(actor: AuthUser, dto: CreateCompanyDto): Promise<Company> {
    const { allowDuplicateName, ...fields } = dto;
    await this.chains.assertNodesExist(fields.chainNodeIds);
    if (fields.uscc) await this.assertUsccFree(fields.uscc);
    if (!allowDuplicateName) {
      const similar = await this.likelyDuplicates(fields.name);
      if (similar.length > 0) {
        throw ApiError.conflict(
          `可能与已有企业重复：${similar.map((c) => c.name).join('、')}。确认不是同一家企业后可继续创建`,
          similar.map((c) => ({ field: 'name', message: `疑似重复：${c.name} (${c.id})` })),
        );
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const company = await manager.save(
        manager.create(Company, { ...fields, normalizedName: normalizeCompanyName(fields.name) }),
      );
      await this.audit.record(manager, actor, {
        entity: 'company',
        entityId: company.id,
        action: 'create',
        after: company,
      });
      return company;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateCompanyDto): Promise<Company> {
    const before = await this.get(id);
    await this.chains.assertNodesExist(dto.chainNodeIds);
    if (dto.uscc && dto.uscc !== before.uscc) await this.assertUsccFree(dto.uscc);
    return this.dataSource.transaction(async (manager) => {
      const changes = changesOf(dto);
      await updateVersioned(manager, Company, id, dto.version, {
        ...changes,
        ...(dto.name ? { normalizedName: normalizeCompanyName(dto.name) } : {}),
      });
      const after = await manager.findOneByOrFail(Company, { id });
      await this.audit.record(manager, actor, { entity: 'company', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(Company, { id });
      await this.audit.record(manager, actor, { entity: 'company', entityId: id, action: 'delete', before });
    });
  }

  async restore(actor: AuthUser, id: string): Promise<Company> {
    return this.dataSource.transaction(async (manager) => {
      const company = await manager.findOne(Company, { where: { id }, withDeleted: true });
      if (!company?.deletedAt) throw ApiError.notFound('已删除的企业');
      if (company.mergedIntoId) throw ApiError.rule('已合并的企业不能恢复');
      await manager.restore(Company, { id });
      const after = await manager.findOneByOrFail(Company, { id });
      await this.audit.record(manager, actor, { entity: 'company', entityId: id, action: 'restore', after });
      return after;
    });
  }

  /**
   * Merges `sourceId` into `targetId`: every link (contacts, leads, projects, timelines…) moves
   * to the target, tags and chain nodes are united, a missing USCC is taken over, and the source
   * is soft-deleted pointing at the target. One transaction, audited on both records.
   */
  async merge(actor: AuthUser, targetId: string, sourceId: string): Promise<Company> {
    if (targetId === sourceId) throw ApiError.field('sourceId', '不能与自身合并');
    return this.dataSource.transaction(async (manager) => {
      const [target, source] = await Promise.all([this.get(targetId, manager), this.get(sourceId, manager)]);
      if (target.uscc && source.uscc && target.uscc !== source.uscc) {
        throw ApiError.rule('两家企业的统一社会信用代码不同，不能合并', [
          { field: 'sourceId', message: '信用代码不同' },
        ]);
      }
      for (const ref of COMPANY_REFERENCES) {
        await manager.query(`UPDATE "${ref.table}" SET "${ref.column}" = $1 WHERE "${ref.column}" = $2`, [
          targetId,
          sourceId,
        ]);
      }
      await manager.query(`UPDATE activities SET subject_id = $1 WHERE subject_type = 'company' AND subject_id = $2`, [
        targetId,
        sourceId,
      ]);
      const uscc = target.uscc ?? source.uscc;
      await manager.update(Company, { id: sourceId }, { mergedIntoId: targetId, uscc: null });
      await manager.softDelete(Company, { id: sourceId });
      await manager
        .createQueryBuilder()
        .update(Company)
        .set({
          uscc,
          chainNodeIds: [...new Set([...target.chainNodeIds, ...source.chainNodeIds])],
          tags: [...new Set([...target.tags, ...source.tags])],
          isTarget: target.isTarget && source.isTarget,
          isChainLeader: target.isChainLeader || source.isChainLeader,
          notes: [target.notes, source.notes].filter(Boolean).join('\n') || null,
        })
        .where('id = :id', { id: targetId })
        .execute();
      const after = await manager.findOneByOrFail(Company, { id: targetId });
      await this.audit.record(manager, actor, {
        entity: 'company',
        entityId: targetId,
        action: 'merge',
        before: target,
        after,
      });
      await this.audit.record(manager, actor, {
        entity: 'company',
        entityId: sourceId,
        action: 'merged_into',
        before: source,
        after: { mergedIntoId: targetId },
      });
      return after;
    });
  }

  /** Which teams hold leads or projects on the company, and when they last acted. */
  async touches(id: string): Promise<CompanyTouchDto[]> {
    await this.get(id);
    const rows: Array<{
      team_id: string | null;
      team_name: string | null;
      leads: string;
      projects: string;
      last: Date | null;
    }> = await this.dataSource.query(
      `SELECT w.team_id, t.name AS team_name, sum(w.leads) AS leads, sum(w.projects) AS projects, max(w.last) AS last
           FROM (
             SELECT team_id, count(*) AS leads, 0 AS projects, max(updated_at) AS last
               FROM leads WHERE company_id = $1 AND deleted_at IS NULL GROUP BY team_id
             UNION ALL
             SELECT team_id, 0, count(*), max(last_progress_at)
               FROM projects WHERE company_id = $1 AND deleted_at IS NULL GROUP BY team_id
             UNION ALL
             SELECT team_id, 0, 0, max(occurred_at)
               FROM activities WHERE subject_type = 'company' AND subject_id = $1 GROUP BY team_id
           ) w LEFT JOIN teams t ON t.id = w.team_id
          GROUP BY w.team_id, t.name
          ORDER BY max(w.last) DESC NULLS LAST`,
      [id],
    );
    return rows.map((r) => ({
      teamId: r.team_id,
      teamName: r.team_name ?? '（未分配专班）',
      leadCount: Number(r.leads),
      projectCount: Number(r.projects),
      lastActedAt: r.last ? new Date(r.last).toISOString() : null,
    }));
  }

  // —— contacts ——

  async listContacts(user: AuthUser, companyId: string): Promise<ContactResponseDto[]> {
    await this.get(companyId);
    const contacts = await this.dataSource
      .getRepository(Contact)
      .find({ where: { companyId }, order: { createdAt: 'ASC' } });
    return contacts.map((c) => this.toContactDto(user, c));
  }

  async createContact(user: AuthUser, companyId: string, dto: CreateContactDto): Promise<ContactResponseDto> {
    await this.get(companyId);
    return this.dataSource.transaction(async (manager) => {
      const contact = await manager.save(
        manager.create(Contact, { ...dto, companyId, ownerId: user.id, teamId: user.teamId }),
      );
      await this.audit.record(manager, user, {
        entity: 'contact',
        entityId: contact.id,
        action: 'create',
        after: contact,
      });
      return this.toContactDto(user, contact);
    });
  }

  async updateContact(
    user: AuthUser,
    companyId: string,
    id: string,
    dto: UpdateContactDto,
  ): Promise<ContactResponseDto> {
    const before = await this.dataSource.getRepository(Contact).findOneBy({ id, companyId });
    if (!before) throw ApiError.notFound('联系人');
    if (!this.mayManageContact(user, before)) throw ApiError.forbidden('只有联系人的维护人、本专班或领导可以修改');
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Contact, id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(Contact, { id });
      await this.audit.record(manager, user, { entity: 'contact', entityId: id, action: 'update', before, after });
      return this.toContactDto(user, after);
    });
  }

  async removeContact(user: AuthUser, companyId: string, id: string): Promise<void> {
    const before = await this.dataSource.getRepository(Contact).findOneBy({ id, companyId });
    if (!before) throw ApiError.notFound('联系人');
    if (!this.mayManageContact(user, before)) throw ApiError.forbidden('只有联系人的维护人、本专班或领导可以删除');
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(Contact, { id });
      await this.audit.record(manager, user, { entity: 'contact', entityId: id, action: 'delete', before });
    });
  }

  private mayManageContact(user: AuthUser, contact: Contact): boolean {
    return isOwnerLevel(user, contact);
  }

  /** A contact is shared with its company; its personal data is whole at owner level only. */
  private toContactDto(user: AuthUser, contact: Contact): ContactResponseDto {
    const maySee = this.mayManageContact(user, contact);
    const c = maskPersonal('contact', { ...contact }, maySee);
    return {
      id: c.id,
      companyId: c.companyId,
      name: c.name,
      title: c.title,
      mobile: c.mobile,
      mobileMasked: !maySee && !!contact.mobile,
      email: c.email,
      wechat: c.wechat,
      ownerId: c.ownerId,
      teamId: c.teamId,
      version: c.version,
    };
  }

  private async assertUsccFree(uscc: string): Promise<void> {
    const existing = await this.dataSource.getRepository(Company).findOne({ where: { uscc }, withDeleted: true });
    if (existing) {
      throw ApiError.conflict(`统一社会信用代码已被「${existing.name}」使用`, [
        { field: 'uscc', message: `已存在：${existing.name} (${existing.id})` },
      ]);
    }
  }
}
