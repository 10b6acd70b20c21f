import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHAIN_LAYERS,
  type ChainLayer,
  CHAIN_LEVELS,
  type ChainLevel,
  type ChainNodeDto,
  type ChainSummaryDto,
  type ChainTreeDto,
} from '@lianqiao/contracts';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsVersion } from '../../../common/validation/validators';

export class CreateChainDto {
  @ApiProperty({ example: 'hydrogen' })
  @Matches(/^[a-z][a-z0-9_]{1,47}$/, { message: '代码须为小写字母、数字或下划线' })
  code: string;
  @ApiProperty({ example: '氢能' }) @IsString() @IsNotEmpty() @MaxLength(64) name: string;
  @ApiProperty({ enum: ['chain', 'sector'] }) @IsIn(['chain', 'sector']) kind: 'chain' | 'sector';
}

export class UpdateChainDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ enum: ['chain', 'sector'] }) @IsOptional() @IsIn(['chain', 'sector']) kind?:
    'chain' | 'sector';
  @ApiPropertyOptional() @IsOptional() @IsInt() sortOrder?: number;
  @ApiProperty() @IsVersion() version: number;
}

export class CreateChainNodeDto {
  @ApiProperty({ example: '燃料电池' }) @IsString() @IsNotEmpty() @MaxLength(64) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ enum: CHAIN_LAYERS }) @IsOptional() @IsIn(CHAIN_LAYERS) layer?: ChainLayer;
  @ApiPropertyOptional() @IsOptional() @IsInt() sortOrder?: number;
}

export class UpdateChainNodeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ enum: CHAIN_LAYERS }) @IsOptional() @IsIn(CHAIN_LAYERS) layer?: ChainLayer;
  @ApiPropertyOptional() @IsOptional() @IsInt() sortOrder?: number;
  @ApiProperty() @IsVersion() version: number;
}

export class ChainSummaryResponseDto implements ChainSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['chain', 'sector'] }) kind: 'chain' | 'sector';
  @ApiProperty({ type: 'integer' }) nodeCount: number;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ChainNodeResponseDto implements ChainNodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) chainId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHAIN_LAYERS, nullable: true }) layer: ChainLayer | null;
  @ApiProperty({ type: 'integer' }) sortOrder: number;
  @ApiProperty({ type: 'integer', description: 'local companies in the segment' }) localCount: number;
  @ApiProperty({ type: 'integer', description: 'target companies in the segment' }) targetCount: number;
  @ApiProperty({ enum: CHAIN_LEVELS }) level: ChainLevel;
  @ApiProperty({ type: [String] }) chainLeaderNames: string[];
  @ApiProperty({ type: () => [ChainNodeResponseDto] }) children: ChainNodeResponseDto[];
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ChainTreeResponseDto extends ChainSummaryResponseDto implements ChainTreeDto {
  @ApiProperty({ type: [ChainNodeResponseDto], description: 'the top-level segments, each with its children' })
  nodes: ChainNodeResponseDto[];
}

/** A chain as written (create, update). */
export class ChainRecordResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['chain', 'sector'] }) kind: 'chain' | 'sector';
  @ApiProperty({ type: 'integer' }) sortOrder: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** A segment as written (add, update). */
export class ChainNodeRecordResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) chainId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHAIN_LAYERS, nullable: true }) layer: ChainLayer | null;
  @ApiProperty({ type: 'integer' }) sortOrder: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
}
