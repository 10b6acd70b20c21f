import { DELEGATION_DIRECTIONS, type DelegationDirection } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { User } from '../users/user.entity';

/**
 * A delegation (招商小分队): an outbound trip knocking on doors in other cities (走出去), or an
 * inbound reception of investors who come to look (请进来). Its itinerary is its visits; its yield
 * is counted from the leads that point at it.
 */
@Entity('delegations')
@Index('IDX_delegations_starts', ['startsOn', 'id'])
@Index('IDX_delegations_team_starts', ['teamId', 'startsOn'])
@Index('IDX_delegations_owner', ['ownerId'])
export class Delegation extends BaseEntity {
  @Column({ type: 'enum', enum: DELEGATION_DIRECTIONS, enumName: 'delegation_direction' })
  direction: DelegationDirection;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Destination cities (outbound) or the visitors' home cities (inbound). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities: string[];

  /** Dates in China time: a visit must fall on one of these days. */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  memberIds: string[];

  /** The leading official (带队领导). */
  @Column({ type: 'uuid', nullable: true })
  leaderId: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'leader_id' })
  leader?: User;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;
}
