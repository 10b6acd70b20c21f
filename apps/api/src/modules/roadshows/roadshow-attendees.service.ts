import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeCompanyName } from '@lianqiao/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { chinaDateOf } from '../attribution/event-dates';
import { AuditService } from '../audit/audit.service';
import { ChainsService } from '../chains/chains.service';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { Contact } from '../companies/contact.entity';
import type { CreateCompanyDto } from '../companies/dto/company.dto';
import { AddAttendeeDto, AttendeeResponseDto, CheckInDto, UpdateAttendeeDto } from './dto/attendee.dto';
import { RoadshowAttendee } from './roadshow-attendee.entity';
import type { Roadshow } from './roadshow.entity';
import { RoadshowsService } from './roadshows.service';

/**
 * Who was invited and who came. A company (and its person) can be picked from the records or
 * created on the spot in the same call and transaction, with the checks companies get anywhere
 * (USCC format and uniqueness, likely duplicate names).
 */
@Injectable()
export class RoadshowAttendeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowsService,
    private readonly companies: CompaniesService,
    private readonly chains: ChainsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, roadshowId: string): Promise<AttendeeResponseDto[]> {
    await this.roadshows.get(user, roadshowId);
    const rows = await this.query().where('attendee.roadshow_id = :roadshowId', { roadshowId }).getMany();
    return rows.map(toAttendeeDto);
  }

  async add(actor: AuthUser, roadshowId: string, dto: AddAttendeeDto): Promise<AttendeeResponseDto> {
    const roadshow = await this.roadshows.get(actor, roadshowId);
    if (!!dto.companyId === !!dto.company)
      throw ApiError.field('companyId', '请选择已有企业（companyId）或填写新企业（company），二选一');
    if (dto.contactId && dto.contact)
      throw ApiError.field('contactId', '联系人请选择已有（contactId）或新建（contact），二选一');
    if (dto.contactId && dto.company) throw ApiError.field('contactId', '新建的企业还没有联系人，请用 contact 新建');
    const checkedInAt = dto.checkedInAt ? this.checkInTime(roadshow, dto.checkedInAt) : null;
    if (dto.company) await this.assertNewCompanyAllowed(dto.company);
    const id = await this.dataSource.transaction(async (manager) => {
      const companyId = dto.company ? await this.createCompany(manager, actor, dto.company) : dto.companyId!;
      if (dto.companyId && !(await manager.existsBy(Company, { id: companyId })))
        throw ApiError.field('companyId', '企业不存在');
      let contactId: string | null = null;
      if (dto.contactId) {
        await this.assertContactOf(manager, companyId, dto.contactId);
        contactId = dto.contactId;
      } else if (dto.contact) {
        const contact = await manager.save(
          manager.create(Contact, { ...dto.contact, companyId, ownerId: actor.id, teamId: actor.teamId }),
        );
        await this.audit.record(manager, actor, {
          entity: 'contact',
          entityId: contact.id,
          action: 'create',
          after: contact,
        });
        contactId = contact.id;
      }
      await this.assertNotListed(manager, roadshowId, companyId, contactId);
      const attendee = await manager.save(
        manager.create(RoadshowAttendee, {
          roadshowId,
          companyId,
          contactId,
          status: checkedInAt ? 'confirmed' : (dto.status ?? 'invited'),
          checkedInAt,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        entity: 'roadshow_attendee',
        entityId: attendee.id,
        action: 'create',
        after: attendee,
      });
      return attendee.id;
    });
    return this.getDto(roadshowId, id);
  }

  async update(actor: AuthUser, roadshowId: string, id: string, dto: UpdateAttendeeDto): Promise<AttendeeResponseDto> {
    await this.roadshows.get(actor, roadshowId);
    const before = await this.find(roadshowId, id);
    await this.dataSource.transaction(async (manager) => {
      if (dto.contactId) {
        await this.assertContactOf(manager, before.companyId, dto.contactId);
        if (dto.contactId !== before.contactId)
          await this.assertNotListed(manager, roadshowId, before.companyId, dto.contactId);
      }
      await updateVersioned(manager, RoadshowAttendee, id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(RoadshowAttendee, { id });
      await this.audit.record(manager, actor, {
        entity: 'roadshow_attendee',
        entityId: id,
        action: 'update',
        before,
        after,
      });
    });
    return this.getDto(roadshowId, id);
  }

  /** At the door. Checking in someone already checked in changes nothing (a double tap is harmless). */
  async checkIn(actor: AuthUser, roadshowId: string, id: string, dto: CheckInDto): Promise<AttendeeResponseDto> {
    const roadshow = await this.roadshows.get(actor, roadshowId);
    const before = await this.find(roadshowId, id);
    if (before.checkedInAt) return this.getDto(roadshowId, id);
    const checkedInAt = this.checkInTime(roadshow, dto.checkedInAt);
    await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, RoadshowAttendee, id, before.version, { checkedInAt, status: 'confirmed' });
      const after = await manager.findOneByOrFail(RoadshowAttendee, { id });
      await this.audit.record(manager, actor, {
        entity: 'roadshow_attendee',
        entityId: id,
        action: 'check_in',
        before,
        after,
      });
    });
    return this.getDto(roadshowId, id);
  }

  async undoCheckIn(actor: AuthUser, roadshowId: string, id: string): Promise<AttendeeResponseDto> {
    await this.roadshows.get(actor, roadshowId);
    const before = await this.find(roadshowId, id);
    if (!before.checkedInAt) return this.getDto(roadshowId, id);
    await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, RoadshowAttendee, id, before.version, { checkedInAt: null });
      const after = await manager.findOneByOrFail(RoadshowAttendee, { id });
      await this.audit.record(manager, actor, {
        entity: 'roadshow_attendee',
        entityId: id,
        action: 'undo_check_in',
        before,
        after,
      });
    });
    return this.getDto(roadshowId, id);
  }

  async remove(actor: AuthUser, roadshowId: string, id: string): Promise<void> {
    await this.roadshows.get(actor, roadshowId);
    const before = await this.find(roadshowId, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.softDelete(RoadshowAttendee, { id });
      await this.audit.record(manager, actor, { entity: 'roadshow_attendee', entityId: id, action: 'delete', before });
    });
  }

  /** The attendee of this roadshow, for lead logging; 400 naming `field` when it is not one. */
  async attendeeOf(roadshowId: string, id: string, field = 'attendeeId'): Promise<RoadshowAttendee> {
    const attendee = await this.query()
      .where('attendee.id = :id AND attendee.roadshow_id = :roadshowId', { id, roadshowId })
      .addSelect(['contact.mobile', 'contact.ownerId', 'contact.teamId'])
      .getOne();
    if (!attendee) throw ApiError.field(field, '不是本场推介会的参会记录');
    return attendee;
  }

  private async getDto(roadshowId: string, id: string): Promise<AttendeeResponseDto> {
    return toAttendeeDto(await this.find(roadshowId, id));
  }

  private async find(roadshowId: string, id: string): Promise<RoadshowAttendee> {
    const attendee = await this.query()
      .where('attendee.id = :id AND attendee.roadshow_id = :roadshowId', { id, roadshowId })
      .getOne();
    if (!attendee) throw ApiError.notFound('参会记录');
    return attendee;
  }

  private query() {
    return this.dataSource
      .getRepository(RoadshowAttendee)
      .createQueryBuilder('attendee')
      .leftJoin('attendee.company', 'company')
      .addSelect(['company.id', 'company.name'])
      .leftJoin('attendee.contact', 'contact')
      .addSelect(['contact.id', 'contact.name', 'contact.title'])
      .orderBy('attendee.created_at', 'ASC')
      .addOrderBy('attendee.id', 'ASC');
  }

  /** A check-in belongs to the event's days (China time); default now, which must be one of them. */
  private checkInTime(roadshow: Roadshow, given?: string): Date {
    const at = given ? new Date(given) : new Date();
    const day = chinaDateOf(at);
    if (day < chinaDateOf(roadshow.startsAt) || day > chinaDateOf(roadshow.endsAt)) {
      throw ApiError.field(
        'checkedInAt',
        `签到时间须在推介会日期内（${chinaDateOf(roadshow.startsAt)} 至 ${chinaDateOf(roadshow.endsAt)}）`,
      );
    }
    return at;
  }

  private async assertContactOf(manager: EntityManager, companyId: string, contactId: string): Promise<void> {
    if (!(await manager.existsBy(Contact, { id: contactId, companyId })))
      throw ApiError.field('contactId', '不是该企业的联系人');
  }

  /** One row per company and person: the same contact, or the same company without a contact, twice is a 409. */
  private async assertNotListed(
    manager: EntityManager,
    roadshowId: string,
    companyId: string,
    contactId: string | null,
  ): Promise<void> {
    const exists = await manager.existsBy(RoadshowAttendee, {
      roadshowId,
      companyId,
      contactId: contactId ?? IsNull(),
    });
    if (exists) {
      const field = contactId ? 'contactId' : 'companyId';
      throw ApiError.conflict('已在本场推介会的名单中', [{ field, message: '已在名单中' }]);
    }
  }

  private async assertNewCompanyAllowed(company: CreateCompanyDto): Promise<void> {
    await this.chains.assertNodesExist(company.chainNodeIds, 'company.chainNodeIds');
    if (company.uscc) {
      const existing = await this.dataSource
        .getRepository(Company)
        .findOne({ where: { uscc: company.uscc }, withDeleted: true });
      if (existing) {
        throw ApiError.conflict(`统一社会信用代码已被「${existing.name}」使用，请选择已有企业`, [
          { field: 'company.uscc', message: `已存在：${existing.name} (${existing.id})` },
        ]);
      }
    }
    if (!company.allowDuplicateName) {
      const similar = await this.companies.likelyDuplicates(company.name);
      if (similar.length > 0) {
        throw ApiError.conflict(
          `可能与已有企业重复：${similar.map((c) => c.name).join('、')}。可选择已有企业，或确认后继续创建`,
          [...similar.map((c) => ({ field: 'company.name', message: `疑似重复：${c.name} (${c.id})` }))],
        );
      }
    }
  }

  private async createCompany(manager: EntityManager, actor: AuthUser, dto: CreateCompanyDto): Promise<string> {
    const { allowDuplicateName: _allow, ...fields } = dto;
    const company = await manager.save(
      manager.create(Company, { ...fields, normalizedName: normalizeCompanyName(fields.name) }),
    );
    await this.audit.record(manager, actor, {
      entity: 'company',
      entityId: company.id,
      action: 'create',
      after: company,
    });
    return company.id;
  }
}

export function toAttendeeDto(a: RoadshowAttendee): AttendeeResponseDto {
  return {
    id: a.id,
    roadshowId: a.roadshowId,
    companyId: a.companyId,
    companyName: a.company?.name ?? null,
    contactId: a.contactId,
    contactName: a.contact?.name ?? null,
    contactTitle: a.contact?.title ?? null,
    status: a.status,
    checkedInAt: a.checkedInAt?.toISOString() ?? null,
    note: a.note,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}
