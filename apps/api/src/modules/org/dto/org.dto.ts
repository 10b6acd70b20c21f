import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '@lianqiao/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsVersion } from '../../../common/validation/validators';
import type { OrgUnit } from '../org-unit.entity';
import type { Team } from '../team.entity';

export class CreateOrgUnitDto {
  @ApiProperty({ example: '商务局' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) @IsIn(ORG_UNIT_KINDS) kind: OrgUnitKind;
}
export class UpdateOrgUnitDto extends PartialType(CreateOrgUnitDto) {
  @ApiProperty() @IsVersion() version: number;
}

export class CreateTeamDto {
  @ApiProperty({ example: '汽车产业链招商专班' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
}
export class UpdateTeamDto extends PartialType(PickType(CreateTeamDto, ['name', 'orgUnitId'] as const)) {
  @ApiProperty() @IsVersion() version: number;
}

export class OrgUnitResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind: OrgUnitKind;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;

  static from(unit: OrgUnit): OrgUnitResponseDto {
    return {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      createdAt: unit.createdAt.toISOString(),
      version: unit.version,
    };
  }
}

export class TeamResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) orgUnitId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;

  static from(team: Team): TeamResponseDto {
    return {
      id: team.id,
      name: team.name,
      orgUnitId: team.orgUnitId,
      createdAt: team.createdAt.toISOString(),
      version: team.version,
    };
  }
}
