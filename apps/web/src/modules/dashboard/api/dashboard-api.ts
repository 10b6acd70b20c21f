import type {
  DashboardChainsDto,
  DashboardFunnelDto,
  DashboardInvestmentDto,
  DashboardMonthsDto,
  DashboardResponseTimesDto,
  DashboardStalledDto,
  DashboardSummaryDto,
  DashboardTeamsDto,
  DashboardTopDto,
} from '@lianqiao/contracts';
import { ApiError, http, queryString, sessionStore } from '../../../shared/http';

/** The period and scope every dashboard view takes (docs/metrics.md). */
export interface DashboardScope {
  year: number;
  /** A part of the year: first day (YYYY-MM-DD) and the day after its end (exclusive); absent: all of it. */
  from?: string;
  to?: string;
  /** Absent: the district (leaders and admins); staff always get their own team. */
  teamId?: string;
}

const get = <T>(view: string, scope: DashboardScope, signal?: AbortSignal) =>
  http.get<T>(
    `/api/dashboard/${view}`,
    { year: scope.year, from: scope.from, to: scope.to, teamId: scope.teamId },
    { signal },
  );

export const dashboardApi = {
  summary: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardSummaryDto>('summary', scope, signal),
  funnel: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardFunnelDto>('funnel', scope, signal),
  chains: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardChainsDto>('chains', scope, signal),
  teams: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardTeamsDto>('teams', scope, signal),
  months: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardMonthsDto>('months', scope, signal),
  stalled: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardStalledDto>('stalled', scope, signal),
  investment: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardInvestmentDto>('investment', scope, signal),
  top: (scope: DashboardScope, signal?: AbortSignal) => get<DashboardTopDto>('top', scope, signal),
  responseTimes: (scope: DashboardScope, signal?: AbortSignal) =>
    get<DashboardResponseTimesDto>('response-times', scope, signal),

  /** 项目推进情况表 for [from, to) as .xlsx, fetched with the caller's token and saved as a download. */
  async downloadWeeklyReport(from: string, to: string): Promise<void> {
    // The shared client parses JSON; a file needs the raw response. Renew first if the token is due.
    const session = sessionStore.get();
    if (session && Date.parse(session.accessTokenExpiresAt) - Date.now() < 60_000) await http.renew();
    const token = sessionStore.get()?.accessToken;
    const response = await fetch(`/api/exports/weekly-report.xlsx${queryString({ from, to })}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) {
      let payload: unknown = null;
      try {
        payload = await response.json();
      } catch {
        payload = null;
      }
      throw ApiError.fromResponse(response.status, response.statusText, payload);
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    const name = encoded ? decodeURIComponent(encoded) : `项目推进情况表-${from}.xlsx`;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};
