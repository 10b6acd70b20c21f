import type { EntityManager } from 'typeorm';
import { ChainNode } from './chain-node.entity';
import { CHAIN_TAXONOMY } from './chain-taxonomy';
import { Chain } from './chain.entity';

/**
 * Loads the seeded taxonomy on every start. A chain already present (matched by code) is left
 * as admins shaped it; only missing chains are added, with their segments.
 */
export async function seedChainTaxonomy(manager: EntityManager): Promise<number> {
  let added = 0;
  for (const [index, entry] of CHAIN_TAXONOMY.entries()) {
    if (await manager.exists(Chain, { where: { code: entry.code }, withDeleted: true })) continue;
    const chain = await manager.save(
      manager.create(Chain, { code: entry.code, name: entry.name, kind: entry.kind, sortOrder: index }),
    );
    added++;
    for (const [order, node] of entry.nodes.entries()) {
      const parent = await manager.save(
        manager.create(ChainNode, {
          chainId: chain.id,
          parentId: null,
          name: node.name,
          layer: node.layer,
          sortOrder: order,
        }),
      );
      for (const [childOrder, child] of (node.children ?? []).entries()) {
        await manager.save(
          manager.create(ChainNode, {
            chainId: chain.id,
            parentId: parent.id,
            name: child,
            layer: node.layer,
            sortOrder: childOrder,
          }),
        );
      }
    }
  }
  return added;
}
