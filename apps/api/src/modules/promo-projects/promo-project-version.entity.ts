import type { PromoContentDto } from '@lianqiao/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PromoProject } from './promo-project.entity';

/**
 * An approved version of a card's content, frozen: the public page reads the live one, and the
 * history shows what was public when.
 */
@Entity('promo_project_versions')
@Index(['promoProjectId', 'number'], { unique: true })
export class PromoProjectVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  promoProjectId: string;

  @ManyToOne(() => PromoProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promo_project_id' })
  promoProject?: PromoProject;

  /** 1, 2, 3… per card. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  content: PromoContentDto;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'uuid' })
  approvedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  approvedAt: Date;
}
