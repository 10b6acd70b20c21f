import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOwnerLevel } from '@lianqiao/domain';
import { DELEGATION_DIRECTION_LABELS, LEAD_STATUS_LABELS, type LeadStatus } from '@lianqiao/contracts';
import { Workbook, type Borders, type Worksheet } from 'exceljs';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { chinaDateOf, daysInclusive } from '../attribution/event-dates';
import {
  leadYieldLateral,
  projectYieldLateral,
  YIELD_COLUMNS,
  yieldCountsOf,
  type YieldRow,
} from '../attribution/yield-sql';
import { Contact } from '../companies/contact.entity';
import { DATE_FORMAT, districtTime, districtWallClock } from '../exports/table-writer';
import { Lead } from '../leads/lead.entity';
import { Team } from '../org/team.entity';
import { DelegationVisit } from './delegation-visit.entity';
import { DelegationsService } from './delegations.service';
import { DelegationReportResponseDto, ReportVisitResponseDto } from './dto/delegation.dto';

const TITLES = { outbound: '外出招商情况表', inbound: '来访接待情况表' } as const;
const HEADERS = ['序号', '日期', '时间', '城市', '企业', '会见人员', '洽谈情况', '成果', '下一步', '线索'];
const WIDTHS = [6, 12, 8, 10, 28, 24, 40, 28, 24, 22];
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The trip report (外出招商情况表; 来访接待情况表 for receptions), generated from the visits and the
 * records they produced, never typed in: who went where, for how many days, which companies and
 * people they met, what came of it. The same content as JSON for the screen and print, and as .xlsx.
 */
