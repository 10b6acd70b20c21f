import { CULTIVATION_GOALS, type CultivationGoal, type MilestoneDto } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { Company } from '../../companies/company.entity';
import { User } from '../../users/user.entity';

const numeric = { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A company in the cultivation pool (企业培育库) towards one goal, with its plan (一企一策):
 * measures, an owner and dated milestones. `progress` and `nextDueOn` are derived from the
 * milestones on every write, so the pool can be ordered by who is closest to the goal.
 */
@Entity('cultivation_entries')
@Index('IDX_cultivation_entries_goal_progress', ['goal', 'progress', 'nextDueOn'])
@Index('IDX_cultivation_entries_company', ['companyId'])
export class CultivationEntry extends BaseEntity {
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'enum', enum: CULTIVATION_GOALS, enumName: 'cultivation_goal' })
  goal: CultivationGoal;

  @Column({ type: 'text' })
  measures: string;

  @Index()
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  milestones: MilestoneDto[];

  /** Share of milestones done, 0–1. */
  @Column({ type: 'numeric', precision: 5, scale: 4, default: 0, transformer: numeric })
  progress: number;

  @Column({ type: 'date', nullable: true })
  nextDueOn: string | null;

  /** The goal was reached (入规, recognised as 专精特新, listed). */
  @Column({ type: 'date', nullable: true })
  achievedOn: string | null;
}
