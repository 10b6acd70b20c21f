import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TargetDto } from '@lianqiao/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { TrimToNull, IsVersion } from '../../../common/validation/validators';
import type { Target } from '../target.entity';

const MAX_COUNT = 1_000_000;
const MAX_WAN = 100_000_000; // 1 万亿元

/** The seven figures a target sets; every one optional on update, 0 when left out on create. */
export class TargetValuesDto {
  @ApiPropertyOptional({ description: '新增线索（个）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  newLeads?: number;
  @ApiPropertyOptional({ description: '签约项目（个）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  projectsSigned?: number;
  @ApiPropertyOptional({ description: '合同投资额（万元）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  contractedWan?: number;
  @ApiPropertyOptional({ description: '引进内资到位（万元）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  paidInDomesticWan?: number;
  @ApiPropertyOptional({ description: '引进外资到位（万元）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WAN)
  paidInForeignWan?: number;
  @ApiPropertyOptional({ description: '开工项目（个）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  projectsStarted?: number;
  @ApiPropertyOptional({ description: '投产项目（个）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  projectsInProduction?: number;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  notes?: string | null;
}

export class CreateTargetDto extends TargetValuesDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the team (专班); null or absent for the district (全区)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  teamId?: string | null;
}

export class UpdateTargetDto extends TargetValuesDto {
  @ApiProperty() @IsVersion() version: number;
}

export class TargetListQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ description: "one team's targets; `district` for the district's own" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  teamId?: string;
}

export class TargetResponseDto implements TargetDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String, description: 'null: the district (全区)' }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty({ description: '新增线索（个）' }) newLeads: number;
  @ApiProperty({ description: '签约项目（个）' }) projectsSigned: number;
  @ApiProperty({ description: '合同投资额（万元）' }) contractedWan: number;
  @ApiProperty({ description: '引进内资到位（万元）' }) paidInDomesticWan: number;
  @ApiProperty({ description: '引进外资到位（万元）' }) paidInForeignWan: number;
  @ApiProperty({ description: '开工项目（个）' }) projectsStarted: number;
  @ApiProperty({ description: '投产项目（个）' }) projectsInProduction: number;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;

  static from(t: Target): TargetResponseDto {
    return {
      id: t.id,
      year: t.year,
      teamId: t.teamId,
      teamName: t.team?.name ?? null,
      newLeads: t.newLeads,
      projectsSigned: t.projectsSigned,
      contractedWan: t.contractedWan,
      paidInDomesticWan: t.paidInDomesticWan,
      paidInForeignWan: t.paidInForeignWan,
      projectsStarted: t.projectsStarted,
      projectsInProduction: t.projectsInProduction,
      notes: t.notes,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
    };
  }
}

export class TargetListResponseDto {
  @ApiProperty({ type: [TargetResponseDto] }) items: TargetResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: "always null: one page holds a year's targets" })
  nextCursor: string | null;
  @ApiProperty() total: number;
}
