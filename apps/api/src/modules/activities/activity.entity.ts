import { ACTIVITY_KINDS, SUBJECT_TYPES, type ActivityKind, type SubjectType } from '@lianqiao/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A follow-up record (跟进记录) on a company, lead or project; stage changes, card scans and
 * interests appear in the same timeline. Append-only: corrections are new entries.
 */
@Entity('activities')
@Index('IDX_activities_subject', ['subjectType', 'subjectId', 'occurredAt'])
@Index('IDX_activities_team_occurred', ['teamId', 'occurredAt'])
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: SUBJECT_TYPES, enumName: 'subject_type' })
  subjectType: SubjectType;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'enum', enum: ACTIVITY_KINDS, enumName: 'activity_kind' })
  kind: ActivityKind;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  nextStep: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  participants: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null;

  /** The team whose work this is: staff of other teams do not see it. */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  meta: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
