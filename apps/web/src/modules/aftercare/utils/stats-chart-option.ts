import type { RequestStatsRowDto } from '@lianqiao/contracts';
import type { TFunction } from 'i18next';

export const STATS_COLORS = ['#1f5fbf', '#c83a3a', '#e6a23c'];

/** The department name a row shows: the unrouted bucket gets a translated name. */
export function departmentLabel(row: RequestStatsRowDto, t: TFunction): string {
  return row.orgUnitId === null ? t('aftercare.stats.unrouted') : row.orgUnitName;
}

/**
 * Per department: mean hours to resolve (bars, left axis), overdue requests (bars) and mean
 * satisfaction (a line of points), both on the right axis. A plain object, so it is tested without
 * drawing anything.
 */
export function statsChartOption(rows: RequestStatsRowDto[], t: TFunction) {
  const names = rows.map((row) => departmentLabel(row, t));
  return {
    color: STATS_COLORS,
    grid: { left: 48, right: 48, top: 48, bottom: 32, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 96, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: t('aftercare.hours', { value: '' }).trim(), minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('aftercare.stats.series.avgHours'),
        type: 'bar',
        barMaxWidth: 32,
        data: rows.map((row) => row.avgHoursToResolve),
      },
      {
        name: t('aftercare.stats.series.overdue'),
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 32,
        data: rows.map((row) => row.overdue),
      },
      {
        name: t('aftercare.stats.series.satisfaction'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 10,
        connectNulls: false,
        data: rows.map((row) => row.avgSatisfaction),
      },
    ],
  };
}
