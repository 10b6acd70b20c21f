import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@lianqiao/contracts';
import * as ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { DataSource, type QueryRunner } from 'typeorm';
import { visibleSql } from '../../common/auth/access';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { appConfig, type AppConfig } from '../../config/app.config';
import { dayStart } from '../dashboard/dashboard-scope';
import type { WeeklyReportQueryDto } from './dto/export.dto';
import { CONTENT_TYPES, contentDisposition } from './table-writer';
import { endExportTransaction } from './export-transaction';

/** The report's groups, in the order a weekly report reads: the pipeline, then what is on hold. Lost projects are left out. */
export const REPORT_STAGES: ProjectStatus[] = [
  'negotiating',
  'signed',
  'registered',
  'under_construction',
  'in_production',
  'on_hold',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
export const REPORT_HEADERS = [
  '序号',
  '项目名称',
  '企业',
  '产业链',
  '总投资(万元)',
  '合同额(万元)',
  '到位资金(万元)',
  '本期进展',
  '负责人',
  '包保领导',
];
const WIDTHS = [6, 30, 26, 20, 14, 14, 14, 56, 10, 10];
const LAST_COLUMN = 'J';
const WAN_FORMAT = '#,##0';
const YI_FORMAT = '#,##0.00';
const BATCH = 500;
const MAX_PROGRESS_CHARS = 2000;

interface Totals {
  count: number;
  total: number;
  contracted: number;
  paid: number;
}

interface ReportRow {
  id: string;
  stage: ProjectStatus;
  name: string;
  company: string | null;
  chain_node_ids: string[];
  total: string | null;
  contracted: string | null;
  paid: string | null;
  owner_name: string | null;
  leader_name: string | null;
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * 项目推进情况表: the weekly report's project table, streamed as .xlsx. Groups by stage with a
 * header row, each project with this period's timeline entries, a subtotal per group and a grand
 * total, amounts in 万元 and totals again in 亿元.
 */
@Injectable()
export class WeeklyReportService {
  private readonly logger = new Logger(WeeklyReportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async send(reply: FastifyReply, user: AuthUser, query: WeeklyReportQueryDto): Promise<void> {
    const { fromDay, toDay } = period(query);
    if (!seesAllTeams(user) && query.teamId && query.teamId !== user.teamId)
      throw ApiError.forbidden('只能导出本专班的项目');
    const where: string[] = [`p.deleted_at IS NULL`, `p.stage <> 'lost'`];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const visible = visibleSql(user, 'project', 'p', param);
    if (visible) where.push(visible);
    if (query.teamId) where.push(`p.team_id = ${param(query.teamId)}`);
    const order = `array_position(ARRAY[${REPORT_STAGES.map((s) => `'${s}'`).join(', ')}]::text[], p.stage::text)`;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let totals: Map<ProjectStatus, Totals>;
    let nodeNames: Map<string, string>;
    try {
      await runner.startTransaction('REPEATABLE READ');
      const rows: Array<{ stage: ProjectStatus; count: number; total: string; contracted: string; paid: string }> =
        await runner.query(
          `SELECT p.stage, count(*)::int AS count, coalesce(sum(p.total_investment_wan), 0) AS total,
                coalesce(sum(p.contracted_wan), 0) AS contracted, coalesce(sum(p.paid_in_wan), 0) AS paid
           FROM projects p WHERE ${where.join(' AND ')} GROUP BY p.stage`,
          params,
        );
      totals = new Map(
        rows.map((r) => [
          r.stage,
          { count: r.count, total: Number(r.total), contracted: Number(r.contracted), paid: Number(r.paid) },
        ]),
      );
      const nodes: Array<{ id: string; name: string }> = await runner.query(`SELECT id, name FROM chain_nodes`);
      nodeNames = new Map(nodes.map((n) => [n.id, n.name]));
      await runner.query(
        `DECLARE report_rows NO SCROLL CURSOR FOR
         SELECT p.id, p.stage, p.name, c.name AS company, p.chain_node_ids, p.total_investment_wan AS total,
                p.contracted_wan AS contracted, p.paid_in_wan AS paid, o.display_name AS owner_name, l.display_name AS leader_name
           FROM projects p
           LEFT JOIN companies c ON c.id = p.company_id
           LEFT JOIN users o ON o.id = p.owner_id
           LEFT JOIN users l ON l.id = p.responsible_leader_id
          WHERE ${where.join(' AND ')}
          ORDER BY ${order}, p.is_key DESC, p.total_investment_wan DESC NULLS LAST, p.name, p.id`,
        params,
      );
    } catch (error) {
      await endExportTransaction(runner, this.logger);
      throw error;
    }

    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    const title = `${this.app.districtName}重点项目推进情况表`;
    void reply
      .header('content-type', CONTENT_TYPES.xlsx)
      .header('content-disposition', contentDisposition(`weekly-report-${fromDay}.xlsx`, `${title}-${fromDay}.xlsx`))
      .header('cache-control', 'no-store')
      .send(stream);
    void this.write(runner, stream, { title, fromDay, toDay, totals, nodeNames });
  }

  private async write(
    runner: QueryRunner,
    stream: PassThrough,
    ctx: {
      title: string;
      fromDay: string;
      toDay: string;
      totals: Map<ProjectStatus, Totals>;
      nodeNames: Map<string, string>;
    },
  ): Promise<void> {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('项目推进情况表', {
        views: [{ state: 'frozen', ySplit: 3 }],
        pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
      });
      sheet.columns = WIDTHS.map((width, i) => ({ key: String(i), width }));
      /** Adds, styles and commits a row; a merged row spans every column (merges come before the commit). */
      const add = (
        values: Array<string | number | null>,
        style: (row: ExcelJS.Row) => void = () => undefined,
        merged = false,
      ) => {
        const row = sheet.addRow(values);
        style(row);
        if (merged) sheet.mergeCells(`A${row.number}:${LAST_COLUMN}${row.number}`);
        row.commit();
      };
      const banner = (text: string, font: Partial<ExcelJS.Font>) =>
        add(
          [text],
          (row) => {
            row.getCell(1).font = font;
            row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
            row.height = font.size && font.size > 12 ? 30 : 20;
          },
          true,
        );
      banner(ctx.title, { bold: true, size: 16 });
      banner(`统计期间：${ctx.fromDay} 至 ${lastDay(ctx.toDay)}`, { size: 11 });
      add(REPORT_HEADERS, (row) => {
        row.height = 22;
        row.eachCell((cell) => {
          cell.font = { bold: true };
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
          cell.border = BORDER;
        });
      });

      const totalsRows = (label: string, t: Totals) => {
        const styleTotals = (format: string) => (row: ExcelJS.Row) => {
          for (let c = 1; c <= REPORT_HEADERS.length; c++) {
            const cell = row.getCell(c);
            cell.font = { bold: true };
            cell.border = BORDER;
            if (c >= 5 && c <= 7) cell.numFmt = format;
          }
        };
        add(
          [null, `${label}（万元）`, null, null, t.total, t.contracted, t.paid, `共 ${t.count} 个项目`, null, null],
          styleTotals(WAN_FORMAT),
        );
        add(
          [null, `${label}（亿元）`, null, null, yi(t.total), yi(t.contracted), yi(t.paid), null, null, null],
          styleTotals(YI_FORMAT),
        );
      };

      const grand: Totals = { count: 0, total: 0, contracted: 0, paid: 0 };
      let stage: ProjectStatus | null = null;
      let index = 0;
      let group = 0;
      const closeGroup = () => {
        if (stage) totalsRows('小计', ctx.totals.get(stage)!);
      };
      for (;;) {
        const rows: ReportRow[] = await runner.query(`FETCH ${BATCH} FROM report_rows`);
        const progress = await this.progress(
          runner,
          rows.map((r) => r.id),
          ctx.fromDay,
          ctx.toDay,
        );
        for (const r of rows) {
          if (r.stage !== stage) {
            closeGroup();
            stage = r.stage;
            index = 0;
            const t = ctx.totals.get(stage)!;
            for (const key of ['count', 'total', 'contracted', 'paid'] as const) grand[key] += t[key];
            add(
              [`${NUMERALS[group++]}、${PROJECT_STATUS_LABELS[stage]}项目（${t.count}个）`],
              (row) => {
                row.getCell(1).font = { bold: true };
                row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
              },
              true,
            );
          }
          add(
            [
              ++index,
              r.name,
              r.company,
              r.chain_node_ids.map((id) => ctx.nodeNames.get(id) ?? id).join('、') || null,
              num(r.total),
              num(r.contracted),
              num(r.paid),
              progress.get(r.id) ?? null,
              r.owner_name,
              r.leader_name,
            ],
            (row) =>
              row.eachCell({ includeEmpty: true }, (cell, c) => {
                cell.border = BORDER;
                cell.alignment = {
                  vertical: 'top',
                  wrapText: c === 2 || c === 3 || c === 4 || c === 8,
                  horizontal: c === 1 ? 'center' : undefined,
                };
                if (c >= 5 && c <= 7) cell.numFmt = WAN_FORMAT;
              }),
          );
        }
        if (rows.length < BATCH) break;
        if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
      }
      await endExportTransaction(runner, this.logger);
      closeGroup();
      totalsRows('合计', grand);
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      this.logger.warn(`weekly report stopped: ${(error as Error).message}`);
      stream.destroy(error as Error);
    } finally {
      await endExportTransaction(runner, this.logger);
    }
  }

  /** This period's timeline entries per project: "11-18 电话沟通…", one a line, oldest first. */
  private async progress(
    runner: QueryRunner,
    ids: string[],
    fromDay: string,
    toDay: string,
  ): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ subject_id: string; day: string; summary: string }> = await runner.query(
      `SELECT a.subject_id, to_char(a.occurred_at AT TIME ZONE 'Asia/Shanghai', 'MM-DD') AS day, a.summary
         FROM activities a
        WHERE a.subject_type = 'project' AND a.subject_id = ANY($1::uuid[]) AND a.occurred_at >= $2 AND a.occurred_at < $3
        ORDER BY a.occurred_at, a.created_at`,
      [ids, dayStart(fromDay), dayStart(toDay)],
    );
    const out = new Map<string, string>();
    for (const r of rows) {
      const line = `${r.day} ${r.summary.replace(/\s+/g, ' ').trim()}`;
      const before = out.get(r.subject_id);
      const next = before ? `${before}\n${line}` : line;
      out.set(r.subject_id, next.length > MAX_PROGRESS_CHARS ? `${next.slice(0, MAX_PROGRESS_CHARS - 1)}…` : next);
    }
    return out;
  }
}

const num = (v: string | null) => (v === null ? null : Number(v));
const yi = (wan: number) => Number((wan / 10_000).toFixed(4));

/** Default: the seven days up to today (China time); `to` is the day after the last. */
function period(query: WeeklyReportQueryDto): { fromDay: string; toDay: string } {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const shift = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const toDay = query.to ?? shift(today, 1);
  const fromDay = query.from ?? shift(new Date(`${toDay}T00:00:00Z`), -7);
  for (const [field, value] of [
    ['from', fromDay],
    ['to', toDay],
  ] as const) {
    if (
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
      new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
    ) {
      throw ApiError.field(field, '不是有效的日期');
    }
  }
  if (toDay <= fromDay) throw ApiError.field('to', '应晚于 from');
  if (Date.parse(toDay) - Date.parse(fromDay) > 366 * 86_400_000) throw ApiError.field('to', '统计期间最长一年');
  return { fromDay, toDay };
}

/** "2026-11-23" (exclusive) → "2026-11-22", the last day shown in the title. */
function lastDay(toDay: string): string {
  return new Date(Date.parse(`${toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
