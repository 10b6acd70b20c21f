import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  PROMO_IMAGE_SIZES,
  PROMO_KINDS,
  PROMO_LIMITS,
  PROMO_REVIEW_STATES,
  PROMO_STATUSES,
  SHARE_FORMATS,
  SHARE_SIZES,
  type CardImage,
  type CardImageVariant,
  type PromoContentDto,
  type PromoImageSize,
  type PromoKind,
  type PromoProjectDto,
  type PromoReviewState,
  type PromoStatus,
  type PromoVersionDto,
  type ShareFormat,
  type ShareSize,
} from '@lianqiao/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsVersion } from '../../../common/validation/validators';
import { IsCalendarDay, IsInstant } from '../../../common/validation/dates';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { AtDistrictDay } from '../../../common/validation/district-day';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Optional, but when given it may not be null (for fields the database requires). */
const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
const PHONE = /^[0-9+\-() 转]{3,32}$/;

export class CreatePromoProjectDto {
  @ApiProperty({ enum: PROMO_KINDS }) @IsIn(PROMO_KINDS) kind: PromoKind;

  @ApiProperty({ maxLength: PROMO_LIMITS.title, example: '汽车零部件产业园 A-03 地块' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMO_LIMITS.title)
  title: string;

  @ApiPropertyOptional({ maxLength: PROMO_LIMITS.summary })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.summary)
  summary?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: PROMO_LIMITS.chainNodes })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(PROMO_LIMITS.chainNodes)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROMO_LIMITS.location })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.location)
  location?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '亩, two decimals at most' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999)
  landMu?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '㎡' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  floorAreaM2?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '万元' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  investmentScaleWan?: number | null;

  @ApiPropertyOptional({
    maxLength: PROMO_LIMITS.richText,
    description: 'rich text: p, br, strong, em, ul, ol, li; plain lines become paragraphs',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(PROMO_LIMITS.richText)
  advantages?: string;

  @ApiPropertyOptional({ maxLength: PROMO_LIMITS.richText, description: 'rich text, as advantages' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(PROMO_LIMITS.richText)
  policies?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROMO_LIMITS.contactName })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.contactName)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0731-8888 1234', description: 'the public work line' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(PHONE, { message: '电话号码只能包含数字、空格、+、-、括号' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the card goes down by itself at this time' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  expiresAt?: string | null;
}

export class UpdatePromoProjectDto {
  @ApiPropertyOptional({ enum: PROMO_KINDS }) @OptionalNotNull() @IsIn(PROMO_KINDS) kind?: PromoKind;

  @ApiPropertyOptional({ maxLength: PROMO_LIMITS.title })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMO_LIMITS.title)
  title?: string;

  @ApiPropertyOptional({ maxLength: PROMO_LIMITS.summary })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.summary)
  summary?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(PROMO_LIMITS.chainNodes)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.location)
  location?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999)
  landMu?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  floorAreaM2?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  investmentScaleWan?: number | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MaxLength(PROMO_LIMITS.richText) advantages?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MaxLength(PROMO_LIMITS.richText) policies?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMO_LIMITS.contactName)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(PHONE, { message: '电话号码只能包含数字、空格、+、-、括号' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'an image uploaded to this card' })
  @IsOptional()
  @IsUUID()
  coverImageId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: PROMO_LIMITS.galleryImages })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(PROMO_LIMITS.galleryImages)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  galleryImageIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'applies at once, without review' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  expiresAt?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'leaders and admins only: hand the card to another user (and their team)',
  })
  @OptionalNotNull()
  @IsUUID()
  ownerId?: string;

  @ApiProperty() @IsVersion() version: number;
}

/** Fields whose change needs a leader's approval before the public sees it. */
export const CONTENT_FIELDS = [
  'kind',
  'title',
  'summary',
  'chainNodeIds',
  'location',
  'landMu',
  'floorAreaM2',
  'investmentScaleWan',
  'advantages',
  'policies',
  'contactName',
  'contactPhone',
  'coverImageId',
  'galleryImageIds',
] as const satisfies readonly (keyof PromoContentDto)[];

