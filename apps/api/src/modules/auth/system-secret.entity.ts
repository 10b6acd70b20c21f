import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the instances share when none is configured (the JWT signing key). */
@Entity('system_secrets')
export class SystemSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
