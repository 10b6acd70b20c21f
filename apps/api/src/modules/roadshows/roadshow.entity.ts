import { ROADSHOW_FORMATS, type RoadshowFormat } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { User } from '../users/user.entity';

const bigintNumber = { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A promotion event (推介会), in the district or in another city. What it produced is never stored
 * here: leads and projects point at it through their `sourceRefId`, and the yield is counted from them.
 */
@Entity('roadshows')
@Index('IDX_roadshows_starts', ['startsAt', 'id'])
@Index('IDX_roadshows_team_starts', ['teamId', 'startsAt'])
@Index('IDX_roadshows_owner', ['ownerId'])
export class Roadshow extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  city: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'enum', enum: ROADSHOW_FORMATS, enumName: 'roadshow_format' })
  format: RoadshowFormat;

  /** Hosting and co-hosting bodies (主办/承办), as written on the invitation. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hosts: string[];

  /** Target chains and sectors by code (see /api/chains). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  chainCodes: string[];

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetWan: number | null;

  /** Promoted projects (推介项目) shown at the event; kept as ids so the two features stay apart. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  promoProjectIds: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;
}
