import { OWNERSHIP_TYPES, type CompanyTag, type OwnershipType } from '@lianqiao/contracts';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';

/**
 * One record per real company, shared by all teams. `isTarget` marks the target pool (目标企业库);
 * the others are local (落地) companies. Name search uses a bigram GIN index (see the
 * SearchIndexes migration), which serves two-character Chinese queries too.
 */
@Entity('companies')
@Index('IDX_companies_chain_node_ids', { synchronize: false })
@Index('IDX_companies_name_bigrams', { synchronize: false })
@Index('IDX_companies_uscc_prefix', { synchronize: false })
export class Company extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** For duplicate warnings: see normalizeCompanyName. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  normalizedName: string;

  @Index('UQ_companies_uscc', { unique: true })
  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc: string | null;

  @Column({ type: 'enum', enum: OWNERSHIP_TYPES, enumName: 'ownership_type', nullable: true })
  ownership: OwnershipType | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  city: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  chainNodeIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: CompanyTag[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'boolean', default: false })
  isTarget: boolean;

  @Column({ type: 'boolean', default: false })
  isChainLeader: boolean;

  /** Set when this record was merged into another; the record is then soft-deleted. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;
}
