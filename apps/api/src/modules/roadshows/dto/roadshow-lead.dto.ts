import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay, IsInstant } from '../../../common/validation/dates';
import { IsChinaMobile, TrimToNull } from '../../../common/validation/validators';
import { MAX_WAN } from './roadshow.dto';
import { AtDistrictDay } from '../../../common/validation/district-day';

/** A lead met at the event, logged in a few seconds: everything but a name or a company is optional. */
export class RoadshowLeadDto {
  @ApiPropertyOptional({ maxLength: 200, description: "default: the company's name" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() companyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "an attendee of this event: gives the company and the contact's name and mobile",
  })
  @IsOptional()
  @IsUUID()
  attendeeId?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '万元' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  estimatedWan?: number | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
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
  @ApiPropertyOptional({ format: 'uuid', description: 'staff: a teammate; leaders: anyone. Default: the caller' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional({ description: 'create even though another team works the company (after the 409 warning)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeCollision?: boolean;
}

export class SigningProjectDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ description: '万元' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  totalInvestmentWan?: number;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isKey?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: '包保领导: a leader or admin' })
  @IsOptional()
  @IsUUID()
  responsibleLeaderId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'leaders: give the project to someone else' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

/** An on-site signing (现场签约): a project signed at the event, from one of its leads or directly. */
export class RoadshowSigningDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a lead of this event: qualified and converted as needed; or give `project`',
  })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ type: SigningProjectDto, description: 'a project signed directly, without a lead' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SigningProjectDto)
  project?: SigningProjectDto;

  @ApiPropertyOptional({
    example: '2026-12-10',
    description: "signing date, one of the event's days (China time); default: its first day",
  })
  @IsOptional()
  @IsCalendarDay()
  signedAt?: string;

  @ApiProperty({ description: 'contracted investment, 万元 (the evidence of signing)' })
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  contractedWan: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
