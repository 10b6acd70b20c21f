import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportFormat,
  type ImportKind,
  type ImportStatus,
} from '@lianqiao/contracts';
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
import { User } from '../users/user.entity';

/**
 * One upload and its progress. Counters are written from outside the import's own transaction,
 * so GET /api/imports/{id} shows them while it runs; `updatedAt` doubles as the heartbeat.
 */
@Entity('imports')
@Index(['createdById', 'createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: IMPORT_KINDS, enumName: 'import_kind' })
  kind: ImportKind;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status', default: 'validating' })
  status: ImportStatus;

  @Column({ type: 'enum', enum: IMPORT_FORMATS, enumName: 'import_format' })
  format: ImportFormat;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'int', nullable: true })
  totalRows: number | null;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Column({ type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'int', default: 0 })
  createdCount: number;

  @Column({ type: 'int', default: 0 })
  skippedCount: number;

  @Column({ type: 'int', default: 0 })
  companiesCreated: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
