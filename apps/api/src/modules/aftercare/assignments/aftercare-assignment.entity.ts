import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { Company } from '../../companies/company.entity';
import { User } from '../../users/user.entity';

/**
 * Who looks after an enterprise once it has landed: its 包保领导 and its 政府事务代表, and whether an
 * admin put it into aftercare before any project landed. One row per company, kept so by the
 * service rather than a unique index: merging two companies repoints their rows (see
 * COMPANY_REFERENCES) and must not fail; the most recently changed row is then the company's,
 * and the next change folds the others away.
 */
@Entity('aftercare_assignments')
@Index('IDX_aftercare_assignments_company', ['companyId', 'updatedAt'])
export class AftercareAssignment extends BaseEntity {
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'boolean', default: false })
  aftercareEligible: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  responsibleLeaderId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_leader_id' })
  responsibleLeader?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  affairsRepId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'affairs_rep_id' })
  affairsRep?: User;
}
