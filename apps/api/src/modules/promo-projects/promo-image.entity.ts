import type { PromoImageSize } from '@lianqiao/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PromoProject } from './promo-project.entity';

/**
 * An uploaded image of a card, kept in PostgreSQL so that every instance serves it (no local disk).
 * Never changed after upload: a new picture is a new image, so its URLs can be cached for a year.
 */
@Entity('promo_images')
export class PromoImage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  promoProjectId: string;

  @ManyToOne(() => PromoProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promo_project_id' })
  promoProject?: PromoProject;

  /** Size of the largest stored variant. */
  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  /** What the upload was (image/jpeg, image/png, image/webp), found from its bytes. */
  @Column({ type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ type: 'integer' })
  sourceBytes: number;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One web size of an image, as WebP bytes. */
@Entity('promo_image_variants')
export class PromoImageVariant {
  @PrimaryColumn({ type: 'uuid' })
  imageId: string;

  @ManyToOne(() => PromoImage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'image_id' })
  image?: PromoImage;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  size: PromoImageSize;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'bytea' })
  bytes: Buffer;
}
