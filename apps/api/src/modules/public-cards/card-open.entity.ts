import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { PromoProject } from '../promo-projects/promo-project.entity';

/**
 * One open of a card page. Never the visitor's address: `visitorHash` is a hash of address and
 * browser with a salt that changes every day, so a visitor is counted once a day and cannot be
 * followed from one day to the next.
 */
@Entity('card_opens')
@Index(['promoProjectId', 'openedAt'])
export class CardOpen {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  promoProjectId: string;

  @ManyToOne(() => PromoProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promo_project_id' })
  promoProject?: PromoProject;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  /** The `r` the link carried, when it looked like a referral code (not necessarily a known one). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  referralCode: string | null;

  @Column({ type: 'char', length: 32 })
  visitorHash: string;

  /** Opened in WeChat's browser (MicroMessenger). */
  @Column({ type: 'boolean' })
  wechat: boolean;

  /** A phone or tablet rather than a desktop. */
  @Column({ type: 'boolean' })
  mobile: boolean;
}

/** The day's salt for visitor hashes, in the database so that every instance uses the same one. */
@Entity('card_visitor_salts')
export class CardVisitorSalt {
  /** The China-time calendar day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 64 })
  salt: string;
}
