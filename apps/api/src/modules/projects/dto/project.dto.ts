import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  BOARD_CARD_FIELDS,
  CAPITAL_ORIGINS,
  LEAD_SOURCES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  type BoardColumnDto,
  type CapitalOrigin,
  type LeadSource,
  type ProjectBoardDto,
  type ProjectDto,
  type ProjectStage,
  type ProjectStageChangeDto,
  type ProjectStatus,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
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
import { IsUscc, TrimToNull, IsVersion } from '../../../common/validation/validators';
import { AtDistrictDay } from '../../../common/validation/district-day';

const MAX_WAN = 100_000_000;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Fields a person edits directly; the stage and its evidence change only through transitions. */
export class ProjectFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  codeName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isConfidential?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() companyId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() responsibleLeaderId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isKey?: boolean;
  @ApiPropertyOptional({ enum: CAPITAL_ORIGINS, nullable: true })
  @IsOptional()
  @IsIn([...CAPITAL_ORIGINS, null])
  capitalOrigin?: CapitalOrigin | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'source province (domestic) or country (foreign)' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  capitalSource?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  totalInvestmentWan?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  fixedAssetWan?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'paid-in investment to date (到位资金)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  paidInWan?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  projectedJobs?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  contractedJobs?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) actualJobs?:
    number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '亩' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  landMu?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '标准厂房 m²' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  factoryAreaM2?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  expectedOutputWan?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  expectedTaxWan?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
}

export class CreateProjectDto extends ProjectFieldsDto {
  @ApiProperty({ example: '年产 10GWh 动力电池项目' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ description: 'leaders and admins may give the project to someone else' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional({ enum: LEAD_SOURCES, nullable: true })
  @IsOptional()
  @IsIn([...LEAD_SOURCES, null])
  leadSource?: LeadSource | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() sourceRefId?: string | null;
}

export class UpdateProjectDto extends ProjectFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiProperty() @IsVersion() version: number;
}

export class TransitionDto {
  @ApiProperty({ enum: PROJECT_STATUSES }) @IsIn(PROJECT_STATUSES as ProjectStatus[]) to: ProjectStatus;
  @ApiProperty() @IsVersion() version: number;
  @ApiPropertyOptional({ type: String }) @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) note?: string | null;
  @ApiPropertyOptional({ type: String, description: 'required for moving back, holding, dropping or reviving' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
  @ApiPropertyOptional({ example: '2026-11-20' }) @IsOptional() @IsInstant() signedAt?: string;
  @ApiPropertyOptional({ description: '合同投资额（万元）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  contractedWan?: number;
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_, v) => v !== undefined) @IsUscc() localUscc?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() startedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() producingAt?: string;
}

export const PROJECT_SORTABLE = [
  'updatedAt',
  'createdAt',
  'name',
  'totalInvestmentWan',
  'contractedWan',
  'lastProgressAt',
] as const;

export class ProjectListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES as ProjectStatus[])
  stage?: ProjectStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() responsibleLeaderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chainNode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sourceRefId?: string;
  @ApiPropertyOptional({ enum: LEAD_SOURCES }) @IsOptional() @IsIn(LEAD_SOURCES) leadSource?: LeadSource;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() isKey?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() stalled?: boolean;
  @ApiPropertyOptional({ enum: CAPITAL_ORIGINS }) @IsOptional() @IsIn(CAPITAL_ORIGINS) capitalOrigin?: CapitalOrigin;
  @ApiPropertyOptional({ description: 'created on or after' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'created before' }) @IsOptional() @AtDistrictDay() @IsInstant() to?: string;
  @ApiPropertyOptional({
    enum: PROJECT_STAGES,
    description:
      'projects that first reached this stage or a later one (from the stage history); with reachedFrom/reachedTo, in that time',
  })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  reachedStage?: ProjectStage;
  @ApiPropertyOptional({ description: 'reached on or after (with reachedStage)' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  reachedFrom?: string;
  @ApiPropertyOptional({ description: 'reached before (with reachedStage)' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  reachedTo?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() deleted?: boolean;
}

export class BoardQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chainNode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() isKey?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'cards per column', default: 30 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  perColumn?: number;
}

export class ProjectResponseDto implements ProjectDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) codeName: string | null;
  @ApiProperty() isConfidential: boolean;
  @ApiProperty({ nullable: true, type: String }) companyId: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty({ nullable: true, type: String }) leadId: string | null;
  @ApiProperty({ enum: LEAD_SOURCES, nullable: true }) leadSource: LeadSource | null;
  @ApiProperty({ nullable: true, type: String }) sourceRefId: string | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) stage: ProjectStatus;
  @ApiProperty({ enum: PROJECT_STAGES, nullable: true }) heldStage: ProjectStage | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleLeaderId: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleLeaderName: string | null;
  @ApiProperty() isKey: boolean;
  @ApiProperty({ enum: CAPITAL_ORIGINS, nullable: true }) capitalOrigin: CapitalOrigin | null;
  @ApiProperty({ nullable: true, type: String }) capitalSource: string | null;
  @ApiProperty({ nullable: true, type: Number }) totalInvestmentWan: number | null;
  @ApiProperty({ nullable: true, type: Number }) fixedAssetWan: number | null;
  @ApiProperty({ nullable: true, type: Number }) contractedWan: number | null;
  @ApiProperty({ nullable: true, type: Number }) paidInWan: number | null;
  @ApiProperty({ nullable: true, type: Number }) projectedJobs: number | null;
  @ApiProperty({ nullable: true, type: Number }) contractedJobs: number | null;
  @ApiProperty({ nullable: true, type: Number }) actualJobs: number | null;
  @ApiProperty({ nullable: true, type: Number }) landMu: number | null;
  @ApiProperty({ nullable: true, type: Number }) factoryAreaM2: number | null;
  @ApiProperty({ nullable: true, type: Number }) expectedOutputWan: number | null;
  @ApiProperty({ nullable: true, type: Number }) expectedTaxWan: number | null;
  @ApiProperty({ type: [String] }) chainNodeIds: string[];
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) localUscc: string | null;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) producingAt: string | null;
  @ApiProperty() lastProgressAt: string;
  @ApiProperty() stalled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

/** A card on the board: the project's fields in BOARD_CARD_FIELDS. */
export class BoardCardResponseDto extends PickType(ProjectResponseDto, BOARD_CARD_FIELDS) {}

export class BoardColumnResponseDto implements BoardColumnDto {
  @ApiProperty({ enum: PROJECT_STATUSES }) stage: ProjectStatus;
  @ApiProperty({ type: 'integer', description: "the column's projects (more than the cards given)" }) count: number;
  @ApiProperty({ type: 'integer', description: '万元' }) totalInvestmentWan: number;
  @ApiProperty({ type: 'integer', description: '万元' }) contractedWan: number;
  @ApiProperty({ type: [BoardCardResponseDto], description: 'the latest cards of the column' })
  items: BoardCardResponseDto[];
}

export class ProjectBoardResponseDto implements ProjectBoardDto {
  @ApiProperty({ type: [BoardColumnResponseDto], description: 'one column per stage' })
  columns: BoardColumnResponseDto[];
}

export class ProjectStageChangeResponseDto implements ProjectStageChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: PROJECT_STATUSES, nullable: true }) fromStage: ProjectStatus | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) toStage: ProjectStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({
    type: Object,
    additionalProperties: true,
    nullable: true,
    description: 'the evidence given with the move',
  })
  evidence: Record<string, unknown> | null;
}
