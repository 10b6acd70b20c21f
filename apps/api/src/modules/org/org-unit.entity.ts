import { ORG_UNIT_KINDS, type OrgUnitKind } from '@lianqiao/contracts';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';

/** A department, town/sub-district or development zone of the district government. */
@Entity('org_units')
export class OrgUnit extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ORG_UNIT_KINDS, enumName: 'org_unit_kind' })
  kind: OrgUnitKind;
}
