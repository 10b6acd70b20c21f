import type { ChainNodeDto, ChainTreeDto } from '@lianqiao/contracts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { chainsApi, type ChainNodeRequest } from '../api/chains-api';

export const chainKeys = {
  all: ['chains'] as const,
  list: ['chains', 'list'] as const,
  tree: (code: string) => ['chains', 'tree', code] as const,
};

/** Every chain and sector; the taxonomy changes rarely. */
export function useChainList() {
  return useQuery({
    queryKey: chainKeys.list,
    queryFn: ({ signal }) => chainsApi.list(signal),
    staleTime: 5 * 60_000,
  });
}

export function useChainTree(code: string | undefined) {
  return useQuery({
    queryKey: chainKeys.tree(code ?? ''),
    queryFn: ({ signal }) => chainsApi.tree(code as string, signal),
    enabled: Boolean(code),
  });
}

/** What the pickers and tables need to know of a segment: its name and its chain's. */
export interface ChainNodeRef {
  id: string;
  name: string;
  chainName: string;
  chainCode: string;
}

export interface ChainCatalog {
  trees: ChainTreeDto[];
  nodes: Map<string, ChainNodeRef>;
  isLoading: boolean;
}

/** The trees of every chain that has segments: for pickers, filters and naming a node id. */
export function useChainCatalog(): ChainCatalog {
  const list = useChainList();
  const codes = (list.data?.items ?? []).filter((chain) => chain.nodeCount > 0).map((chain) => chain.code);
  const trees = useQueries({
    queries: codes.map((code) => ({
      queryKey: chainKeys.tree(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => chainsApi.tree(code, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const loaded = trees.map((tree) => tree.data).filter((tree): tree is ChainTreeDto => Boolean(tree));
  const key = loaded.map((tree) => `${tree.code}:${tree.version}:${tree.nodeCount}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the loaded trees' identity
  const value = useMemo(() => buildCatalog(loaded), [key]);
  return { ...value, isLoading: list.isLoading || trees.some((tree) => tree.isLoading) };
}

function buildCatalog(trees: ChainTreeDto[]): Omit<ChainCatalog, 'isLoading'> {
  const nodes = new Map<string, ChainNodeRef>();
  const visit = (tree: ChainTreeDto, list: ChainNodeDto[]) => {
    for (const node of list) {
      nodes.set(node.id, { id: node.id, name: node.name, chainName: tree.name, chainCode: tree.code });
      visit(tree, node.children);
    }
  };
  for (const tree of trees) visit(tree, tree.nodes);
  return { trees, nodes };
}

/** Adding, renaming, moving or removing a segment refreshes every chain view. */
export function useChainNodeMutations(code: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: chainKeys.all });
  return {
    add: useMutation({ mutationFn: (body: ChainNodeRequest) => chainsApi.addNode(code, body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<ChainNodeRequest> & { id: string; version: number }) =>
        chainsApi.updateNode(id, body),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => chainsApi.removeNode(id), onSuccess }),
  };
}
