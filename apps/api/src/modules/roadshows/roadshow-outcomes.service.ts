import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOwnerLevel } from '@lianqiao/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { chinaDateOf } from '../attribution/event-dates';
import { SourceLeadsService } from '../attribution/source-leads.service';
import { Company } from '../companies/company.entity';
import { Lead } from '../leads/lead.entity';
import { LeadsService } from '../leads/leads.service';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { RoadshowLeadDto, RoadshowSigningDto } from './dto/roadshow-lead.dto';
import { RoadshowAttendeesService } from './roadshow-attendees.service';
import type { Roadshow } from './roadshow.entity';
import { RoadshowsService } from './roadshows.service';

/** What a roadshow produces: leads logged from its page, and projects signed on site (现场签约). */
@Injectable()
export class RoadshowOutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowsService,
    private readonly attendees: RoadshowAttendeesService,
    private readonly sourceLeads: SourceLeadsService,
    private readonly leads: LeadsService,
    private readonly projects: ProjectsService,
  ) {}

  /** A lead whose source is this roadshow, in one call: from an attendee, a company, or just a name. */
  async logLead(actor: AuthUser, roadshowId: string, dto: RoadshowLeadDto): Promise<Lead> {
    const roadshow = await this.roadshows.get(actor, roadshowId);
    const { attendeeId, name, ...fields } = dto;
    let companyId = fields.companyId ?? null;
    let contactName = fields.contactName;
    let contactMobile = fields.contactMobile;
    if (attendeeId) {
      const attendee = await this.attendees.attendeeOf(roadshow.id, attendeeId);
      if (companyId && companyId !== attendee.companyId) throw ApiError.field('companyId', '与参会记录的企业不一致');
      companyId = attendee.companyId;
      const contact = attendee.contact;
      if (contact) {
        contactName ??= contact.name;
        // A contact's mobile is personal data: copied only for those who may see it unmasked.
        if (isOwnerLevel(actor, contact)) contactMobile ??= contact.mobile;
      }
    }
    const company = companyId ? await this.dataSource.getRepository(Company).findOneBy({ id: companyId }) : null;
    if (companyId && !company) throw ApiError.field('companyId', '企业不存在');
    const leadName = name ?? company?.name;
    if (!leadName) throw ApiError.field('name', '请填写线索名称或选择企业');
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.sourceLeads.create(
        manager,
        actor,
        { source: 'roadshow', sourceRefId: roadshow.id },
        {
          ...fields,
          name: leadName,
          companyId,
          contactName: contactName ?? null,
          contactMobile: contactMobile ?? null,
          nextFollowUpAt: fields.nextFollowUpAt ? new Date(fields.nextFollowUpAt) : null,
        },
      );
      return this.leads.get(actor, lead.id, manager);
    });
  }

  /**
   * An on-site signing: a project, from one of the event's leads or directly, moved to signed with
   * its evidence (signing date on the event's days, contracted 万元). It goes through the ordinary
   * lead and pipeline operations (qualify, convert, transition), each audited and on the timelines;
   * everything that could refuse is checked before the first of them. Should one step still fail
   * (a concurrent edit), the steps before it stand and repeating the call resumes from there.
   */
  async sign(actor: AuthUser, roadshowId: string, dto: RoadshowSigningDto): Promise<Project> {
    const roadshow = await this.roadshows.get(actor, roadshowId);
    if (!!dto.leadId === !!dto.project)
      throw ApiError.field('leadId', '请选择本场的线索（leadId）或填写直接签约的项目（project），二选一');
    const signedAt = this.signingDate(roadshow, dto.signedAt);
    const note = dto.note ?? `推介会「${roadshow.name}」现场签约`;
    let project: Project;
    if (dto.leadId) {
      project = await this.projectFromLead(actor, roadshow, dto.leadId);
    } else {
      const { ownerId, ...fields } = dto.project!;
      project = await this.projects.create(actor, {
        ...fields,
        ownerId,
        leadSource: 'roadshow',
        sourceRefId: roadshow.id,
      });
    }
    return this.projects.transition(actor, project.id, {
      to: 'signed',
      version: project.version,
      signedAt,
      contractedWan: dto.contractedWan,
      note,
    });
  }

  private async projectFromLead(actor: AuthUser, roadshow: Roadshow, leadId: string): Promise<Project> {
    let lead = await this.leads.get(actor, leadId);
    if (lead.sourceRefId !== roadshow.id)
      throw ApiError.rule('该线索不是本场推介会的线索', [{ field: 'leadId', message: '来源不是本场推介会' }]);
    if (lead.status === 'invalid')
      throw ApiError.rule('无效线索不能签约，请先恢复', [{ field: 'leadId', message: '线索已标记无效' }]);
    if (lead.status === 'converted') {
      const project = await this.projects.get(actor, lead.projectId!);
      if (project.stage !== 'negotiating') {
        throw ApiError.rule('该线索的项目已不在「在谈」阶段，不能再现场签约', [
          { field: 'leadId', message: `项目阶段：${project.stage}` },
        ]);
      }
      return project;
    }
    // Signing on site is the clearest intent there is: a new or followed lead is qualified first.
    if (lead.status !== 'qualified')
      lead = await this.leads.update(actor, lead.id, { status: 'qualified', version: lead.version });
    return this.leads.convert(actor, lead.id, { version: lead.version });
  }

  /** On-site means on one of the event's days (China time); the first day when not given. */
  private signingDate(roadshow: Roadshow, given?: string): string {
    const first = chinaDateOf(roadshow.startsAt);
    const last = chinaDateOf(roadshow.endsAt);
    const day = given ?? first;
    if (day < first || day > last)
      throw ApiError.field('signedAt', `现场签约日期须在推介会日期内（${first} 至 ${last}）`);
    return day;
  }
}
