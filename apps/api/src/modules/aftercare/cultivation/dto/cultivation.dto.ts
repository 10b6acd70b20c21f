import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  CULTIVATION_GOALS,
  type CultivationEntryDto,
  type CultivationGoal,
  type MilestoneDto,
} from '@lianqiao/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../../../../common/validation/validators';
import { IsCalendarDay } from '../../../../common/validation/dates';
import { ListQueryDto } from '../../../../common/pagination/list-query.dto';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const CULTIVATION_SORTS = ['closeness', 'createdAt', 'updatedAt'] as const;

export class MilestoneInputDto implements MilestoneDto {
  @ApiProperty({ example: '营业收入突破 2000 万元' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ example: '2026-12-31' }) @IsCalendarDay() dueOn: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'the day it was done; null while pending' })
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDay()
  doneOn: string | null;
}

export class CreateCultivationDto {
  @ApiProperty() @IsUUID() companyId: string;
  @ApiProperty({ enum: CULTIVATION_GOALS, description: 'above_scale 入规 · srdi 专精特新 · listing 上市' })
  @IsIn(CULTIVATION_GOALS)
  goal: CultivationGoal;
  @ApiProperty({
    description: '一企一策: the measures of the plan',
    example: '协调办理用地手续；对接区内银行授信；申报市级技术中心',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  measures: string;
  @ApiPropertyOptional({ description: 'who carries the plan; defaults to the caller (others: leaders and admins)' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional({
    type: [MilestoneInputDto],
    description: 'the plan’s milestones; an update gives the whole list, replacing the previous one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInputDto)
  milestones?: MilestoneInputDto[];
}

export class UpdateCultivationDto extends PartialType(
  PickType(CreateCultivationDto, ['goal', 'measures', 'ownerId', 'milestones'] as const),
) {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the day the goal was reached; null to clear' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDay()
  achievedOn?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class CultivationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CULTIVATION_GOALS }) @IsOptional() @IsIn(CULTIVATION_GOALS) goal?: CultivationGoal;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ description: 'true: goal reached; false: still on the way' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  achieved?: boolean;
}

export class MilestoneResponseDto implements MilestoneDto {
  @ApiProperty() title: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ nullable: true, type: String }) doneOn: string | null;
}

export class CultivationResponseDto implements CultivationEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ enum: CULTIVATION_GOALS }) goal: CultivationGoal;
  @ApiProperty() measures: string;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ type: [MilestoneResponseDto] }) milestones: MilestoneResponseDto[];
  @ApiProperty() milestonesDone: number;
  @ApiProperty({ description: 'share of milestones done, 0–1' }) progress: number;
  @ApiProperty({ nullable: true, type: String, description: 'earliest due date among milestones not done' }) nextDueOn:
    string | null;
  @ApiProperty({ nullable: true, type: String }) achievedOn: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class CultivationPageDto {
  @ApiProperty({ type: [CultivationResponseDto] }) items: CultivationResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}
