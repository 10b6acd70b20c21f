import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROADSHOW_FORMATS,
  ROADSHOW_SORTABLE,
  type CalendarEventDto,
  type DelegationDirection,
  type Page,
  type PromoProjectRefDto,
  type RoadshowDto,
  type RoadshowFormat,
  type RoadshowListItemDto,
  type RoadshowYieldDto,
  type RoadshowYieldSummaryDto,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
import { TrimToNull, IsVersion } from '../../../common/validation/validators';
import { AtDistrictDay } from '../../../common/validation/district-day';

export const MAX_WAN = 100_000_000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Optional, but when given it may not be null (for columns the database requires). */
const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateRoadshowDto {
  @ApiProperty({ maxLength: 200, example: '2026 汽车零部件产业（上海）推介会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ maxLength: 32, example: '上海' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  city: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: '上海国际会议中心 3 号厅' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  venue?: string | null;

  @ApiProperty({ example: '2026-12-10T09:00:00+08:00', description: 'ISO 8601 with offset' })
  @AtDistrictDay()
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2026-12-10T17:00:00+08:00', description: 'not before startsAt, else 400 naming endsAt' })
  @AtDistrictDay()
  @IsInstant()
  endsAt: string;

  @ApiProperty({ enum: ROADSHOW_FORMATS, description: 'offline 线下 / online 屏对屏 / hybrid' })
  @IsIn(ROADSHOW_FORMATS)
  format: RoadshowFormat;

  @ApiPropertyOptional({ type: [String], maxItems: 10, example: ['区人民政府', '区投资促进局'] })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  hosts?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['automotive'],
    description: 'codes of existing chains or sectors',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  chainCodes?: string[];

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '万元, integer', example: 60 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  budgetWan?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    description: 'promoted projects (推介项目) shown at the event',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  promoProjectIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'staff: a teammate; leaders and admins: anyone. Default: the caller',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class UpdateRoadshowDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ maxLength: 32 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  city?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  venue?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @AtDistrictDay() @IsInstant() startsAt?: string;
  @ApiPropertyOptional({ description: 'checked against the new or stored startsAt' })
  @OptionalNotNull()
  @AtDistrictDay()
  @IsInstant()
  endsAt?: string;
  @ApiPropertyOptional({ enum: ROADSHOW_FORMATS }) @OptionalNotNull() @IsIn(ROADSHOW_FORMATS) format?: RoadshowFormat;
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  hosts?: string[];
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  chainCodes?: string[];
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  budgetWan?: number | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  promoProjectIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiProperty({ description: 'the version read; a stale one gets 409' }) @IsVersion() version: number;
}

export class DeleteRoadshowQueryDto {
  @ApiPropertyOptional({ description: 'when given, a stale version gets 409' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsVersion()
  version?: number;
}

export class RoadshowListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: ROADSHOW_SORTABLE.flatMap((f) => [`${f}:asc`, `${f}:desc`]),
    description: 'default startsAt:desc',
  })
  @IsOptional()
  @IsString()
  override sort?: string = undefined;
  @ApiPropertyOptional({ example: '上海' }) @IsOptional() @IsString() @MaxLength(32) city?: string;
  @ApiPropertyOptional({ enum: ROADSHOW_FORMATS }) @IsOptional() @IsIn(ROADSHOW_FORMATS) format?: RoadshowFormat;
  @ApiPropertyOptional({ description: 'events that end on or after this instant' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'events that start before this instant' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  to?: string;
  @ApiPropertyOptional({ example: 'automotive' }) @IsOptional() @IsString() @MaxLength(48) chainCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'admins: deleted events' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  deleted?: boolean;
}

export class CalendarQueryDto {
  @ApiProperty({ example: '2026-12-01T00:00:00+08:00', description: 'range start (inclusive)' })
  @AtDistrictDay()
  @IsInstant()
  from: string;
  @ApiProperty({
    example: '2027-01-01T00:00:00+08:00',
    description: 'range end (exclusive); at most 366 days after from',
  })
  @AtDistrictDay()
  @IsInstant()
  to: string;
}

export class RoadshowResponseDto implements RoadshowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ROADSHOW_FORMATS }) format: RoadshowFormat;
  @ApiProperty({ type: [String] }) hosts: string[];
  @ApiProperty({ type: [String] }) chainCodes: string[];
  @ApiProperty({ nullable: true, type: Number, description: '万元' }) budgetWan: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) promoProjectIds: string[];
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) teamId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class PromoProjectRefResponseDto implements PromoProjectRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) status: string | null;
  @ApiProperty({ description: 'deleted or not found' }) missing: boolean;
}

