import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportJob } from './import-job.entity';

/**
 * A checked row waiting for the write: the first pass stages every valid row here (so a file of
 * hundreds of thousands of rows never sits in memory), the write reads them back in order, and
 * the rows are deleted when the import ends.
 */
@Entity('import_rows')
export class ImportRow {
  @PrimaryColumn({ type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'int' })
  rowNo: number;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  importJob?: ImportJob;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
