import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PromoProject } from '../promo-projects/promo-project.entity';
import { User } from '../users/user.entity';

/**
 * An investor's interest left on a card's page: the form as sent, who it was credited to, and the
 * lead it became. The same card and mobile again within minutes is merged into the same row.
 */
@Entity('card_interests')
@Index(['promoProjectId', 'mobile', 'createdAt'])
@Index(['ownerId', 'createdAt'])
export class CardInterest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  promoProjectId: string;

  @ManyToOne(() => PromoProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promo_project_id' })
  promoProject?: PromoProject;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  company: string;

  @Column({ type: 'varchar', length: 11 })
  mobile: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** The `r` of the link, as sent. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  referralCode: string | null;

  /** The staff member whose link it was, when the code is theirs. */
  @Column({ type: 'uuid', nullable: true })
  referrerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referrer_id' })
  referrer?: User;

  /** Who must answer: the referrer, else the card's owner. */
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /** The card_interest lead made from it, once the leads module records one. */
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ type: 'integer', default: 1 })
  submissionCount: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSubmittedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
