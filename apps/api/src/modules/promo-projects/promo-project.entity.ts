import {
  PROMO_KINDS,
  PROMO_REVIEW_STATES,
  PROMO_STATUSES,
  type PromoKind,
  type PromoReviewState,
  type PromoStatus,
} from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Team } from '../org/team.entity';
import { User } from '../users/user.entity';

/** numeric columns come back from pg as strings; the API speaks numbers. */
export const numericColumn = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A promoted project (推介项目) and its card. This row is the working copy staff edit; what the
 * public sees is the approved snapshot in promo_project_versions that `liveVersionId` points at,
 * so an edit of a published card never shows before a leader approves it.
 */
@Entity('promo_projects')
@Index(['teamId', 'updatedAt'])
@Index(['status'])
export class PromoProject extends BaseEntity {
  @Column({ type: 'enum', enum: PROMO_KINDS, enumName: 'promo_kind' })
  kind: PromoKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  summary: string;

  /** Chain segments (链环节) the project fills; ids of chain nodes. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  chainNodeIds: string[];

  @Column({ type: 'varchar', length: 120, nullable: true })
  location: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericColumn })
  landMu: number | null;

  @Column({ type: 'integer', nullable: true })
  floorAreaM2: number | null;

  @Column({ type: 'integer', nullable: true })
  investmentScaleWan: number | null;

  /** Sanitised HTML (sanitize-html, a small whitelist). */
  @Column({ type: 'text', default: '' })
  advantages: string;

  /** Sanitised HTML (sanitize-html, a small whitelist). */
  @Column({ type: 'text', default: '' })
  policies: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactName: string | null;

  /** The promoter's public work line. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'uuid', nullable: true })
  coverImageId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  galleryImageIds: string[];

  @Column({ type: 'enum', enum: PROMO_STATUSES, enumName: 'promo_status', default: 'draft' })
  status: PromoStatus;

  @Column({ type: 'enum', enum: PROMO_REVIEW_STATES, enumName: 'promo_review_state', default: 'editing' })
  reviewState: PromoReviewState;

  /** The leader's comment when the working copy was returned. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reviewComment: string | null;

  /** The short public address /c/{slug}; never changes, so printed QR codes keep working. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  slug: string;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Index()
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  /** The approved snapshot the public sees; null until the first approval. */
  @Column({ type: 'uuid', nullable: true })
  liveVersionId: string | null;

  @Column({ type: 'integer', nullable: true })
  liveVersionNumber: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;
}
