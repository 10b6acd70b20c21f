import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHAIN_LAYERS, type ChainLayer } from '@lianqiao/contracts';
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
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ enum: CHAIN_LAYERS }) @IsOptional() @IsIn(CHAIN_LAYERS) layer?: ChainLayer;
  @ApiPropertyOptional() @IsOptional() @IsInt() sortOrder?: number;
}

export class UpdateChainNodeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ enum: CHAIN_LAYERS }) @IsOptional() @IsIn(CHAIN_LAYERS) layer?: ChainLayer;
  @ApiPropertyOptional() @IsOptional() @IsInt() sortOrder?: number;
  @ApiProperty() @IsVersion() version: number;
}
