import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChainNodeDto, ChainSummaryDto, ChainTreeDto } from '@lianqiao/contracts';
import { chainLevel } from '@lianqiao/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { AuditService } from '../audit/audit.service';
import { ChainNode } from './chain-node.entity';
import { Chain } from './chain.entity';
import { CreateChainDto, CreateChainNodeDto, UpdateChainDto, UpdateChainNodeDto } from './dto/chain.dto';

interface NodeCounts {
  node_id: string;
  local_count: string;
  target_count: string;
  leaders: string[] | null;
}

@Injectable()
export class ChainsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ChainSummaryDto[]> {
    const rows: Array<{
      id: string;
      code: string;
      name: string;
      kind: 'chain' | 'sector';
      version: number;
      node_count: string;
    }> = await this.dataSource.query(
      `SELECT c.id, c.code, c.name, c.kind, c.version,
                (SELECT count(*) FROM chain_nodes n WHERE n.chain_id = c.id AND n.deleted_at IS NULL) AS node_count
           FROM chains c WHERE c.deleted_at IS NULL ORDER BY c.sort_order, c.name`,
    );
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      nodeCount: Number(c.node_count),
      version: c.version,
    }));
  }

  /**
   * The chain as a tree; each node counts the local and target companies tagged with it or any
   * segment below it (each company once), and takes its level from the local count.
   */
  async tree(code: string): Promise<ChainTreeDto> {
    const chain = await this.dataSource.getRepository(Chain).findOneBy({ code });
    if (!chain) throw ApiError.notFound('产业链');
    const nodes = await this.dataSource
      .getRepository(ChainNode)
      .find({ where: { chainId: chain.id }, order: { sortOrder: 'ASC', name: 'ASC' } });

    const childrenOf = new Map<string | null, ChainNode[]>();
    for (const node of nodes) childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
    const subtreeIds = (id: string): string[] => [id, ...(childrenOf.get(id) ?? []).flatMap((c) => subtreeIds(c.id))];

    const counts = new Map<string, NodeCounts>();
    if (nodes.length > 0) {
      const rows: NodeCounts[] = await this.dataSource.query(
        `SELECT x.node_id,
                count(*) FILTER (WHERE NOT c.is_target) AS local_count,
                count(*) FILTER (WHERE c.is_target) AS target_count,
                (array_agg(c.name ORDER BY c.name) FILTER (WHERE c.is_chain_leader))[1:5] AS leaders
           FROM jsonb_to_recordset($1::jsonb) AS x(node_id uuid, ids uuid[])
           JOIN companies c ON c.chain_node_ids && x.ids AND c.deleted_at IS NULL
          GROUP BY x.node_id`,
        [JSON.stringify(nodes.map((n) => ({ node_id: n.id, ids: subtreeIds(n.id) })))],
      );
      for (const row of rows) counts.set(row.node_id, row);
    }
    const build = (parentId: string | null): ChainNodeDto[] =>
      (childrenOf.get(parentId) ?? []).map((node) => {
        const c = counts.get(node.id);
        const localCount = Number(c?.local_count ?? 0);
        return {
          id: node.id,
          chainId: node.chainId,
          parentId: node.parentId,
          name: node.name,
          layer: node.layer,
          sortOrder: node.sortOrder,
          localCount,
          targetCount: Number(c?.target_count ?? 0),
          level: chainLevel(localCount),
          chainLeaderNames: c?.leaders ?? [],
          children: build(node.id),
          version: node.version,
        };
      });
    return {
      id: chain.id,
      code: chain.code,
      name: chain.name,
      kind: chain.kind,
      nodeCount: nodes.length,
      version: chain.version,
      nodes: build(null),
    };
  }

  /** Every id given must be a live chain node; otherwise a 400 naming `field`. */
  async assertNodesExist(ids: string[] | undefined, field = 'chainNodeIds', manager?: EntityManager): Promise<void> {
    if (!ids?.length) return;
    const unique = [...new Set(ids)];
    const found = await (manager ?? this.dataSource.manager).countBy(ChainNode, { id: In(unique) });
    if (found !== unique.length) throw ApiError.field(field, '包含不存在的产业链环节');
  }

  createChain(actor: AuthUser, dto: CreateChainDto): Promise<Chain> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Chain, { code: dto.code })) {
        throw ApiError.conflict(`代码 ${dto.code} 已存在`, [{ field: 'code', message: '已存在' }]);
      }
      const chain = await manager.save(manager.create(Chain, dto));
      await this.audit.record(manager, actor, { entity: 'chain', entityId: chain.id, action: 'create', after: chain });
      return chain;
    });
  }

  async updateChain(actor: AuthUser, code: string, dto: UpdateChainDto): Promise<Chain> {
    const before = await this.dataSource.getRepository(Chain).findOneBy({ code });
    if (!before) throw ApiError.notFound('产业链');
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Chain, before.id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(Chain, { id: before.id });
      await this.audit.record(manager, actor, {
        entity: 'chain',
        entityId: before.id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async addNode(actor: AuthUser, code: string, dto: CreateChainNodeDto): Promise<ChainNode> {
    const chain = await this.dataSource.getRepository(Chain).findOneBy({ code });
    if (!chain) throw ApiError.notFound('产业链');
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentId) await this.assertParent(manager, chain.id, dto.parentId, null);
      const node = await manager.save(
        manager.create(ChainNode, { ...dto, chainId: chain.id, parentId: dto.parentId ?? null }),
      );
      if (chain.kind === 'sector') await manager.update(Chain, { id: chain.id }, { kind: 'chain' });
      await this.audit.record(manager, actor, {
        entity: 'chain_node',
        entityId: node.id,
        action: 'create',
        after: node,
      });
      return node;
    });
  }

  async updateNode(actor: AuthUser, id: string, dto: UpdateChainNodeDto): Promise<ChainNode> {
    const before = await this.dataSource.getRepository(ChainNode).findOneBy({ id });
    if (!before) throw ApiError.notFound('产业链环节');
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentId) await this.assertParent(manager, before.chainId, dto.parentId, id);
      await updateVersioned(manager, ChainNode, id, dto.version, changesOf(dto));
      const after = await manager.findOneByOrFail(ChainNode, { id });
      await this.audit.record(manager, actor, { entity: 'chain_node', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async removeNode(actor: AuthUser, id: string): Promise<void> {
    const node = await this.dataSource.getRepository(ChainNode).findOneBy({ id });
    if (!node) throw ApiError.notFound('产业链环节');
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ChainNode, { parentId: id })) throw ApiError.rule('请先删除或移走下级环节');
      await manager.softDelete(ChainNode, { id });
      await this.audit.record(manager, actor, { entity: 'chain_node', entityId: id, action: 'delete', before: node });
    });
  }

  /** The parent must be in the same chain and must not be the node itself or below it. */
  private async assertParent(manager: EntityManager, chainId: string, parentId: string, nodeId: string | null) {
    const nodes = await manager.find(ChainNode, { where: { chainId } });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    if (!byId.has(parentId)) throw ApiError.field('parentId', '上级环节不在本产业链中');
    for (let cursor: string | null = parentId; cursor; cursor = byId.get(cursor)?.parentId ?? null) {
      if (cursor === nodeId) throw ApiError.field('parentId', '不能把环节移到它自己的下级');
    }
  }
}
