import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ESCALATION_REASONS,
  PUBLIC_REQUEST_LIMITS,
  REQUEST_CATEGORIES,
  REQUEST_SOURCES,
  REQUEST_STATUSES,
  REQUEST_TRANSITION_TARGETS,
  type EnterpriseRequestDto,
  type EscalationReason,
  type FeedbackLinkDto,
  type RequestCategory,
  type RequestCategoryInfoDto,
  type RequestSource,
  type RequestStatsDto,
  type RequestStatsRowDto,
  type RequestStatus,
  type RequestTransitionTarget,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDay, IsInstant } from '../../../../common/validation/dates';
import { ListQueryDto } from '../../../../common/pagination/list-query.dto';
import { IsChinaMobile, TrimToNull, IsVersion } from '../../../../common/validation/validators';
import { AtDistrictDay } from '../../../../common/validation/district-day';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateRequestDto {
  @ApiProperty() @IsUUID() companyId: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) @IsIn(REQUEST_CATEGORIES) category: RequestCategory;
  @ApiProperty({ maxLength: PUBLIC_REQUEST_LIMITS.description, example: '新厂房用电增容申请已提交一个月，尚未接电' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PUBLIC_REQUEST_LIMITS.description)
  description: string;
  @ApiPropertyOptional({ description: '办不成事: could not get done through normal channels' })
  @IsOptional()
  @IsBoolean()
  cannotBeDone?: boolean;
  @ApiPropertyOptional({ description: 'route at once to this department' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({
    description: 'the deadline; on creation it defaults to the category’s days (see GET /api/requests/categories)',
  })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  dueAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PUBLIC_REQUEST_LIMITS.contactName)
  contactName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsChinaMobile()
  contactMobile?: string | null;
}

export class UpdateRequestDto extends PartialType(
  PickType(CreateRequestDto, [
    'category',
    'description',
    'cannotBeDone',
    'dueAt',
    'contactName',
    'contactMobile',
  ] as const),
) {
  @ApiProperty() @IsVersion() version: number;
}

export class RouteRequestDto {
  @ApiProperty({ description: 'the department (org unit of kind department) to handle it' })
  @IsUUID()
  orgUnitId: string;
  @ApiPropertyOptional({ description: 'a new deadline; required when routing an escalated request again' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  dueAt?: string;
  @ApiPropertyOptional({ type: String, description: 'a word for the department, written to the company’s timeline' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class RequestTransitionDto {
  @ApiProperty({ enum: REQUEST_TRANSITION_TARGETS }) @IsIn(REQUEST_TRANSITION_TARGETS) to: RequestTransitionTarget;
  @ApiPropertyOptional({ description: 'required to resolve: what was done' })
  @ValidateIf((dto: RequestTransitionDto) => dto.to === 'resolved' || dto.resolution !== undefined)
  @IsString()
  @IsNotEmpty({ message: '办结时须填写办理结果' })
  @MaxLength(PUBLIC_REQUEST_LIMITS.description)
  resolution?: string;
  @ApiPropertyOptional({ type: String, description: 'why (escalating) or a remark' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class RequestListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES) status?: RequestStatus;
  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES }) @IsOptional() @IsIn(REQUEST_CATEGORIES) category?: RequestCategory;
  @ApiPropertyOptional({ enum: REQUEST_SOURCES }) @IsOptional() @IsIn(REQUEST_SOURCES) source?: RequestSource;
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ description: 'routed to this department' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ description: 'true: routed to the caller’s own department' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  routedToMe?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() cannotBeDone?: boolean;
  @ApiPropertyOptional({ description: 'true: still open past the deadline' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'submitted on or after (ISO time)' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'submitted before (ISO time)' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  to?: string;
}

export class RequestStatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'first China day of submissions counted' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'last China day of submissions counted (inclusive)' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

export class RequestResponseDto implements EnterpriseRequestDto {
  @ApiProperty() id: string;
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category: RequestCategory;
  @ApiProperty({ description: '办不成事' }) cannotBeDone: boolean;
  @ApiProperty() description: string;
  @ApiProperty({ enum: REQUEST_SOURCES }) source: RequestSource;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactMobile: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the routed department' }) orgUnitId: string | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
  @ApiProperty({ nullable: true, type: String }) routedAt: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({ description: 'open, in progress or escalated past dueAt' }) overdue: boolean;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the last escalation' }) escalatedAt: string | null;
  @ApiProperty({ enum: ESCALATION_REASONS, nullable: true }) escalationReason: EscalationReason | null;
  @ApiProperty({ nullable: true, type: String }) escalatedToId: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) satisfaction: number | null;
  @ApiProperty({ nullable: true, type: String }) satisfactionComment: string | null;
  @ApiProperty({ nullable: true, type: String }) loggedById: string | null;
  @ApiProperty({ nullable: true, type: String }) loggedByName: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class RequestPageDto {
  @ApiProperty({ type: [RequestResponseDto] }) items: RequestResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class FeedbackLinkResponseDto implements FeedbackLinkDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ description: 'the enterprise’s one-time page (console route /f/{token})' }) url: string;
  @ApiProperty({ description: 'QR code of url, an SVG document' }) qrSvg: string;
  @ApiProperty({ description: 'the enterprise has answered: the link no longer works' }) used: boolean;
}

export class RequestCategoryInfoResponseDto implements RequestCategoryInfoDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category: RequestCategory;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'configured days to resolve' }) dueDays: number;
}

export class RequestCategoryListDto {
  @ApiProperty({ type: [RequestCategoryInfoResponseDto] }) items: RequestCategoryInfoResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class RequestStatsRowResponseDto implements RequestStatsRowDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: not yet routed' }) orgUnitId: string | null;
  @ApiProperty() orgUnitName: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'resolved or confirmed' }) resolved: number;
  @ApiProperty({ description: 'resolved after the deadline, or unresolved past it' }) overdue: number;
  @ApiProperty({ description: 'escalated at least once' }) escalated: number;
  @ApiProperty({ nullable: true, type: Number, description: 'hours from submission to resolution, one decimal' })
  medianHoursToResolve: number | null;
  @ApiProperty({ nullable: true, type: Number }) avgHoursToResolve: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'two decimals' }) avgSatisfaction: number | null;
  @ApiProperty() ratedCount: number;
}

export class RequestStatsResponseDto implements RequestStatsDto {
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: [RequestStatsRowResponseDto] }) rows: RequestStatsRowResponseDto[];
  @ApiProperty({ type: RequestStatsRowResponseDto }) total: RequestStatsRowResponseDto;
}
