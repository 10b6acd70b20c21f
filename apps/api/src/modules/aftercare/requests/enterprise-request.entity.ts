import {
  ESCALATION_REASONS,
  REQUEST_CATEGORIES,
  REQUEST_SOURCES,
  REQUEST_STATUSES,
  type EscalationReason,
  type RequestCategory,
  type RequestSource,
  type RequestStatus,
} from '@lianqiao/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { Company } from '../../companies/company.entity';
import { OrgUnit } from '../../org/org-unit.entity';
import { User } from '../../users/user.entity';

/**
 * An enterprise's request (企业诉求): what it needs from the government, routed to a department,
 * due by a deadline, resolved, then confirmed and rated by the enterprise through a one-time link.
 * Overdue requests escalate to the company's 包保领导. `status` changes only through the service.
 */
@Entity('enterprise_requests')
@Index('IDX_enterprise_requests_company', ['companyId', 'createdAt'])
@Index('IDX_enterprise_requests_org_unit', ['orgUnitId', 'status', 'createdAt'])
@Index('IDX_enterprise_requests_status_due', ['status', 'dueAt'])
@Index('IDX_enterprise_requests_created', ['createdAt', 'id'])
@Check('CHK_enterprise_requests_satisfaction', 'satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5')
export class EnterpriseRequest extends BaseEntity {
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'enum', enum: REQUEST_CATEGORIES, enumName: 'request_category' })
  category: RequestCategory;

  /** 办不成事: could not get done through the normal channels; leaders review these as a list. */
  @Column({ type: 'boolean', default: false })
  cannotBeDone: boolean;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'enum', enum: REQUEST_SOURCES, enumName: 'request_source' })
  source: RequestSource;

  /** Who at the enterprise to call back (the public form asks for it). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactMobile: string | null;

  /** The department the request is routed to. */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit;

  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'enum', enum: REQUEST_STATUSES, enumName: 'request_status', default: 'open' })
  status: RequestStatus;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'enum', enum: ESCALATION_REASONS, enumName: 'request_escalation_reason', nullable: true })
  escalationReason: EscalationReason | null;

  /** The 包保领导 (or, without one, the representative) it was escalated to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;

  @Column({ type: 'text', nullable: true })
  satisfactionComment: string | null;

  /**
   * The enterprise's one-time link to confirm and rate the resolution: set when resolved, stamped
   * used when answered. A capability like the QR token, so kept as is to be shown again.
   */
  @Index('UQ_enterprise_requests_feedback_token', { unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  feedbackToken: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  feedbackUsedAt: Date | null;

  /** Staff or representative who logged it; null when the enterprise sent it. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  loggedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'logged_by_id' })
  loggedBy?: User;

  /** The logger's team at the time: the team's staff see it. */
  @Column({ type: 'uuid', nullable: true })
  loggedByTeamId: string | null;
}
