import { CHAIN_LAYERS, type ChainFiguresDto, type ChainNodeFiguresDto, type DrillDto } from '@lianqiao/contracts';
import { Card, Col, Empty, Flex, Row, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLORS } from '../../chains/utils';

type LayerKey = (typeof CHAIN_LAYERS)[number] | 'unassigned';

/** Segments under the layer of their top-level segment, depth first as the API lists them. */
function byLayer(nodes: ChainNodeFiguresDto[]): { layer: LayerKey; nodes: ChainNodeFiguresDto[] }[] {
  const layerOf = new Map<string, LayerKey>();
  for (const node of nodes) {
    const parent = node.parentId ? layerOf.get(node.parentId) : undefined;
    const own = (CHAIN_LAYERS as readonly string[]).includes(node.layer ?? '') ? (node.layer as LayerKey) : undefined;
    layerOf.set(node.nodeId, parent ?? own ?? 'unassigned');
  }
  return ([...CHAIN_LAYERS, 'unassigned'] as const)
    .map((layer) => ({ layer, nodes: nodes.filter((node) => layerOf.get(node.nodeId) === layer) }))
    .filter((group) => group.nodes.length > 0);
}

/** A gap's list is the target pool to attract; a weak or strong segment's, the companies already here. */
const drillOf = (node: ChainNodeFiguresDto) =>
  node.level === 'gap' ? node.targetCompanies.drill : node.localCompanies.drill;

/**
 * 缺链分析: one chain's segments in the chain map's colours (gap, weak, strong), upstream to
 * downstream; a click opens the companies behind the segment.
 */
export function ChainGapCard({
  chains,
  loading,
  onDrill,
}: {
  chains: ChainFiguresDto[];
  loading: boolean;
  onDrill: (drill: DrillDto) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string>();
  const chain = chains.find((c) => c.chainId === picked) ?? chains.find((c) => c.gapCount > 0) ?? chains[0];
  return (
    <Card
      variant="borderless"
      title={t('dashboard.chainGap.title')}
      loading={loading}
      data-testid="chain-gap-card"
      extra={
        chain ? (
          <Select
            size="small"
            aria-label={t('dashboard.chainGap.title')}
            value={chain.chainId}
            style={{ minWidth: 140 }}
            options={chains.map((c) => ({ value: c.chainId, label: c.name }))}
            onChange={setPicked}
          />
        ) : null
      }
    >
      {!chain ? (
        <Empty description={t('dashboard.chainGap.empty')} />
      ) : (
        <>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            {(['gap', 'weak', 'strong'] as const).map((level) => (
              <Tag key={level} color={LEVEL_COLORS[level].tag} data-testid={`chain-gap-count-${level}`}>
                {t(`chains.levels.${level}`)} {chain[`${level}Count`]}
              </Tag>
            ))}
            <Typography.Text type="secondary">{t('dashboard.chainGap.help')}</Typography.Text>
          </Flex>
          <Row gutter={[12, 12]}>
            {byLayer(chain.nodes).map((group) => (
              <Col key={group.layer} xs={24} md={8}>
                <Typography.Text strong>{t(`chains.layers.${group.layer}`)}</Typography.Text>
                <Flex vertical gap={6} style={{ marginTop: 6 }}>
                  {group.nodes.map((node) => (
                    <Segment key={node.nodeId} node={node} onDrill={onDrill} />
                  ))}
                </Flex>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}

function Segment({ node, onDrill }: { node: ChainNodeFiguresDto; onDrill: (drill: DrillDto) => void }) {
  const { t } = useTranslation();
  const colors = LEVEL_COLORS[node.level];
  const counts = `${t('chains.localCount', { count: node.localCompanies.value })} · ${t('chains.targetCount', { count: node.targetCompanies.value })}`;
  return (
    <Tooltip title={`${t(`chains.levels.${node.level}`)} · ${counts}`}>
      <button
        type="button"
        data-testid={`chain-segment-${node.nodeId}`}
        data-level={node.level}
        onClick={() => onDrill(drillOf(node))}
        style={{
          marginLeft: node.depth * 12,
          padding: '4px 8px',
          textAlign: 'left',
          cursor: 'pointer',
          background: colors.fill,
          color: colors.text,
          border: `${node.level === 'gap' ? 1.5 : 1}px ${node.level === 'gap' ? 'dashed' : 'solid'} ${colors.border}`,
          borderRadius: 6,
        }}
      >
        <Typography.Text strong style={{ color: colors.text }}>
          {node.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {counts}
        </Typography.Text>
      </button>
    </Tooltip>
  );
}
