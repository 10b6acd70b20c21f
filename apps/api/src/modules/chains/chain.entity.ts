import { Column, Entity, Index, OneToMany } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ChainNode } from './chain-node.entity';

/** An industry chain (a tree of segments) or a flat sector that an admin can grow into one. */
@Entity('chains')
export class Chain extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 48 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'sector' })
  kind: 'chain' | 'sector';

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @OneToMany(() => ChainNode, (node) => node.chain)
  nodes?: ChainNode[];
}