@Injectable()
export class DelegationReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
  ) {}

  async report(user: AuthUser, id: string): Promise<DelegationReportResponseDto> {
    const delegation = await this.delegations.get(user, id);
    const base = await this.delegations.toDto(delegation);
    const visits = await this.dataSource
      .getRepository(DelegationVisit)
      .createQueryBuilder('visit')
      .leftJoin('visit.company', 'company')
      .addSelect(['company.id', 'company.name', 'company.city'])
      .where('visit.delegation_id = :id', { id })
      .orderBy('visit.visited_at', 'ASC')
      .addOrderBy('visit.id', 'ASC')
      .getMany();
    const contactIds = [...new Set(visits.flatMap((v) => v.contactIds))];
    const contacts = contactIds.length
      ? await this.dataSource.getRepository(Contact).find({ where: { id: In(contactIds) }, withDeleted: true })
      : [];
    const contactById = new Map(contacts.map((c) => [c.id, c]));
    const leadIds = visits.map((v) => v.leadId).filter((l): l is string => !!l);
    const leads = leadIds.length
      ? await this.dataSource.getRepository(Lead).find({ where: { id: In(leadIds) }, withDeleted: true })
      : [];
    // A member from another team sees the trip, not the owning team's leads: only those they may see.
    const leadById = new Map(leads.filter((l) => isOwnerLevel(user, l)).map((l) => [l.id, l]));
    const team = delegation.teamId
      ? await this.dataSource.getRepository(Team).findOneBy({ id: delegation.teamId })
      : null;
    const [counts]: YieldRow[] = await this.dataSource.query(
      `SELECT ${YIELD_COLUMNS} FROM delegations d ${leadYieldLateral('delegation', 'd')} ${projectYieldLateral('delegation', 'd')} WHERE d.id = $1`,
      [id],
    );

    const reportVisits: ReportVisitResponseDto[] = visits.map((v) => {
      const lead = v.leadId ? leadById.get(v.leadId) : undefined;
      return {
        id: v.id,
        visitedAt: v.visitedAt.toISOString(),
        date: chinaDateOf(v.visitedAt),
        companyId: v.companyId,
        companyName: v.company?.name ?? '',
        companyCity: v.company?.city ?? null,
        metWith: v.metWith,
        contacts: v.contactIds
          .map((cid) => contactById.get(cid))
          .filter((c): c is Contact => !!c)
          .map((c) => ({ id: c.id, name: c.name, title: c.title })),
        summary: v.summary,
        result: v.result,
        nextStep: v.nextStep,
        lead: lead ? { id: lead.id, name: lead.name, status: lead.status, deleted: lead.deletedAt !== null } : null,
      };
    });
    return {
      title: TITLES[delegation.direction],
      delegation: {
        ...base,
        directionLabel: DELEGATION_DIRECTION_LABELS[delegation.direction],
        teamName: team?.name ?? null,
        days: daysInclusive(delegation.startsOn, delegation.endsOn),
      },
      visits: reportVisits,
      totals: {
        visits: visits.length,
        recordedVisits: visits.filter((v) => v.summary !== null).length,
        companies: new Set(visits.map((v) => v.companyId)).size,
        contacts: new Set(reportVisits.flatMap((v) => v.contacts.map((c) => c.id))).size,
        visitDays: new Set(reportVisits.map((v) => v.date)).size,
        ...yieldCountsOf(counts),
      },
      generatedAt: new Date().toISOString(),
    };
  }

  /** The report as a tidy sheet: a title row, the trip's particulars, a header, one row per visit, totals. */
  async xlsx(user: AuthUser, id: string): Promise<{ buffer: Buffer; filename: string }> {
    const report = await this.report(user, id);
    const d = report.delegation;
    const workbook = new Workbook();
    workbook.creator = '连桥 Lianqiao';
    workbook.created = new Date(report.generatedAt);
    const sheet = workbook.addWorksheet(report.title, {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const lastColumn = HEADERS.length;

    const title = sheet.addRow([`${d.name} — ${report.title}`]);
    sheet.mergeCells(1, 1, 1, lastColumn);
    title.height = 28;
    title.getCell(1).font = { bold: true, size: 16 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

    const people = [
      d.leader ? `带队领导：${d.leader.displayName ?? ''}` : null,
      `成员：${d.members.map((m) => m.displayName).join('、') || '—'}`,
    ];
    const particulars = sheet.addRow([
      [
        `类型：${d.directionLabel}`,
        `时间：${d.startsOn} 至 ${d.endsOn}（${d.days} 天）`,
        `${d.direction === 'inbound' ? '来访地' : '目的地'}：${d.cities.join('、') || '—'}`,
        ...people.filter(Boolean),
        d.teamName ? `专班：${d.teamName}` : null,
      ]
        .filter(Boolean)
        .join('　'),
    ]);
    sheet.mergeCells(2, 1, 2, lastColumn);
    particulars.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    particulars.height = 32;

    const header = sheet.addRow(HEADERS);
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = THIN;
    });

    report.visits.forEach((v, index) => {
      const met = [v.metWith, ...v.contacts.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name))]
        .filter(Boolean)
        .join('、');
      const row = sheet.addRow([
        index + 1,
        districtTime(v.date),
        districtWallClock(v.visitedAt),
        v.companyCity ?? '',
        v.companyName,
        met,
        v.summary ?? '（未记录）',
        v.result ?? '',
        v.nextStep ?? '',
        v.lead
          ? `${v.lead.name}（${LEAD_STATUS_LABELS[v.lead.status as LeadStatus]}${v.lead.deleted ? '，已删除' : ''}）`
          : '',
      ]);
      styleBody(row);
      row.getCell(2).numFmt = DATE_FORMAT;
      row.getCell(3).numFmt = 'hh:mm';
    });

    const t = report.totals;
    const totals = sheet.addRow([
      '合计',
      `${t.visitDays} 天`,
      '',
      '',
      `${t.companies} 家企业，${t.visits} 次${d.direction === 'inbound' ? '接待' : '拜访'}`,
      `${t.contacts} 位联系人`,
      '',
      '',
      '',
      `${t.leads} 条线索`,
    ]);
    styleBody(totals);
    totals.eachCell((cell) => (cell.font = { bold: true }));

    const outcome = sheet.addRow([
      `成效：线索 ${t.leads} 条（意向明确 ${t.qualifiedLeads} 条），项目 ${t.projects} 个，签约 ${t.signedProjects} 个，签约额 ${t.contractedWan} 万元` +
        (t.lostAfterSigning ? `；签约后终止 ${t.lostAfterSigning} 个` : ''),
    ]);
    sheet.mergeCells(outcome.number, 1, outcome.number, lastColumn);
    outcome.getCell(1).font = { bold: true };
    const generated = sheet.addRow([
      `生成时间：${new Date(report.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`,
    ]);
    sheet.mergeCells(generated.number, 1, generated.number, lastColumn);
    generated.getCell(1).font = { size: 9, color: { argb: 'FF888888' } };

    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, filename: `${report.title}-${d.startsOn}.xlsx` };
  }
}

function styleBody(row: ReturnType<Worksheet['addRow']>): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}
