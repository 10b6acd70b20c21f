import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Company } from '../../companies/company.entity';

/**
 * The token behind an enterprise's QR code: whoever holds it may send requests for that company
 * through the public form. Revoked when rotated (a leaked code); several may point at one company
 * after a merge, and all of them keep working.
 */
@Entity('aftercare_request_links')
export class RequestLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Index('UQ_aftercare_request_links_token', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  token: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
