import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Company } from '../companies/company.entity';
import { User } from '../users/user.entity';

/**
 * A lead (线索): an investor worth following. Its source and `sourceRefId` (the roadshow,
 * delegation or card that found it) travel on to the project it becomes.
 */
@Entity('leads')
@Index('IDX_leads_team_created', ['teamId', 'createdAt', 'id'])
@Index('IDX_leads_owner_created', ['ownerId', 'createdAt', 'id'])
@Index('IDX_leads_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_leads_created', ['createdAt', 'id'])
@Index('IDX_leads_next_follow_up', ['ownerId', 'nextFollowUpAt'])
@Index('IDX_leads_chain_node_ids', { synchronize: false })
@Index('IDX_leads_name_bigrams', { synchronize: false })
@Index('IDX_leads_follow_up_due', { synchronize: false })
export class Lead extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'enum', enum: LEAD_SOURCES, enumName: 'lead_source' })
  source: LeadSource;

  /** The roadshow, delegation, promo card or referring company that produced the lead. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sourceRefId: string | null;

  @Column({ type: 'enum', enum: LEAD_STATUSES, enumName: 'lead_status', default: 'new' })
  status: LeadStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  invalidReason: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  estimatedWan: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  chainNodeIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  nextFollowUpAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactMobile: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /** When the owner first acted on an inbound lead: the response-time clock stops here. */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;
}
