import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadDto, type LeadSource, type LeadStatus } from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsInstant } from '../../../common/validation/dates';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { IsChinaMobile, TrimToNull, IsVersion } from '../../../common/validation/validators';
import { ProjectResponseDto } from '../../projects/dto/project.dto';
import type { Lead } from '../lead.entity';
import { AtDistrictDay } from '../../../common/validation/district-day';

const MAX_WAN = 100_000_000; // 1 万亿元: beyond any real project

export class CreateLeadDto {
  @ApiProperty({ example: '某新能源电池项目' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() companyId?: string | null;
  @ApiProperty({ enum: LEAD_SOURCES }) @IsIn(LEAD_SOURCES) source: LeadSource;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the roadshow, delegation, card or referring company',
  })
  @IsOptional()
  @IsUUID()
  sourceRefId?: string | null;
  @ApiPropertyOptional({ description: 'leaders and admins may give the lead to someone else' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '万元' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  estimatedWan?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  nextFollowUpAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  contactName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsChinaMobile()
  contactMobile?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiPropertyOptional({ description: 'create even though another team is working this company (撞单 warning seen)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeCollision?: boolean;
}

export class UpdateLeadDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() companyId?: string | null;
  @ApiPropertyOptional({
    enum: ['new', 'following', 'qualified', 'invalid'],
    description: 'converted only through /convert',
  })
  @IsOptional()
  @IsIn(['new', 'following', 'qualified', 'invalid'])
  status?: Exclude<LeadStatus, 'converted'>;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'required when status is invalid' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  invalidReason?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_WAN) estimatedWan?:
    number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @AtDistrictDay()
  @IsInstant()
  nextFollowUpAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  contactName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsChinaMobile()
  contactMobile?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class ConvertLeadDto {
  @ApiPropertyOptional({ description: "project name; defaults to the lead's" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ description: '万元' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  totalInvestmentWan?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() responsibleLeaderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isKey?: boolean;
  @ApiProperty() @IsVersion() version: number;
}

export const LEAD_SORTABLE = ['createdAt', 'updatedAt', 'name', 'estimatedWan', 'nextFollowUpAt'] as const;

export class LeadListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional({
    description: `one source, or several separated by commas (${LEAD_SOURCES.join(', ')})`,
    example: 'card_interest,inbound_visit',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @IsIn(LEAD_SOURCES, { each: true })
  source?: LeadSource[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() sourceRefId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chainNode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ description: 'created on or after' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'created before' }) @IsOptional() @AtDistrictDay() @IsInstant() to?: string;
  @ApiPropertyOptional({ description: 'only leads whose next follow-up is past' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'true: the owner has responded (firstResponseAt set); false: not yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  responded?: boolean;
  @ApiPropertyOptional({ description: 'admins: deleted leads' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  deleted?: boolean;
}

export class LeadResponseDto implements LeadDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) companyId: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty({ enum: LEAD_SOURCES }) source: LeadSource;
  @ApiProperty({ nullable: true, type: String }) sourceRefId: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiProperty({ nullable: true, type: String }) invalidReason: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: Number }) estimatedWan: number | null;
  @ApiProperty({ type: [String] }) chainNodeIds: string[];
  @ApiProperty({ nullable: true, type: String }) nextFollowUpAt: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactMobile: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String }) projectId: string | null;
  @ApiProperty({ nullable: true, type: String }) firstResponseAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;

  static from(l: Lead): LeadResponseDto {
    return {
      id: l.id,
      name: l.name,
      companyId: l.companyId,
      companyName: l.company?.name ?? null,
      source: l.source,
      sourceRefId: l.sourceRefId,
      status: l.status,
      invalidReason: l.invalidReason,
      ownerId: l.ownerId,
      ownerName: l.owner?.displayName ?? null,
      teamId: l.teamId,
      estimatedWan: l.estimatedWan,
      chainNodeIds: l.chainNodeIds,
      nextFollowUpAt: l.nextFollowUpAt?.toISOString() ?? null,
      contactName: l.contactName,
      contactMobile: l.contactMobile,
      notes: l.notes,
      projectId: l.projectId,
      firstResponseAt: l.firstResponseAt?.toISOString() ?? null,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
      version: l.version,
    };
  }
}

export class ConvertLeadResponseDto {
  @ApiProperty({ type: ProjectResponseDto, description: 'the project the lead became' }) project: ProjectResponseDto;
}
