import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Session } from './session.entity';

/**
 * A refresh token that has been exchanged already. Kept for the session's life so that a second
 * use is recognised as what it is — the token was copied — and ends the session for both holders.
 */
@Entity('rotated_refresh_tokens')
export class RotatedRefreshToken {
  /** sha256 of the spent token, like Session.refreshTokenHash. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Session;

  @CreateDateColumn({ type: 'timestamptz' })
  rotatedAt: Date;
}
