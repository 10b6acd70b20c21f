import { ApiProperty } from '@nestjs/swagger';
import {
  SHARE_FORMATS,
  SHARE_SIZES,
  type CardInterestDto,
  type CardStatsDto,
  type CardStatsRow,
  type SharePackageDto,
  type ShareFormat,
  type ShareSize,
} from '@lianqiao/contracts';

export class ShareQrDto {
  @ApiProperty({ enum: SHARE_FORMATS }) format: ShareFormat;
  @ApiProperty({ enum: SHARE_SIZES }) size: ShareSize;
  @ApiProperty({ example: 512 }) pixels: number;
  @ApiProperty({ enum: ['image/svg+xml', 'image/png'] }) mimeType: 'image/svg+xml' | 'image/png';
  @ApiProperty({ description: 'data: URL of the QR code' }) dataUrl: string;
}

export class PosterFigureDto {
  @ApiProperty({ example: '投资规模' }) label: string;
  @ApiProperty({ example: '5亿元' }) value: string;
}

export class PosterDto {
  @ApiProperty() title: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String, description: 'absolute URL of the largest cover size' }) coverUrl:
    string | null;
  @ApiProperty() districtName: string;
  @ApiProperty({ type: [PosterFigureDto] }) figures: PosterFigureDto[];
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
}

export class SharePackageResponseDto implements SharePackageDto {
  @ApiProperty({ example: 'https://zs.example.gov.cn/c/k7mq2x9p?r=abc23456' }) url: string;
  @ApiProperty() referralCode: string;
  @ApiProperty({ description: 'short Chinese text to paste into WeChat' }) text: string;
  @ApiProperty({ type: ShareQrDto }) qr: ShareQrDto;
  @ApiProperty({ type: PosterDto, description: 'what the console needs to draw the poster' }) poster: PosterDto;
}

export class CardStatsRowDto implements CardStatsRow {
  @ApiProperty() opens: number;
  @ApiProperty({ description: 'distinct visitors per day (salt rotates daily); over a range, visitor-days' })
  uniqueVisitors: number;
  @ApiProperty() wechatOpens: number;
  @ApiProperty() mobileOpens: number;
  @ApiProperty() interests: number;
  @ApiProperty() leads: number;
  @ApiProperty() projects: number;
  @ApiProperty({ description: 'contracted 万元 of signed projects that came from these interests' }) signedWan: number;
}

export class CardStatsDayDto extends CardStatsRowDto {
  @ApiProperty({ example: '2026-05-01' }) day: string;
}

export class CardStatsReferralDto extends CardStatsRowDto {
  @ApiProperty({ nullable: true, type: String }) referralCode: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

export class CardStatsStaffDto extends CardStatsRowDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class CardStatsResponseDto implements CardStatsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: CardStatsRowDto }) totals: CardStatsRowDto;
  @ApiProperty({ type: [CardStatsDayDto], description: 'every day of the range, zeros included' })
  byDay: CardStatsDayDto[];
  @ApiProperty({ type: [CardStatsReferralDto] }) byReferral: CardStatsReferralDto[];
  @ApiProperty({ type: [CardStatsStaffDto] }) byStaff: CardStatsStaffDto[];
}

export class CardInterestResponseDto implements CardInterestDto {
  @ApiProperty() id: string;
  @ApiProperty() promoProjectId: string;
  @ApiProperty() name: string;
  @ApiProperty() company: string;
  @ApiProperty() mobile: string;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ nullable: true, type: String }) referralCode: string | null;
  @ApiProperty({ nullable: true, type: String }) referrerId: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) leadId: string | null;
  @ApiProperty() submissionCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastSubmittedAt: string;
}

export class CardInterestPageDto {
  @ApiProperty({ type: [CardInterestResponseDto] }) items: CardInterestResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}
