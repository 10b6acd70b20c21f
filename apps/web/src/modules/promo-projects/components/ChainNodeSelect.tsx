import type { ChainNodeDto, ChainSummaryDto, ChainTreeDto, Page } from '@lianqiao/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { http } from '../../../shared/http';

interface TreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeOption[];
}

function optionsOf(nodes: ChainNodeDto[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: optionsOf(node.children) }));
}

/** The chains' segments (产业链环节) a card belongs to; a chain's name groups them and is not itself chosen. */
export function ChainNodeSelect({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
}) {
  const chains = useQuery({
    queryKey: ['chains', 'list'],
    queryFn: ({ signal }) => http.get<Page<ChainSummaryDto>>('/api/chains', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
  const trees = useQueries({
    queries: (chains.data?.items ?? []).map((chain) => ({
      queryKey: ['chains', 'tree', chain.code],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        http.get<ChainTreeDto>(`/api/chains/${encodeURIComponent(chain.code)}`, undefined, { signal }),
      staleTime: 10 * 60_000,
    })),
  });
  // A dozen small trees: cheap enough to map on every render.
  const treeData: TreeOption[] = trees
    .map((tree) => tree.data)
    .filter((tree): tree is ChainTreeDto => tree !== undefined)
    .map((tree) => ({
      value: `chain:${tree.id}`,
      title: tree.name,
      selectable: false,
      children: optionsOf(tree.nodes),
    }));

  return (
    <TreeSelect
      id={id}
      multiple
      allowClear
      treeCheckable={false}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={chains.isLoading || trees.some((tree) => tree.isLoading)}
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      treeData={treeData}
      placeholder={placeholder}
      style={{ width: '100%' }}
      maxTagCount="responsive"
    />
  );
}
