import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REQUEST_OPEN_STATUSES } from '@lianqiao/contracts';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { RequestStatsQueryDto, RequestStatsResponseDto, RequestStatsRowResponseDto } from './dto/request.dto';

const DAY_MS = 86_400_000;
const OPEN_SQL = REQUEST_OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
const UNROUTED = '未转办';

interface StatsRow {
  whole: number;
  org_unit_id: string | null;
  org_unit_name: string | null;
  count: number;
  resolved: number;
  overdue: number;
  escalated: number;
  median_hours: string | null;
  avg_hours: string | null;
  avg_satisfaction: string | null;
  rated: number;
}

/**
 * Time to resolve and satisfaction per department, over requests submitted in a range of China
 * days. Resolved = resolved or confirmed; hours run from submission to resolution. Overdue = resolved
 * after the deadline, or still open / in progress / escalated past it now.
 */
@Injectable()
export class RequestStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(query: RequestStatsQueryDto, now: Date = new Date()): Promise<RequestStatsResponseDto> {
    const start = query.from ? Date.parse(`${query.from}T00:00:00+08:00`) : null;
    const end = query.to ? Date.parse(`${query.to}T00:00:00+08:00`) + DAY_MS : null;
    if (start !== null && Number.isNaN(start)) throw ApiError.field('from', '日期无效');
    if (end !== null && Number.isNaN(end)) throw ApiError.field('to', '日期无效');
    if (start !== null && end !== null && end <= start) throw ApiError.field('from', '开始日期不能晚于结束日期');

    const resolved = `r.status IN ('resolved', 'confirmed') AND r.resolved_at IS NOT NULL`;
    const hours = `CASE WHEN ${resolved} THEN extract(epoch FROM r.resolved_at - r.created_at) / 3600 END`;
    const rows = (await this.dataSource.query(
      `SELECT GROUPING(r.org_unit_id)::int AS whole, r.org_unit_id, max(o.name) AS org_unit_name,
              count(*)::int AS count,
              count(*) FILTER (WHERE ${resolved})::int AS resolved,
              count(*) FILTER (WHERE (${resolved} AND r.resolved_at > r.due_at)
                                  OR (r.status IN (${OPEN_SQL}) AND r.due_at < $3))::int AS overdue,
              count(*) FILTER (WHERE r.escalated_at IS NOT NULL)::int AS escalated,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}))::numeric, 1) AS median_hours,
              round(avg(${hours})::numeric, 1) AS avg_hours,
              round(avg(r.satisfaction)::numeric, 2) AS avg_satisfaction,
              count(r.satisfaction)::int AS rated
         FROM enterprise_requests r
         JOIN companies c ON c.id = r.company_id AND c.deleted_at IS NULL
         LEFT JOIN org_units o ON o.id = r.org_unit_id
        WHERE r.deleted_at IS NULL
          AND ($1::timestamptz IS NULL OR r.created_at >= $1)
          AND ($2::timestamptz IS NULL OR r.created_at < $2)
        GROUP BY GROUPING SETS ((r.org_unit_id), ())
        ORDER BY GROUPING(r.org_unit_id), count(*) DESC, max(o.name) NULLS LAST`,
      [start === null ? null : new Date(start), end === null ? null : new Date(end), now],
    )) as StatsRow[];

    const toDto = (r: StatsRow): RequestStatsRowResponseDto => ({
      orgUnitId: r.whole ? null : r.org_unit_id,
      orgUnitName: r.whole ? '合计' : (r.org_unit_name ?? UNROUTED),
      count: r.count,
      resolved: r.resolved,
      overdue: r.overdue,
      escalated: r.escalated,
      medianHoursToResolve: r.median_hours === null ? null : Number(r.median_hours),
      avgHoursToResolve: r.avg_hours === null ? null : Number(r.avg_hours),
      avgSatisfaction: r.avg_satisfaction === null ? null : Number(r.avg_satisfaction),
      ratedCount: r.rated,
    });
    const total = rows.find((r) => r.whole === 1);
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      rows: rows.filter((r) => r.whole === 0).map(toDto),
      total: total
        ? toDto(total)
        : {
            orgUnitId: null,
            orgUnitName: '合计',
            count: 0,
            resolved: 0,
            overdue: 0,
            escalated: 0,
            medianHoursToResolve: null,
            avgHoursToResolve: null,
            avgSatisfaction: null,
            ratedCount: 0,
          },
    };
  }
}
