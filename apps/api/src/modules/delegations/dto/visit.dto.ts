import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VisitDto } from '@lianqiao/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
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
} from 'class-validator';
import { IsInstant } from '../../../common/validation/dates';
import { IsChinaMobile, TrimToNull, IsVersion } from '../../../common/validation/validators';
import { AtDistrictDay } from '../../../common/validation/district-day';

const MAX_WAN = 100_000_000;
const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() companyId: string;

  @ApiProperty({
    example: '2026-12-02T10:00:00+08:00',
    description: "on one of the trip's days (China time), else 400 naming visitedAt",
  })
  @AtDistrictDay()
  @IsInstant()
  visitedAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: '王总（董事长）、李经理（投资部）' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  metWith?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'contacts of the company met, when on file' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 5000,
    description: 'giving it records the visit: an activity is written on the company',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  result?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  nextStep?: string | null;
}

export class UpdateVisitDto {
  @ApiPropertyOptional({ description: "on one of the trip's days" })
  @OptionalNotNull()
  @AtDistrictDay()
  @IsInstant()
  visitedAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  metWith?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the first summary records the visit (writes the company activity)',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  result?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  nextStep?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

/** The one more click after recording a visit: a lead whose source is the delegation. */
export class VisitLeadDto {
  @ApiPropertyOptional({ maxLength: 200, description: "default: the company's name" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
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
  @ApiPropertyOptional({ type: String, nullable: true, description: 'default: the first contact met' })
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
  @ApiPropertyOptional({ type: String, nullable: true, description: "default: the visit's summary and result" })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ description: 'create even though another team works the company (after the 409 warning)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeCollision?: boolean;
}

export class VisitResponseDto implements VisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty() visitedAt: string;
  @ApiProperty({ nullable: true, type: String }) metWith: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) contactIds: string[];
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) nextStep: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the company activity written when recorded',
  })
  activityId: string | null;
  @ApiProperty({ description: 'has a summary (a plan until then)' }) recorded: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leadId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export class VisitListResponseDto {
  @ApiProperty({ type: [VisitResponseDto] }) items: VisitResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the whole itinerary' }) nextCursor: null;
  @ApiProperty() total: number;
}
