import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTRIBUTION_LINK_TYPES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  PROJECT_STATUSES,
  type AttributionDto,
  type AttributionLinkDto,
  type AttributionLinkType,
  type LeadSource,
  type LeadStatus,
  type ProjectStatus,
} from '@lianqiao/contracts';

export class AttributionLinkResponseDto implements AttributionLinkDto {
  @ApiProperty({ enum: ATTRIBUTION_LINK_TYPES }) type: AttributionLinkType;
  @ApiProperty({ example: '推介会' }) typeLabel: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'for a lead the caller may not see: a placeholder' }) name: string;
  @ApiProperty({ description: 'soft-deleted: the record still shows, marked' }) deleted: boolean;
  @ApiProperty({ description: 'the caller may open it (in sight and not deleted)' }) visible: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'project/lead: created; roadshow: starts; visit: visited; delegation: first day (China time); else null',
  })
  at: string | null;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'projects only' }) stage?: ProjectStatus;
  @ApiPropertyOptional({ enum: LEAD_STATUSES, description: 'leads the caller may see only' }) status?: LeadStatus;
}

export class AttributionResponseDto implements AttributionDto {
  @ApiProperty({ enum: LEAD_SOURCES, nullable: true }) source: LeadSource | null;
  @ApiProperty({ nullable: true, type: String, example: '推介会' }) sourceLabel: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceRefId: string | null;
  @ApiProperty({
    type: AttributionLinkResponseDto,
    nullable: true,
    description: 'the origin: the last link of the chain, when the source link resolves',
  })
  sourceRef: AttributionLinkResponseDto | null;
  @ApiProperty({
    type: [AttributionLinkResponseDto],
    description: 'nearest first: project, lead, then visit and delegation, roadshow, card or company',
  })
  chain: AttributionLinkResponseDto[];
}
