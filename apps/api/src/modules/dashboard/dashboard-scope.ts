import type { DashboardPeriodDto, DrillDto } from '@lianqiao/contracts';
import { ApiError } from '../../common/errors/api-error';

/** The district's clock: periods, months and days are China time (UTC+8, no daylight saving). */
export const DISTRICT_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;

export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + OFFSET_MS).getUTCFullYear();
}

/** "2026-03-01" → "2026-03-01T00:00:00+08:00": midnight in the district. */
export function dayStart(day: string): string {
  return `${day}T00:00:00${DISTRICT_OFFSET}`;
}

/** What a dashboard request covers: a period inside one year, and the district or one team. */
export class DashboardScope {
  constructor(
    readonly year: number,
    /** YYYY-MM-DD, inclusive. */
    readonly fromDay: string,
    /** YYYY-MM-DD, exclusive. */
    readonly toDay: string,
    readonly teamId: string | null,
    readonly teamName: string | null,
  ) {}

  /** Checks the period against the year: from < to, both within [1 Jan, 1 Jan next year]. */
  static resolve(
    input: { year?: number; from?: string; to?: string },
    team: { id: string; name: string } | null,
  ): DashboardScope {
    const year = input.year ?? chinaYear();
    const first = `${year}-01-01`;
    const after = `${year + 1}-01-01`;
    const fromDay = input.from ?? first;
    const toDay = input.to ?? after;
    for (const [field, day] of [
      ['from', fromDay],
      ['to', toDay],
    ] as const) {
      if (Number.isNaN(Date.parse(dayStart(day))) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
        throw ApiError.field(field, '不是有效的日期');
      }
    }
    if (fromDay < first || fromDay >= after) throw ApiError.field('from', `应在 ${year} 年内`);
    if (toDay <= fromDay || toDay > after) throw ApiError.field('to', `应晚于 from，且不晚于 ${after}`);
    return new DashboardScope(year, fromDay, toDay, team?.id ?? null, team?.name ?? null);
  }

  get from(): string {
    return dayStart(this.fromDay);
  }

  get to(): string {
    return dayStart(this.toDay);
  }

  get fromDate(): Date {
    return new Date(this.from);
  }

  get toDate(): Date {
    return new Date(this.to);
  }

  period(): DashboardPeriodDto {
    return { year: this.year, from: this.from, to: this.to, teamId: this.teamId, teamName: this.teamName };
  }

  /** A drill to a console list with its filters; the team's, when the scope is a team. */
  drill(path: string, query: Record<string, string | undefined> = {}, teamId: string | null = this.teamId): DrillDto {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
    if (teamId) out.teamId = teamId;
    return { path, query: out };
  }

  /** The months the period touches, each cut to the period: [{month, fromDay, toDay}]. */
  months(): Array<{ month: string; fromDay: string; toDay: string }> {
    const out: Array<{ month: string; fromDay: string; toDay: string }> = [];
    let [y, m] = this.fromDay.split('-').map(Number);
    for (;;) {
      const monthStart = `${y}-${String(m).padStart(2, '0')}-01`;
      if (monthStart >= this.toDay) break;
      const ny = m === 12 ? y + 1 : y;
      const nm = m === 12 ? 1 : m + 1;
      const next = `${ny}-${String(nm).padStart(2, '0')}-01`;
      out.push({
        month: monthStart.slice(0, 7),
        fromDay: monthStart < this.fromDay ? this.fromDay : monthStart,
        toDay: next > this.toDay ? this.toDay : next,
      });
      [y, m] = [ny, nm];
    }
    return out;
  }
}
