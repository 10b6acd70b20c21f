import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INTEREST_LIMITS,
  INTEREST_MOBILE_PATTERN,
  PROMO_KINDS,
  type InterestRequest,
  type InterestResponse,
  type PromoKind,
  type PublicCardDto,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CardImageResponseDto } from '../../promo-projects/dto/promo-project.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The interest form, JSON or a plain form post; messages are for the investor, in Chinese. */
export class InterestDto implements InterestRequest {
  @ApiProperty({ maxLength: INTEREST_LIMITS.name, example: '王先生' })
  @Transform(trim)
  @IsString({ message: '请填写姓名' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(INTEREST_LIMITS.name, { message: `姓名最多 ${INTEREST_LIMITS.name} 个字` })
  name: string;

  @ApiProperty({ maxLength: INTEREST_LIMITS.company, example: '某某汽车零部件有限公司' })
  @Transform(trim)
  @IsString({ message: '请填写单位名称' })
  @IsNotEmpty({ message: '请填写单位名称' })
  @MaxLength(INTEREST_LIMITS.company, { message: `单位名称最多 ${INTEREST_LIMITS.company} 个字` })
  company: string;

  @ApiProperty({ example: '13812345678', description: 'mainland mobile, ^1[3-9]\\d{9}$' })
  @Transform(trim)
  @IsString({ message: '请填写手机号码' })
  @Matches(INTEREST_MOBILE_PATTERN, { message: '请填写正确的 11 位手机号码' })
  mobile: string;

  @ApiPropertyOptional({ maxLength: INTEREST_LIMITS.message })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '留言须为文字' })
  @MaxLength(INTEREST_LIMITS.message, { message: `留言最多 ${INTEREST_LIMITS.message} 个字` })
  message?: string;

  @ApiPropertyOptional({ description: 'the referral code of the link; ignored when it is not one' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  r?: string;

  @ApiPropertyOptional({ description: 'honeypot: must stay empty (a filled one is accepted and dropped)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class InterestResponseDto implements InterestResponse {
  @ApiProperty({ enum: [true] }) ok: true;
  @ApiProperty({ example: '提交成功，招商专员会尽快与您联系。' }) message: string;
}

export class PublicCardResponseDto implements PublicCardDto {
  @ApiProperty() slug: string;
  @ApiProperty({ enum: PROMO_KINDS }) kind: PromoKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: Number }) landMu: number | null;
  @ApiProperty({ nullable: true, type: Number }) floorAreaM2: number | null;
  @ApiProperty({ nullable: true, type: Number }) investmentScaleWan: number | null;
  @ApiProperty({ description: 'sanitised HTML' }) advantages: string;
  @ApiProperty({ description: 'sanitised HTML' }) policies: string;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: CardImageResponseDto }) cover: CardImageResponseDto | null;
  @ApiProperty({ type: [CardImageResponseDto] }) gallery: CardImageResponseDto[];
  @ApiProperty() districtName: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}
