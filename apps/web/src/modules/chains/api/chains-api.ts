import type { ChainLayer, ChainNodeDto, ChainSummaryDto, ChainTreeDto, Page } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export interface ChainNodeRequest {
  name: string;
  parentId?: string | null;
  layer?: ChainLayer;
}

/** A chain node as the write endpoints answer it: the row, without counts or children. */
export type SavedChainNode = Pick<
  ChainNodeDto,
  'id' | 'chainId' | 'parentId' | 'name' | 'layer' | 'sortOrder' | 'version'
>;

export const chainsApi = {
  list: (signal?: AbortSignal) => http.get<Page<ChainSummaryDto>>('/api/chains', undefined, { signal }),
  tree: (code: string, signal?: AbortSignal) =>
    http.get<ChainTreeDto>(`/api/chains/${encodeURIComponent(code)}`, undefined, { signal }),
  addNode: (code: string, body: ChainNodeRequest) =>
    http.post<SavedChainNode>(`/api/chains/${encodeURIComponent(code)}/nodes`, body),
  updateNode: (id: string, body: Partial<ChainNodeRequest> & { version: number }) =>
    http.patch<SavedChainNode>(`/api/chain-nodes/${id}`, body),
  removeNode: (id: string) => http.delete<void>(`/api/chain-nodes/${id}`),
};
