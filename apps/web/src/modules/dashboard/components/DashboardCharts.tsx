import type { DrillDto } from '@lianqiao/contracts';
import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { BRAND, FONT_FAMILY } from '../../../app/providers/theme';

// Only the funnel and bar charts with their axes, legend and tooltip.
echarts.use([FunnelChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartItem {
  name: string;
  value: number;
  drill: DrillDto;
}

interface ClickParams {
  data?: { drill?: DrillDto };
}

const onEvents = (onDrill: (drill: DrillDto) => void) => ({
  click: (params: ClickParams) => {
    if (params.data?.drill) onDrill(params.data.drill);
  },
});

/** The pipeline by stage; a click on a stage opens the list behind it. */
export function StageFunnel({
  items,
  unit,
  onDrill,
}: {
  items: ChartItem[];
  unit: string;
  onDrill: (drill: DrillDto) => void;
}) {
  const option = useMemo(
    () => ({
      textStyle: { fontFamily: FONT_FAMILY },
      tooltip: { trigger: 'item', formatter: `{b}: {c} ${unit}` },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          minSize: '20%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: `{b} {c}` },
          data: items.map((item) => ({ ...item })),
        },
      ],
    }),
    [items, unit],
  );
  const events = useMemo(() => onEvents(onDrill), [onDrill]);
  return <ReactEChartsCore echarts={echarts} option={option} onEvents={events} style={{ height: 320 }} notMerge />;
}

export interface BarSeries {
  name: string;
  items: ChartItem[];
}

/** Bars per category (chain, team, month); a click on a bar opens the list behind it. */
export function DrillBars({
  categories,
  series,
  onDrill,
}: {
  categories: string[];
  series: BarSeries[];
  onDrill: (drill: DrillDto) => void;
}) {
  // Many categories (a chain's two dozen segments) lie as rows, where every name can be read.
  const horizontal = categories.length > 12;
  const option = useMemo(() => {
    const categoryAxis = {
      type: 'category',
      data: categories,
      inverse: horizontal,
      axisLabel: { interval: 0, rotate: !horizontal && categories.length > 6 ? 30 : 0 },
    };
    return {
      textStyle: { fontFamily: FONT_FAMILY },
      color: [BRAND.primary, '#52c41a', '#faad14', '#722ed1'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: horizontal ? { type: 'value' } : categoryAxis,
      yAxis: horizontal ? categoryAxis : { type: 'value' },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.items.map((item) => ({ ...item })) })),
    };
  }, [categories, series, horizontal]);
  const events = useMemo(() => onEvents(onDrill), [onDrill]);
  const height = horizontal ? Math.max(300, 48 + categories.length * 18) : 300;
  return <ReactEChartsCore echarts={echarts} option={option} onEvents={events} style={{ height }} notMerge />;
}