export class VersionDto {
  @ApiProperty({ description: 'the version the caller read; a stale one gets 409' }) @IsVersion() version: number;
}

export class ReturnPromoProjectDto extends VersionDto {
  @ApiProperty({ maxLength: PROMO_LIMITS.returnComment, example: '请补充用地性质和供地时间' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMO_LIMITS.returnComment)
  comment: string;
}

export class PromoProjectListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: PROMO_STATUSES }) @IsOptional() @IsIn(PROMO_STATUSES) status?: PromoStatus;
  @ApiPropertyOptional({ enum: PROMO_REVIEW_STATES })
  @IsOptional()
  @IsIn(PROMO_REVIEW_STATES)
  reviewState?: PromoReviewState;
  @ApiPropertyOptional({ enum: PROMO_KINDS }) @IsOptional() @IsIn(PROMO_KINDS) kind?: PromoKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
}

export class ShareQueryDto {
  @ApiPropertyOptional({ enum: SHARE_FORMATS, default: 'png' }) @IsOptional() @IsIn(SHARE_FORMATS) format?: ShareFormat;
  @ApiPropertyOptional({ enum: SHARE_SIZES, default: 'screen' }) @IsOptional() @IsIn(SHARE_SIZES) size?: ShareSize;
}

export class SharePackagesDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: PROMO_LIMITS.sharePackageIds })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROMO_LIMITS.sharePackageIds)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}

export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2026-05-01', description: 'first day (China time), default 29 days before `to`' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-05-31', description: 'last day, inclusive (China time), default today' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

export class InterestListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
}

export class CardImageVariantResponseDto implements CardImageVariant {
  @ApiProperty({ enum: Object.keys(PROMO_IMAGE_SIZES) }) size: PromoImageSize;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ example: '/c/img/0b9c…-md.webp' }) url: string;
}

export class CardImageResponseDto implements CardImage {
  @ApiProperty() id: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ type: [CardImageVariantResponseDto] }) variants: CardImageVariantResponseDto[];
}

export class PromoProjectResponseDto implements PromoProjectDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PROMO_KINDS }) kind: PromoKind;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) chainNodeIds: string[];
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: Number }) landMu: number | null;
  @ApiProperty({ nullable: true, type: Number }) floorAreaM2: number | null;
  @ApiProperty({ nullable: true, type: Number }) investmentScaleWan: number | null;
  @ApiProperty({ description: 'sanitised HTML' }) advantages: string;
  @ApiProperty({ description: 'sanitised HTML' }) policies: string;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) coverImageId: string | null;
  @ApiProperty({ type: [String] }) galleryImageIds: string[];
  @ApiProperty({ enum: PROMO_STATUSES }) status: PromoStatus;
  @ApiProperty({ enum: PROMO_REVIEW_STATES, description: 'the working copy against the live version' })
  reviewState: PromoReviewState;
  @ApiProperty({ nullable: true, type: String }) reviewComment: string | null;
  @ApiProperty() slug: string;
  @ApiProperty() publicUrl: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: Number }) liveVersion: number | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: CardImageResponseDto }) cover: CardImageResponseDto | null;
  @ApiProperty({ type: [CardImageResponseDto] }) gallery: CardImageResponseDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class PromoProjectPageDto {
  @ApiProperty({ type: [PromoProjectResponseDto] }) items: PromoProjectResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

/** The reviewed fields of a card, as a version keeps them. */
export class PromoContentResponseDto extends PickType(PromoProjectResponseDto, CONTENT_FIELDS) {}

export class PromoVersionResponseDto implements PromoVersionDto {
  @ApiProperty() number: number;
  @ApiProperty({ type: PromoContentResponseDto, description: 'the content as approved (same fields as the card)' })
  content: PromoContentDto;
  @ApiProperty({ nullable: true, type: String }) submittedById: string | null;
  @ApiProperty() approvedById: string;
  @ApiProperty() approvedAt: string;
}
