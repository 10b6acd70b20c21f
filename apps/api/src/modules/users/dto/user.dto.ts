import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type UserDto } from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsVersion } from '../../../common/validation/validators';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import type { User } from '../user.entity';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', description: '3–32 letters, digits, dot, dash or underscore' })
  @Transform(lower)
  @IsString()
  @Matches(/^[a-z0-9._-]{3,32}$/, { message: '用户名须为 3–32 位字母、数字、点、横线或下划线' })
  username: string;

  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() @MaxLength(64) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @ApiProperty({ description: 'checked against the password policy' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiProperty() @IsVersion() version: number;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) password: string;
}

export class UserListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}

export class UserResponseDto implements UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() referralCode: string;
  @ApiProperty({ nullable: true, type: String }) lockedUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      orgUnitId: user.orgUnitId,
      active: user.active,
      referralCode: user.referralCode,
      lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      version: user.version,
    };
  }
}
