import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { RequestStatsRowDto } from '@lianqiao/contracts';
import { useTranslation } from 'react-i18next';
import { statsChartOption } from '../utils/stats-chart-option';

// Only what this chart draws: bars and a line on a grid, with a tooltip and a legend.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** Time to resolve, overdue and satisfaction per department, from the tree-shaken ECharts core. */
export default function RequestStatsChart({ rows }: { rows: RequestStatsRowDto[] }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={statsChartOption(rows, t)}
      opts={{ renderer: 'svg' }}
      style={{ height: 320 }}
      notMerge
      lazyUpdate
    />
  );
}
