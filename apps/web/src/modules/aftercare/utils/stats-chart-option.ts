import type { RequestStatsRowDto } from '@lianqiao/contracts';
import type { TFunction } from 'i18next';

export const STATS_COLORS = ['#1f5fbf', '#c83a3a', '#e6a23c'];

/** The department name a row shows: the unrouted bucket gets a translated name. */
export function departmentLabel(row: RequestStatsRowDto, t: TFunction): string {
  return row.orgUnitId === null ? t('aftercare.stats.unrouted') : row.orgUnitName;
}

/**
 * Per department: mean hours to resolve (bars, left axis), overdue requests (bars, right axis) and
 * mean satisfaction (points on a line, on a 0–5 axis further right). A plain object, so it is
 * tested without drawing anything.
 */
export function statsChartOption(rows: RequestStatsRowDto[], t: TFunction) {
  const names = rows.map((row) => departmentLabel(row, t));
  return {
    color: STATS_COLORS,
    grid: { left: 56, right: 104, top: 64, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: t('aftercare.stats.axes.hours'), minInterval: 1 },
      { type: 'value', name: t('aftercare.stats.axes.count'), minInterval: 1, splitLine: { show: false } },
      {
        type: 'value',
        name: t('aftercare.stats.axes.score'),
        min: 0,
        max: 5,
        interval: 1,
        offset: 52,
        position: 'right',
        splitLine: { show: false },
      },
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
        yAxisIndex: 2,
        symbolSize: 10,
        connectNulls: false,
        label: { show: true, position: 'top', backgroundColor: '#ffffff', padding: [2, 4], borderRadius: 3 },
        data: rows.map((row) => row.avgSatisfaction),
      },
    ],
  };
}

/** Hours as people say them: hours up to two days, then days with one decimal. */
export function formatHours(value: number | null, t: TFunction): string {
  if (value === null) return t('common.none');
  return value >= 48 ? t('aftercare.daysValue', { value: (value / 24).toFixed(1) }) : t('aftercare.hours', { value });
}
