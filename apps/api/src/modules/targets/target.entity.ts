import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Team } from '../org/team.entity';

const bigintNumber = { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A year's targets (年度目标) for the district (teamId null) or one team (专班). One live row per
 * (year, team): PostgreSQL treats NULLs as distinct, so the district's row has its own index.
 */
@Entity('targets')
@Index('UQ_targets_year_team', ['year', 'teamId'], {
  unique: true,
  where: 'team_id IS NOT NULL AND deleted_at IS NULL',
})
@Index('UQ_targets_year_district', ['year'], { unique: true, where: 'team_id IS NULL AND deleted_at IS NULL' })
export class Target extends BaseEntity {
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column({ type: 'int', default: 0 })
  newLeads: number;

  @Column({ type: 'int', default: 0 })
  projectsSigned: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  contractedWan: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  paidInDomesticWan: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  paidInForeignWan: number;

  @Column({ type: 'int', default: 0 })
  projectsStarted: number;

  @Column({ type: 'int', default: 0 })
  projectsInProduction: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;
}
