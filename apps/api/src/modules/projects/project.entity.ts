import {
  CAPITAL_ORIGINS,
  LEAD_SOURCES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  type CapitalOrigin,
  type LeadSource,
  type ProjectStage,
  type ProjectStatus,
} from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Company } from '../companies/company.entity';
import { User } from '../users/user.entity';

const bigintNumber = { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A project in the pipeline leaders review. `stage` moves only through transitions (see
 * ProjectsService.transition and judgeTransition in @lianqiao/domain); each move is a history row.
 * Amounts are integer 万元; projected, contracted and actual figures stand side by side.
 */
@Entity('projects')
@Index('IDX_projects_team_stage', ['teamId', 'stage', 'updatedAt'])
@Index('IDX_projects_stage_updated', ['stage', 'updatedAt', 'id'])
@Index('IDX_projects_owner', ['ownerId', 'updatedAt'])
@Index('IDX_projects_last_progress', ['lastProgressAt'])
@Index('IDX_projects_chain_node_ids', { synchronize: false })
@Index('IDX_projects_name_bigrams', { synchronize: false })
@Index('IDX_projects_stage_totals', { synchronize: false })
export class Project extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** What other teams see of a confidential project. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  codeName: string | null;

  @Column({ type: 'boolean', default: false })
  isConfidential: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

  /** Carried over from the lead, so a signed deal traces back to what found it. */
  @Column({ type: 'enum', enum: LEAD_SOURCES, enumName: 'lead_source', nullable: true })
  leadSource: LeadSource | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  sourceRefId: string | null;

  @Column({
    type: 'enum',
    enum: PROJECT_STATUSES as ProjectStatus[],
    enumName: 'project_stage',
    default: 'negotiating',
  })
  stage: ProjectStatus;

  /** The stage before on_hold or lost, so resuming and reviving know where to go back to. */
  @Column({ type: 'enum', enum: PROJECT_STAGES, enumName: 'project_pipeline_stage', nullable: true })
  heldStage: ProjectStage | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  responsibleLeaderId: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'responsible_leader_id' })
  responsibleLeader?: User;

  @Column({ type: 'boolean', default: false })
  isKey: boolean;

  @Column({ type: 'enum', enum: CAPITAL_ORIGINS, enumName: 'capital_origin', nullable: true })
  capitalOrigin: CapitalOrigin | null;

  /** Source province (domestic) or country (foreign) of the capital. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  capitalSource: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  totalInvestmentWan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  fixedAssetWan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  contractedWan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  paidInWan: number | null;

  @Column({ type: 'int', nullable: true })
  projectedJobs: number | null;

  @Column({ type: 'int', nullable: true })
  contractedJobs: number | null;

  @Column({ type: 'int', nullable: true })
  actualJobs: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: bigintNumber })
  landMu: number | null;

  @Column({ type: 'int', nullable: true })
  factoryAreaM2: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  expectedOutputWan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  expectedTaxWan: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  chainNodeIds: string[];

  @Column({ type: 'date', nullable: true })
  signedAt: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  localUscc: string | null;

  @Column({ type: 'date', nullable: true })
  startedAt: string | null;

  @Column({ type: 'date', nullable: true })
  producingAt: string | null;

  /** Last stage move or timeline entry: the stalled check reads this. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastProgressAt: Date;
}
