import type { ChainNodeDto, ChainTreeDto } from '@lianqiao/contracts';
import { TreeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BRAND, FONT_FAMILY } from '../../../app/providers/theme';
import { LEVEL_COLORS, leafCount, segmentsByLayer } from '../utils';

// Only the tree chart, its tooltip and the canvas renderer: a fraction of the full echarts bundle.
echarts.use([TreeChart, TooltipComponent, CanvasRenderer]);

interface TreeDatum {
  name: string;
  nodeId?: string;
  children?: TreeDatum[];
  symbol?: string;
  symbolSize?: number | number[];
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
  tooltip?: Record<string, unknown>;
}

const SEGMENT_SIZE = [148, 46];

/**
 * The chain as a picture: the chain at the root, then upstream / midstream / downstream, then
 * each segment as a box coloured by its level, with its local and target counts and a star for
 * chain leaders. Clicking a segment calls `onSelect` with its id.
 */
export function ChainMapChart({ tree, onSelect }: { tree: ChainTreeDto; onSelect: (nodeId: string) => void }) {
  const { t } = useTranslation();

  const option = useMemo(() => {
    const segment = (node: ChainNodeDto): TreeDatum => {
      const colors = LEVEL_COLORS[node.level];
      const leader = node.chainLeaderNames.length > 0;
      return {
        name: node.name,
        nodeId: node.id,
        symbol: 'roundRect',
        symbolSize: SEGMENT_SIZE,
        itemStyle: {
          color: colors.fill,
          borderColor: colors.border,
          borderWidth: node.level === 'gap' ? 1.5 : 2,
          borderType: node.level === 'gap' ? 'dashed' : 'solid',
        },
        label: {
          position: 'inside',
          formatter: [
            `{name|${leader ? '★ ' : ''}${node.name}}`,
            `{meta|${t('chains.localCount', { count: node.localCount })} · ${t('chains.targetCount', { count: node.targetCount })}}`,
          ].join('\n'),
          rich: {
            name: { fontSize: 13, fontWeight: 600, color: colors.text, lineHeight: 18, fontFamily: FONT_FAMILY },
            meta: { fontSize: 11, color: '#595959', lineHeight: 16, fontFamily: FONT_FAMILY },
          },
        },
        tooltip: {
          formatter: [
            `<b>${escapeHtml(node.name)}</b> · ${t(`chains.levels.${node.level}`)}`,
            `${t('chains.local')}：${node.localCount}&emsp;${t('chains.target')}：${node.targetCount}`,
            leader ? `${t('chains.chainLeaders')}：${node.chainLeaderNames.map(escapeHtml).join('、')}` : '',
          ]
            .filter(Boolean)
            .join('<br/>'),
        },
        children: node.children.map(segment),
      };
    };
    const heading = (
      name: string,
      color: string,
      size: number[],
    ): Pick<TreeDatum, 'symbol' | 'symbolSize' | 'itemStyle' | 'label' | 'tooltip'> => ({
      symbol: 'roundRect',
      symbolSize: size,
      itemStyle: { color, borderColor: color },
      label: {
        position: 'inside',
        color: '#fff',
        fontSize: 14,
        fontWeight: 600,
        fontFamily: FONT_FAMILY,
        formatter: name,
      },
      tooltip: { show: false },
    });
    const data: TreeDatum = {
      name: tree.name,
      ...heading(tree.name, BRAND.navy, [96, 40]),
      children: segmentsByLayer(tree).map((group) => ({
        name: t(`chains.layers.${group.layer}`),
        ...heading(t(`chains.layers.${group.layer}`), BRAND.primary, [72, 32]),
        children: group.nodes.map(segment),
      })),
    };
    return {
      tooltip: { trigger: 'item', triggerOn: 'mousemove', confine: true },
      series: [
        {
          type: 'tree',
          data: [data],
          orient: 'LR',
          layout: 'orthogonal',
          edgeShape: 'polyline',
          edgeForkPosition: '50%',
          expandAndCollapse: false,
          initialTreeDepth: -1,
          roam: false,
          top: 24,
          bottom: 24,
          left: 64,
          right: 96,
          lineStyle: { color: '#bfc8d6', width: 1.2 },
          emphasis: { focus: 'ancestor' },
          animationDuration: 300,
        },
      ],
    };
  }, [tree, t]);

  const height = Math.max(360, leafCount(tree.nodes) * 64 + 48);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height, width: '100%' }}
      opts={{ renderer: 'canvas' }}
      onEvents={{
        click: (params: { data?: TreeDatum }) => {
          if (params.data?.nodeId) onSelect(params.data.nodeId);
        },
      }}
      data-testid="chain-map"
    />
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
