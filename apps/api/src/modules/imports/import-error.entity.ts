import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ImportJob } from './import-job.entity';

/** A bad cell or row of an import: where, and why. */
@Entity('import_errors')
@Index(['importId', 'row'])
export class ImportError {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  importId: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  importJob?: ImportJob;

  @Column({ type: 'int' })
  row: number;

  @Column({ type: 'varchar', length: 100 })
  column: string;

  @Column({ type: 'varchar', length: 500 })
  message: string;
}
