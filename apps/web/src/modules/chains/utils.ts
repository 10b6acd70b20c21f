import {
  CHAIN_LAYERS,
  type ChainLayer,
  type ChainLevel,
  type ChainNodeDto,
  type ChainTreeDto,
} from '@lianqiao/contracts';

/** The chain map's colours: a gap reads as missing (red outline), weak amber, strong green. */
export const LEVEL_COLORS: Record<ChainLevel, { fill: string; border: string; text: string; tag: string }> = {
  gap: { fill: '#fff1f0', border: '#cf1322', text: '#a8071a', tag: 'red' },
  weak: { fill: '#fff7e6', border: '#d48806', text: '#874d00', tag: 'gold' },
  strong: { fill: '#e9f6ee', border: '#2e8b57', text: '#135200', tag: 'green' },
};

export type LayerKey = ChainLayer | 'unassigned';

/** Top-level segments grouped upstream → midstream → downstream (and those not placed yet). */
export function segmentsByLayer(tree: ChainTreeDto): { layer: LayerKey; nodes: ChainNodeDto[] }[] {
  const groups: { layer: LayerKey; nodes: ChainNodeDto[] }[] = CHAIN_LAYERS.map((layer) => ({
    layer,
    nodes: tree.nodes.filter((node) => node.layer === layer),
  }));
  const unassigned = tree.nodes.filter(
    (node) => !node.layer || !(CHAIN_LAYERS as readonly string[]).includes(node.layer),
  );
  if (unassigned.length > 0) groups.push({ layer: 'unassigned', nodes: unassigned });
  return groups.filter((group) => group.nodes.length > 0);
}

/** Every node of the tree, depth first. */
export function flattenNodes(nodes: ChainNodeDto[]): ChainNodeDto[] {
  return nodes.flatMap((node) => [node, ...flattenNodes(node.children)]);
}

export function findNode(nodes: ChainNodeDto[], id: string): ChainNodeDto | undefined {
  return flattenNodes(nodes).find((node) => node.id === id);
}

/** Leaves of the drawn tree (segments without children): how tall the picture must be. */
export function leafCount(nodes: ChainNodeDto[]): number {
  return nodes.reduce((sum, node) => sum + (node.children.length === 0 ? 1 : leafCount(node.children)), 0);
}

export function levelCounts(tree: ChainTreeDto): Record<ChainLevel, number> {
  const counts: Record<ChainLevel, number> = { gap: 0, weak: 0, strong: 0 };
  for (const node of flattenNodes(tree.nodes)) counts[node.level] += 1;
  return counts;
}
