import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CardStatsRow } from '@lianqiao/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { chinaDay } from '../public-cards/card-opens.recorder';
import {
  CardStatsResponseDto,
  type CardStatsDayDto,
  type CardStatsReferralDto,
  type CardStatsStaffDto,
} from './dto/share-stats.dto';
import { PromoProjectsService } from './promo-projects.service';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const TZ = 'Asia/Shanghai';

interface GroupedRow {
  g_day: number;
  g_ref: number;
  g_staff: number;
  day: string | null;
  referral_code: string | null;
  credited: string | null;
}
interface OpenRow extends GroupedRow {
  opens: number;
  visitors: number;
  wechat: number;
  mobile: number;
}
interface InterestRow extends GroupedRow {
  interests: number;
  leads: number;
  projects: number;
  signed_wan: string | number;
}

const zero = (): CardStatsRow => ({
  opens: 0,
  uniqueVisitors: 0,
  wechatOpens: 0,
  mobileOpens: 0,
  interests: 0,
  leads: 0,
  projects: 0,
  signedWan: 0,
});

/**
 * Views → interests → leads → projects → signed 万元 for one card, per day, per referral code and
 * per staff member credited (the referrer, else the owner). Days are China days.
 */
@Injectable()
export class PromoStatsService {
  private projectsTable: Promise<boolean> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: PromoProjectsService,
  ) {}

  async stats(user: AuthUser, id: string, range: { from?: string; to?: string }): Promise<CardStatsResponseDto> {
    const project = await this.projects.get(user, id);
    this.projects.assertCanEdit(user, project);
    const to = range.to ?? chinaDay(Date.now());
    const from = range.from ?? chinaDay(Date.parse(`${to}T00:00:00+08:00`) - 29 * DAY_MS);
    const start = Date.parse(`${from}T00:00:00+08:00`);
    const end = Date.parse(`${to}T00:00:00+08:00`) + DAY_MS;
    if (Number.isNaN(start)) throw ApiError.field('from', '日期无效');
    if (Number.isNaN(end)) throw ApiError.field('to', '日期无效');
    if (end <= start) throw ApiError.field('from', '开始日期不能晚于结束日期');
    if ((end - start) / DAY_MS > MAX_DAYS) throw ApiError.field('from', `统计区间最长 ${MAX_DAYS} 天`);
    const params = [id, new Date(start), new Date(end)];

    const opens = (await this.dataSource.query(
      `SELECT GROUPING(o.day)::int AS g_day, GROUPING(o.referral_code)::int AS g_ref, GROUPING(o.credited)::int AS g_staff,
              o.day, o.referral_code, o.credited::text AS credited,
              count(*)::int AS opens, count(DISTINCT o.visitor_hash)::int AS visitors,
              count(*) FILTER (WHERE o.wechat)::int AS wechat, count(*) FILTER (WHERE o.mobile)::int AS mobile
         FROM (SELECT to_char(co.opened_at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS day, co.referral_code,
                      COALESCE(u.id, p.owner_id) AS credited, co.visitor_hash, co.wechat, co.mobile
                 FROM card_opens co
                 JOIN promo_projects p ON p.id = co.promo_project_id
                 LEFT JOIN users u ON u.referral_code = co.referral_code
                WHERE co.promo_project_id = $1 AND co.opened_at >= $2 AND co.opened_at < $3) o
        GROUP BY GROUPING SETS ((o.day), (o.referral_code), (o.credited), ())`,
      params,
    )) as OpenRow[];

    const withProjects = await this.hasProjectsTable();
    const projectJoin = withProjects
      ? `LEFT JOIN LATERAL (SELECT count(*)::int AS n,
                                   COALESCE(sum(pr.contracted_wan) FILTER (WHERE pr.signed_at IS NOT NULL), 0)::bigint AS signed
                              FROM projects pr WHERE pr.lead_id = ci.lead_id AND pr.deleted_at IS NULL) pj ON ci.lead_id IS NOT NULL`
      : 'LEFT JOIN LATERAL (SELECT 0 AS n, 0::bigint AS signed) pj ON true';
    const interests = (await this.dataSource.query(
      `SELECT GROUPING(i.day)::int AS g_day, GROUPING(i.referral_code)::int AS g_ref, GROUPING(i.credited)::int AS g_staff,
              i.day, i.referral_code, i.credited::text AS credited,
              count(*)::int AS interests, count(i.lead_id)::int AS leads,
              COALESCE(sum(i.n), 0)::int AS projects, COALESCE(sum(i.signed), 0)::bigint AS signed_wan
         FROM (SELECT to_char(ci.created_at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS day, ci.referral_code,
                      ci.owner_id AS credited, ci.lead_id, COALESCE(pj.n, 0) AS n, COALESCE(pj.signed, 0) AS signed
                 FROM card_interests ci
                 ${projectJoin}
                WHERE ci.promo_project_id = $1 AND ci.created_at >= $2 AND ci.created_at < $3) i
        GROUP BY GROUPING SETS ((i.day), (i.referral_code), (i.credited), ())`,
      params,
    )) as InterestRow[];

    const totals = zero();
    const byDay = new Map<string, CardStatsRow>();
    for (let t = start; t < end; t += DAY_MS) byDay.set(chinaDay(t), zero());
    const byReferral = new Map<string | null, CardStatsRow>();
    const byStaff = new Map<string, CardStatsRow>();
    const rowFor = (r: GroupedRow): CardStatsRow => {
      if (!r.g_day) return byDay.get(r.day!) ?? zero();
      if (!r.g_ref) return getOr(byReferral, r.referral_code);
      if (!r.g_staff) return getOr(byStaff, r.credited!);
      return totals;
    };
    for (const r of opens) {
      const row = rowFor(r);
      row.opens += r.opens;
      row.uniqueVisitors += r.visitors;
      row.wechatOpens += r.wechat;
      row.mobileOpens += r.mobile;
    }
    for (const r of interests) {
      const row = rowFor(r);
      row.interests += r.interests;
      row.leads += r.leads;
      row.projects += r.projects;
      row.signedWan += Number(r.signed_wan);
    }

    const codes = [...byReferral.keys()].filter((c): c is string => c !== null);
    const people = (await this.dataSource.query(
      'SELECT id::text AS id, display_name, referral_code FROM users WHERE referral_code = ANY($1) OR id = ANY($2::uuid[])',
      [codes, [...byStaff.keys()]],
    )) as { id: string; display_name: string; referral_code: string }[];
    const byCode = new Map(people.map((p) => [p.referral_code, p]));
    const byId = new Map(people.map((p) => [p.id, p]));

    return {
      from,
      to,
      totals,
      byDay: [...byDay].map(([day, row]): CardStatsDayDto => ({ day, ...row })),
      byReferral: [...byReferral]
        .map(([code, row]): CardStatsReferralDto => {
          const person = code ? byCode.get(code) : undefined;
          return { referralCode: code, userId: person?.id ?? null, displayName: person?.display_name ?? null, ...row };
        })
        // Busiest first; ties by code, links without one last.
        .sort(
          (a, b) =>
            b.opens - a.opens ||
            b.interests - a.interests ||
            (a.referralCode ?? '\uffff').localeCompare(b.referralCode ?? '\uffff'),
        ),
      byStaff: [...byStaff]
        .map(([userId, row]): CardStatsStaffDto => ({
          userId,
          displayName: byId.get(userId)?.display_name ?? '',
          ...row,
        }))
        .sort((a, b) => b.opens - a.opens || b.interests - a.interests || a.displayName.localeCompare(b.displayName)),
    };
  }

  /** Projects come from another module; until its table exists, cards count no projects. */
  private hasProjectsTable(): Promise<boolean> {
    this.projectsTable ??= this.dataSource
      .query(
        `SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'projects' AND column_name IN ('lead_id', 'contracted_wan', 'signed_at')`,
      )
      .then((rows: { n: number }[]) => rows[0].n === 3);
    return this.projectsTable;
  }
}

function getOr<K>(map: Map<K, CardStatsRow>, key: K): CardStatsRow {
  let row = map.get(key);
  if (!row) {
    row = zero();
    map.set(key, row);
  }
  return row;
}
