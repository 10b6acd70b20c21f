import { PROJECT_STATUSES, type ProjectStatus } from '@lianqiao/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per stage move: from, to, when, who, note, reason and the evidence given. */
@Entity('project_stage_changes')
@Index(['projectId', 'at'])
export class ProjectStageChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @Column({ type: 'enum', enum: PROJECT_STATUSES as ProjectStatus[], enumName: 'project_stage', nullable: true })
  fromStage: ProjectStatus | null;

  @Column({ type: 'enum', enum: PROJECT_STATUSES as ProjectStatus[], enumName: 'project_stage' })
  toStage: ProjectStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  evidence: Record<string, unknown> | null;
}
