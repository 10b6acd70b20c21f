import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Company } from '../companies/company.entity';
import { Delegation } from './delegation.entity';

/**
 * One stop of a delegation's itinerary: a company visited (or received) at a time within the trip.
 * Planned first; once it has a summary it is recorded, which writes an activity on the company.
 */
@Entity('delegation_visits')
@Index('IDX_delegation_visits_delegation', ['delegationId', 'visitedAt'])
export class DelegationVisit extends BaseEntity {
  @Column({ type: 'uuid' })
  delegationId: string;

  @ManyToOne(() => Delegation)
  @JoinColumn({ name: 'delegation_id' })
  delegation?: Delegation;

  @Index()
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company)
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'timestamptz' })
  visitedAt: Date;

  /** Whom they met, as written down (names and titles). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  metWith: string | null;

  /** Contacts of the company met, when they are on file. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  contactIds: string[];

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'text', nullable: true })
  nextStep: string | null;

  /** The company timeline entry written when the visit was first recorded. */
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  /** The lead made from this visit (its sourceRefId is the delegation). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;
}
