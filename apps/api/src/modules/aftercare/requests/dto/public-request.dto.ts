import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PUBLIC_REQUEST_LIMITS,
  PUBLIC_REQUEST_MOBILE_PATTERN,
  REQUEST_CATEGORIES,
  type PublicFeedbackSubmission,
  type PublicFeedbackViewDto,
  type PublicRequestFormDto,
  type PublicRequestReceipt,
  type PublicRequestSubmission,
  type RequestCategory,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The enterprise's request, from the form behind its QR code; messages are for the enterprise, in Chinese. */
export class PublicRequestDto implements PublicRequestSubmission {
  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES, { message: '请选择诉求类别' })
  category: RequestCategory;

  @ApiProperty({ maxLength: PUBLIC_REQUEST_LIMITS.description, example: '新厂房用电增容申请已提交一个月，尚未接电' })
  @Transform(trim)
  @IsString({ message: '请填写诉求内容' })
  @IsNotEmpty({ message: '请填写诉求内容' })
  @MaxLength(PUBLIC_REQUEST_LIMITS.description, { message: `诉求内容最多 ${PUBLIC_REQUEST_LIMITS.description} 个字` })
  description: string;

  @ApiProperty({ maxLength: PUBLIC_REQUEST_LIMITS.contactName, example: '王经理' })
  @Transform(trim)
  @IsString({ message: '请填写联系人' })
  @IsNotEmpty({ message: '请填写联系人' })
  @MaxLength(PUBLIC_REQUEST_LIMITS.contactName, { message: `联系人最多 ${PUBLIC_REQUEST_LIMITS.contactName} 个字` })
  contactName: string;

  @ApiProperty({ example: '13812345678', description: 'mainland mobile, ^1[3-9]\\d{9}$' })
  @Transform(trim)
  @IsString({ message: '请填写手机号码' })
  @Matches(PUBLIC_REQUEST_MOBILE_PATTERN, { message: '请填写正确的 11 位手机号码' })
  contactMobile: string;

  @ApiPropertyOptional({ description: '办不成事: tried the normal channels and it could not get done' })
  @IsOptional()
  @IsBoolean({ message: 'cannotBeDone 须为 true 或 false' })
  cannotBeDone?: boolean;

  @ApiPropertyOptional({ description: 'honeypot: must stay empty (a filled one is accepted and dropped)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class PublicRequestReceiptDto implements PublicRequestReceipt {
  @ApiProperty({ enum: [true] }) ok: true;
  @ApiProperty({ example: '诉求已收到，政府事务代表会尽快与您联系。' }) message: string;
}

class CategoryOptionDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES }) value: RequestCategory;
  @ApiProperty() label: string;
}

export class PublicRequestFormResponseDto implements PublicRequestFormDto {
  @ApiProperty() companyName: string;
  @ApiProperty({ type: [CategoryOptionDto] }) categories: CategoryOptionDto[];
}

export class PublicFeedbackViewResponseDto implements PublicFeedbackViewDto {
  @ApiProperty() companyName: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category: RequestCategory;
  @ApiProperty() categoryLabel: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() submittedAt: string;
}

export class PublicFeedbackDto implements PublicFeedbackSubmission {
  @ApiProperty({ description: 'true: solved; false: not solved, the request goes to the 包保领导' })
  @IsBoolean({ message: '请确认问题是否已解决' })
  confirmed: boolean;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: '请给出 1–5 分的满意度' })
  @Min(1, { message: '请给出 1–5 分的满意度' })
  @Max(5, { message: '请给出 1–5 分的满意度' })
  satisfaction: number;

  @ApiPropertyOptional({ maxLength: PUBLIC_REQUEST_LIMITS.comment })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '意见须为文字' })
  @MaxLength(PUBLIC_REQUEST_LIMITS.comment, { message: `意见最多 ${PUBLIC_REQUEST_LIMITS.comment} 个字` })
  comment?: string;
}

export class PublicFeedbackReceiptDto {
  @ApiProperty({ enum: [true] }) ok: true;
  @ApiProperty({ example: '感谢您的评价！' }) message: string;
}
