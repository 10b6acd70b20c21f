import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPANY_TAGS,
  OWNERSHIP_TYPES,
  type CompanyDto,
  type CompanyTouchDto,
  type CompanyTag,
  type OwnershipType,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { IsUscc, TrimToNull, IsVersion } from '../../../common/validation/validators';
import type { Company } from '../company.entity';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateCompanyDto {
  @ApiProperty({ example: '比亚迪股份有限公司' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '914403001922038216' })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsUscc()
  uscc?: string | null;
  @ApiPropertyOptional({ enum: OWNERSHIP_TYPES, nullable: true })
  @IsOptional()
  @IsIn([...OWNERSHIP_TYPES, null])
  ownership?: OwnershipType | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(32)
  province?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(32) city?:
    string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
  @ApiPropertyOptional({ enum: COMPANY_TAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(COMPANY_TAGS, { each: true })
  tags?: CompanyTag[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ require_protocol: false })
  @MaxLength(255)
  website?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isTarget?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isChainLeader?: boolean;
  @ApiPropertyOptional({ description: 'create even though a company with a similar name exists' })
  @IsOptional()
  @IsBoolean()
  allowDuplicateName?: boolean;
}

export class UpdateCompanyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsUscc()
  uscc?: string | null;
  @ApiPropertyOptional({ enum: OWNERSHIP_TYPES, nullable: true })
  @IsOptional()
  @IsIn([...OWNERSHIP_TYPES, null])
  ownership?: OwnershipType | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(32)
  province?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(32) city?:
    string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  chainNodeIds?: string[];
  @ApiPropertyOptional({ enum: COMPANY_TAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(COMPANY_TAGS, { each: true })
  tags?: CompanyTag[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ require_protocol: false })
  @MaxLength(255)
  website?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isTarget?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isChainLeader?: boolean;
  @ApiProperty() @IsVersion() version: number;
}

export class MergeCompanyDto {
  @ApiProperty({ description: 'the duplicate, merged into the company in the path and then removed' })
  @IsUUID()
  sourceId: string;
}

export class CompanyListQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() chainNode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() isTarget?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() isChainLeader?: boolean;
  @ApiPropertyOptional({ enum: COMPANY_TAGS }) @IsOptional() @IsIn(COMPANY_TAGS) tag?: CompanyTag;
  @ApiPropertyOptional({ enum: OWNERSHIP_TYPES }) @IsOptional() @IsIn(OWNERSHIP_TYPES) ownership?: OwnershipType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) province?: string;
  @ApiPropertyOptional({ description: 'admins: list deleted records (to restore them)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  deleted?: boolean;
}

export class CompanyResponseDto implements CompanyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ enum: OWNERSHIP_TYPES, nullable: true }) ownership: OwnershipType | null;
  @ApiProperty({ nullable: true, type: String }) province: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ type: [String] }) chainNodeIds: string[];
  @ApiProperty({ enum: COMPANY_TAGS, isArray: true }) tags: CompanyTag[];
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() isTarget: boolean;
  @ApiProperty() isChainLeader: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;

  static from(c: Company): CompanyResponseDto {
    return {
      id: c.id,
      name: c.name,
      uscc: c.uscc,
      ownership: c.ownership,
      province: c.province,
      city: c.city,
      chainNodeIds: c.chainNodeIds,
      tags: c.tags,
      website: c.website,
      notes: c.notes,
      isTarget: c.isTarget,
      isChainLeader: c.isChainLeader,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      version: c.version,
    };
  }
}

/** A team working the company, without private details (who works it, how much, when last). */
export class CompanyTouchResponseDto implements CompanyTouchDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: 'integer' }) leadCount: number;
  @ApiProperty({ type: 'integer' }) projectCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActedAt: string | null;
}
