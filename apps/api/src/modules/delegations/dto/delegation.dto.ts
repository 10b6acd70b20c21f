import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELEGATION_DIRECTIONS,
  DELEGATION_SORTABLE,
  LEAD_STATUSES,
  type CompanyTouchDto,
  type DelegationDirection,
  type DelegationDto,
  type DelegationListItemDto,
  type DelegationReportDto,
  type DelegationYieldDto,
  type ItineraryTouchDto,
  type LeadStatus,
  type Page,
  type ReportContactDto,
  type ReportVisitDto,
  type UserRefDto,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDay } from '../../../common/validation/dates';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { TrimToNull, IsVersion } from '../../../common/validation/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateDelegationDto {
  @ApiProperty({ enum: DELEGATION_DIRECTIONS, description: 'outbound 走出去 / inbound 请进来; fixed once created' })
  @IsIn(DELEGATION_DIRECTIONS)
  direction: DelegationDirection;

  @ApiProperty({ maxLength: 200, example: '汽车专班赴沪招商小分队' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['上海', '苏州'],
    description: 'destinations (outbound) or where the visitors come from (inbound)',
  })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(32, { each: true })
  cities?: string[];

  @ApiProperty({ example: '2026-12-01', description: 'first day, China time' })
  @IsCalendarDay()
  startsOn: string;

  @ApiProperty({ example: '2026-12-03', description: 'last day; not before startsOn, else 400 naming endsOn' })
  @IsCalendarDay()
  endsOn: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 30,
    description: 'active users going (or receiving)',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the leading official (带队领导): a leader or admin',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  leaderId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  purpose?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'staff: a teammate; leaders and admins: anyone. Default: the caller',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class UpdateDelegationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(32, { each: true })
  cities?: string[];
  @ApiPropertyOptional({ description: 'every visit must stay within the trip: else 422 naming this field' })
  @OptionalNotNull()
  @IsCalendarDay()
  startsOn?: string;
  @ApiPropertyOptional({ description: 'every visit must stay within the trip: else 422 naming this field' })
  @OptionalNotNull()
  @IsCalendarDay()
  endsOn?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  leaderId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  purpose?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiProperty({ description: 'the version read; a stale one gets 409' }) @IsVersion() version: number;
}

export class DeleteDelegationQueryDto {
  @ApiPropertyOptional({ description: 'when given, a stale version gets 409' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsVersion()
  version?: number;
}

export class DelegationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: DELEGATION_SORTABLE.flatMap((f) => [`${f}:asc`, `${f}:desc`]),
    description: 'default startsOn:desc',
  })
  @IsOptional()
  @IsString()
  override sort?: string = undefined;
  @ApiPropertyOptional({ enum: DELEGATION_DIRECTIONS })
  @IsOptional()
  @IsIn(DELEGATION_DIRECTIONS)
  direction?: DelegationDirection;
  @ApiPropertyOptional({ example: '上海' }) @IsOptional() @IsString() @MaxLength(32) city?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'trips ending on or after this day' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'trips starting on or before this day' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'trips this user goes on (member or leading official)' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'admins: deleted trips' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  deleted?: boolean;
}

export class UserRefResponseDto implements UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

