import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportJob } from './import-job.entity';

/**
 * An uploaded file while its import waits and is checked, in parts of a few megabytes: in the
 * database, so whichever instance's job engine picks the import up can read it, and a crash
 * leaves nothing on one machine's disk that only that machine could clean. Deleted once checked.
 */
@Entity('import_files')
export class ImportFile {
  @PrimaryColumn({ type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'int' })
  part: number;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  importJob?: ImportJob;

  @Column({ type: 'bytea' })
  data: Buffer;
}
