import { NOTIFICATION_KINDS, type NotificationKind } from '@lianqiao/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One line in a user's notification centre. Written by features inside their own transactions,
 * read and marked read only by the user it is for. Kinds are a closed list kept in contracts; the
 * column is text with a check so a new kind needs no enum migration, only a new check.
 */
@Entity('notifications')
@Index(['userId', 'createdAt', 'id'])
@Index('IDX_notifications_unread', ['userId'], { where: 'read_at IS NULL' })
@Check('CHK_notifications_kind', `kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** A console route, e.g. "/leads/{id}". */
  @Column({ type: 'varchar', length: 500 })
  link: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