export class DelegationResponseDto implements DelegationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DELEGATION_DIRECTIONS }) direction: DelegationDirection;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) cities: string[];
  @ApiProperty({ example: '2026-12-01' }) startsOn: string;
  @ApiProperty({ example: '2026-12-03' }) endsOn: string;
  @ApiProperty({ type: [String], format: 'uuid' }) memberIds: string[];
  @ApiProperty({ type: [UserRefResponseDto] }) members: UserRefResponseDto[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leaderId: string | null;
  @ApiProperty({ type: UserRefResponseDto, nullable: true }) leader: UserRefResponseDto | null;
  @ApiProperty({ nullable: true, type: String }) purpose: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) teamId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class DelegationYieldResponseDto implements DelegationYieldDto {
  @ApiProperty({ description: 'visits on the itinerary' }) visits: number;
  @ApiProperty({ description: 'visits with a summary recorded' }) recordedVisits: number;
  @ApiProperty({ description: 'distinct companies visited' }) companies: number;
  @ApiProperty({ description: 'live leads whose sourceRefId is the delegation' }) leads: number;
  @ApiProperty({ description: 'of those: qualified or converted' }) qualifiedLeads: number;
  @ApiProperty() convertedLeads: number;
  @ApiProperty({ description: 'projects from those leads or linked directly' }) projects: number;
  @ApiProperty({ description: 'signed or beyond now, or on hold after signing' }) signedProjects: number;
  @ApiProperty({ description: 'signed then lost (not in signedProjects)' }) lostAfterSigning: number;
  @ApiProperty({ description: '万元 contracted by signedProjects' }) contractedWan: number;
}

export class DelegationListItemResponseDto extends DelegationResponseDto implements DelegationListItemDto {
  @ApiProperty({ type: DelegationYieldResponseDto }) yield: DelegationYieldResponseDto;
}

export class DelegationPageDto implements Page<DelegationListItemResponseDto> {
  @ApiProperty({ type: [DelegationListItemResponseDto] }) items: DelegationListItemResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class CompanyTouchResponseDto implements CompanyTouchDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) teamId: string | null;
  @ApiProperty() teamName: string;
  @ApiProperty() leadCount: number;
  @ApiProperty() projectCount: number;
  @ApiProperty({ nullable: true, type: String }) lastActedAt: string | null;
  @ApiProperty({ description: "the delegation's own team" }) ownTeam: boolean;
}

export class ItineraryTouchResponseDto implements ItineraryTouchDto {
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ type: [String], format: 'uuid' }) visitIds: string[];
  @ApiProperty({
    type: [CompanyTouchResponseDto],
    description: 'teams holding leads, projects or timeline entries on the company, latest first',
  })
  touches: CompanyTouchResponseDto[];
  @ApiProperty({ description: 'how many other teams have touched it' }) otherTeams: number;
}

export class ItineraryTouchListDto {
  @ApiProperty({ type: [ItineraryTouchResponseDto] }) items: ItineraryTouchResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null' }) nextCursor: null;
  @ApiProperty() total: number;
}

export class ReportContactResponseDto implements ReportContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
}

export class ReportLeadResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiProperty() deleted: boolean;
}

export class ReportVisitResponseDto implements ReportVisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() visitedAt: string;
  @ApiProperty({ example: '2026-12-02', description: 'China date' }) date: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ nullable: true, type: String }) companyCity: string | null;
  @ApiProperty({ nullable: true, type: String }) metWith: string | null;
  @ApiProperty({ type: [ReportContactResponseDto] }) contacts: ReportContactResponseDto[];
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) nextStep: string | null;
  @ApiProperty({ type: ReportLeadResponseDto, nullable: true }) lead: ReportLeadResponseDto | null;
}

export class ReportDelegationResponseDto extends DelegationResponseDto {
  @ApiProperty({ example: '走出去' }) directionLabel: string;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty({ description: 'calendar days, first and last included' }) days: number;
}

export class ReportTotalsResponseDto extends DelegationYieldResponseDto {
  @ApiProperty({ description: 'distinct contacts on file met' }) contacts: number;
  @ApiProperty({ description: 'distinct days with a visit' }) visitDays: number;
}

export class DelegationReportResponseDto implements DelegationReportDto {
  @ApiProperty({ example: '外出招商情况表' }) title: string;
  @ApiProperty({ type: ReportDelegationResponseDto }) delegation: ReportDelegationResponseDto;
  @ApiProperty({ type: [ReportVisitResponseDto], description: 'by time' }) visits: ReportVisitResponseDto[];
  @ApiProperty({ type: ReportTotalsResponseDto }) totals: ReportTotalsResponseDto;
  @ApiProperty() generatedAt: string;
}
