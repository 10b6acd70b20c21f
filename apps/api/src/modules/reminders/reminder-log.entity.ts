import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per reminder sent: (kind, subject, user, period) is unique, so the scheduled job can run
 * on every API instance at once and each reminder is inserted by exactly one of them — the
 * notification is written in the same transaction as the row that claims it.
 */
@Entity('reminder_log')
@Index('UQ_reminder_log_key', ['kind', 'subjectId', 'userId', 'period'], { unique: true })
export class ReminderLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** What makes a repeat a new reminder: the follow-up's date, the time the project last moved, the card's submission. */
  @Column({ type: 'varchar', length: 40 })
  period: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
