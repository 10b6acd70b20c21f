import { ATTENDEE_STATUSES, type AttendeeStatus } from '@lianqiao/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Company } from '../companies/company.entity';
import { Contact } from '../companies/contact.entity';
import { Roadshow } from './roadshow.entity';

/**
 * A company (and, when known, the person it sends) invited to or attending a roadshow. Whether
 * they came is `checkedInAt`, set at the door. Duplicates are refused by the service rather than
 * by a unique index, so that merging two companies can never fail on this table.
 */
@Entity('roadshow_attendees')
@Index('IDX_roadshow_attendees_roadshow', ['roadshowId', 'createdAt'])
export class RoadshowAttendee extends BaseEntity {
  @Column({ type: 'uuid' })
  roadshowId: string;

  @ManyToOne(() => Roadshow)
  @JoinColumn({ name: 'roadshow_id' })
  roadshow?: Roadshow;

  @Index()
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company)
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;

  @Column({ type: 'enum', enum: ATTENDEE_STATUSES, enumName: 'roadshow_attendee_status', default: 'invited' })
  status: AttendeeStatus;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
