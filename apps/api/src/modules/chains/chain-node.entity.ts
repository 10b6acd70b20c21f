import { CHAIN_LAYERS, type ChainLayer } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Chain } from './chain.entity';

/** A segment (链环节) of a chain, e.g. 动力电池 upstream of 整车制造. */
@Entity('chain_nodes')
@Index(['chainId', 'parentId', 'name'], { unique: true, where: 'deleted_at IS NULL' })
export class ChainNode extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  chainId: string;

  @ManyToOne(() => Chain, (chain) => chain.nodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id' })
  chain?: Chain;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => ChainNode, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: ChainNode;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'enum', enum: CHAIN_LAYERS, enumName: 'chain_layer', nullable: true })
  layer: ChainLayer | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
