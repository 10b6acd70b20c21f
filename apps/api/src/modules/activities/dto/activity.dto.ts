import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  SUBJECT_TYPES,
  type ActivityDto,
  type ActivityKind,
  type SubjectType,
} from '@lianqiao/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../../common/validation/dates';
import { TrimToNull } from '../../../common/validation/validators';
import type { Activity } from '../activity.entity';
import { AtDistrictDay } from '../../../common/validation/district-day';

/** Kinds a person logs; stage changes, scans and interests are written by the system. */
export const LOGGABLE_KINDS = [
  'call',
  'visit',
  'meeting',
  'online_meeting',
  'wechat',
  'email',
  'reception',
  'note',
] as const;

export class ActivityQueryDto {
  @ApiProperty({ enum: SUBJECT_TYPES }) @IsIn(SUBJECT_TYPES) subjectType: SubjectType;
  @ApiProperty() @IsUUID() subjectId: string;
}

export class CreateActivityDto {
  @ApiProperty({ enum: SUBJECT_TYPES }) @IsIn(SUBJECT_TYPES) subjectType: SubjectType;
  @ApiProperty() @IsUUID() subjectId: string;
  @ApiProperty({ enum: LOGGABLE_KINDS }) @IsIn(LOGGABLE_KINDS) kind: ActivityKind;
  @ApiProperty({ example: '2026-11-20T10:00:00+08:00' }) @AtDistrictDay() @IsInstant() occurredAt: string;
  @ApiProperty({ example: '电话沟通投资意向，对方关注标准厂房' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  nextStep?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  participants?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "sets the lead's next follow-up date at the same time",
  })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  nextFollowUpAt?: string | null;
}

export class ActivityResponseDto implements ActivityDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty() subjectId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty() occurredAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String }) nextStep: string | null;
  @ApiProperty({ nullable: true, type: String }) participants: string | null;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: Object, additionalProperties: true }) meta: Record<string, unknown> | null;
  @ApiProperty() createdAt: string;

  static from(a: Activity): ActivityResponseDto {
    return {
      id: a.id,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      kind: a.kind,
      occurredAt: a.occurredAt.toISOString(),
      summary: a.summary,
      nextStep: a.nextStep,
      participants: a.participants,
      actorId: a.actorId,
      actorName: a.actorName,
      meta: a.meta,
      createdAt: a.createdAt.toISOString(),
    };
  }
}
