import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsCoreOption } from 'echarts/core';

// Only what the statistics draw: lines and bars on a grid, with tooltips and legends.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export const CHART_COLORS = ['#1f5fbf', '#36a3a3', '#e6a23c', '#2e8b57', '#8e5bd6', '#c83a3a'];

/** An ECharts chart from the tree-shaken core (the full build would add most of a megabyte). */
export function EChart({
  option,
  height = 300,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ color: CHART_COLORS, ...option }}
        style={{ height }}
        notMerge
        lazyUpdate
      />
    </div>
  );
}