export class RoadshowDetailResponseDto extends RoadshowResponseDto {
  @ApiProperty({ type: [PromoProjectRefResponseDto], description: 'promoProjectIds resolved, in the same order' })
  promoProjects: PromoProjectRefResponseDto[];
}

export class RoadshowYieldSummaryResponseDto implements RoadshowYieldSummaryDto {
  @ApiProperty({ description: 'attendee rows not declined' }) attendees: number;
  @ApiProperty({ description: 'attendees checked in at the door' }) checkedIn: number;
  @ApiProperty({ description: 'live leads whose sourceRefId is the event' }) leads: number;
  @ApiProperty({ description: 'of those: status qualified or converted' }) qualifiedLeads: number;
  @ApiProperty({ description: 'of those: status converted' }) convertedLeads: number;
  @ApiProperty({ description: "live projects from the event's leads or linked to it directly" }) projects: number;
  @ApiProperty({ description: 'of those: signed or beyond now, or on hold after signing' }) signedProjects: number;
  @ApiProperty({ description: 'of those projects: signed, then lost (not in signedProjects)' })
  lostAfterSigning: number;
  @ApiProperty({ description: '万元 contracted by signedProjects' }) contractedWan: number;
}

export class RoadshowYieldResponseDto extends RoadshowYieldSummaryResponseDto implements RoadshowYieldDto {
  @ApiProperty({ format: 'uuid' }) roadshowId: string;
  @ApiProperty({ nullable: true, type: Number }) budgetWan: number | null;
  @ApiProperty({ description: 'every invitation row, declined included' }) invited: number;
  @ApiProperty() declined: number;
  @ApiProperty({ description: "signed projects whose signing date is one of the event's days (China time)" })
  signedAtEvent: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'budgetWan ÷ leads, to 0.01 万元; null without budget or leads',
  })
  costPerLeadWan: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'budgetWan ÷ signedProjects, to 0.01 万元; null without budget or signed projects',
  })
  costPerSignedProjectWan: number | null;
  @ApiProperty({ description: 'when these figures were counted' }) countedAt: string;
}

export class RoadshowListItemResponseDto extends RoadshowResponseDto implements RoadshowListItemDto {
  @ApiProperty({ type: RoadshowYieldSummaryResponseDto }) yield: RoadshowYieldSummaryResponseDto;
}

export class RoadshowPageDto implements Page<RoadshowListItemResponseDto> {
  @ApiProperty({ type: [RoadshowListItemResponseDto] }) items: RoadshowListItemResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class CalendarEventResponseDto implements CalendarEventDto {
  @ApiProperty({ enum: ['roadshow', 'delegation'] }) kind: 'roadshow' | 'delegation';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'roadshow: its start; delegation: 00:00 China time of the first day' }) start: string;
  @ApiProperty({ description: 'roadshow: its end; delegation: 00:00 China time of the day after the last (exclusive)' })
  end: string;
  @ApiProperty() allDay: boolean;
  @ApiProperty({ type: [String] }) cities: string[];
  @ApiProperty({ enum: ROADSHOW_FORMATS, nullable: true }) format: RoadshowFormat | null;
  @ApiProperty({ enum: ['outbound', 'inbound'], nullable: true }) direction: DelegationDirection | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) teamId: string | null;
}

export class CalendarResponseDto {
  @ApiProperty({ type: [CalendarEventResponseDto] }) items: CalendarEventResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the range is the page' }) nextCursor: null;
  @ApiProperty() total: number;
}
