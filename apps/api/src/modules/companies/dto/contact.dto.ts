import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContactDto } from '@lianqiao/contracts';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsChinaMobile, TrimToNull, IsVersion } from '../../../common/validation/validators';

export class CreateContactDto {
  @ApiProperty({ example: '王经理' }) @IsString() @IsNotEmpty() @MaxLength(64) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(64) title?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '13812341234' })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsChinaMobile()
  mobile?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(128)
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  wechat?: string | null;
}

export class UpdateContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(64) title?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsChinaMobile()
  mobile?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(128)
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  wechat?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class ContactResponseDto implements ContactDto {
  @ApiProperty() id: string;
  @ApiProperty() companyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'masked 138****1234 unless the caller may see it' })
  mobile: string | null;
  @ApiProperty() mobileMasked: boolean;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) wechat: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty() version: number;
}
