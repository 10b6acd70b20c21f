import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  PROJECT_STATUSES,
  type ActivityKind,
  type AftercareCompanyDto,
  type EnterpriseProjectDto,
  type LatestActivityDto,
  type MyEnterpriseDto,
  type ProjectStatus,
  type RequestLinkDto,
  type UpdateAftercareAssignmentRequest,
  type AftercarePersonDto,
} from '@lianqiao/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsVersion } from '../../../../common/validation/validators';
import { ListQueryDto } from '../../../../common/pagination/list-query.dto';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AftercarePersonResponseDto implements AftercarePersonDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class AftercareCompanyResponseDto implements AftercareCompanyDto {
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ description: 'a project of the company is at registered, under_construction or in_production' })
  landed: boolean;
  @ApiProperty({ description: 'an admin put the company into aftercare though no project has landed' })
  aftercareEligible: boolean;
  @ApiProperty({ description: 'landed or aftercareEligible' }) inAftercare: boolean;
  @ApiProperty({ nullable: true, type: AftercarePersonResponseDto, description: '包保领导' })
  responsibleLeader: AftercarePersonResponseDto | null;
  @ApiProperty({ nullable: true, type: AftercarePersonResponseDto, description: '政府事务代表' })
  affairsRep: AftercarePersonResponseDto | null;
  @ApiProperty({ description: '0 until first assigned; send it back with a change' }) version: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class AftercareCompanyPageDto {
  @ApiProperty({ type: [AftercareCompanyResponseDto] }) items: AftercareCompanyResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class AftercareCompanyListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'companies with this 包保领导' }) @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ description: 'companies with this 政府事务代表' }) @IsOptional() @IsUUID() repId?: string;
  @ApiPropertyOptional({ description: 'true: only companies still missing a leader or a representative' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unassigned?: boolean;
}

export class UpdateAssignmentDto implements UpdateAftercareAssignmentRequest {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '包保领导: an active leader or admin; null to clear',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  responsibleLeaderId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '政府事务代表: any active user; null to clear' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  affairsRepId?: string | null;
  @ApiPropertyOptional({
    description: 'admins only: put a company that has not landed into aftercare (or take it out)',
  })
  @IsOptional()
  @IsBoolean()
  aftercareEligible?: boolean;
  @ApiProperty({ description: 'the version read (0 when the company has no assignment yet)' })
  @IsVersion(0)
  version: number;
}

export class MyEnterprisesQueryDto {
  @ApiPropertyOptional({ description: 'leaders and admins: the enterprises of this 包保领导' })
  @IsOptional()
  @IsUUID()
  leaderId?: string;
  @ApiPropertyOptional({ description: 'leaders and admins: the enterprises of this 政府事务代表' })
  @IsOptional()
  @IsUUID()
  repId?: string;
}

export class LatestActivityResponseDto implements LatestActivityDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty() occurredAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
}

export class EnterpriseProjectResponseDto implements EnterpriseProjectDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the code name when confidential and the caller is not on its team' }) name: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) stage: ProjectStatus;
}

export class MyEnterpriseResponseDto implements MyEnterpriseDto {
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ enum: ['responsible_leader', 'affairs_rep'], isArray: true }) roles: Array<
    'responsible_leader' | 'affairs_rep'
  >;
  @ApiProperty({ nullable: true, type: AftercarePersonResponseDto })
  responsibleLeader: AftercarePersonResponseDto | null;
  @ApiProperty({ nullable: true, type: AftercarePersonResponseDto }) affairsRep: AftercarePersonResponseDto | null;
  @ApiProperty({ nullable: true, type: LatestActivityResponseDto }) latestActivity: LatestActivityResponseDto | null;
  @ApiProperty({ description: 'requests open, in progress or escalated' }) openRequestCount: number;
  @ApiProperty({ description: 'of those, past their deadline' }) overdueRequestCount: number;
  @ApiProperty({ type: [EnterpriseProjectResponseDto] }) projects: EnterpriseProjectResponseDto[];
}

export class MyEnterprisePageDto {
  @ApiProperty({ type: [MyEnterpriseResponseDto] }) items: MyEnterpriseResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the whole list in one page' }) nextCursor:
    string | null;
  @ApiProperty() total: number;
}

export class RequestLinkResponseDto implements RequestLinkDto {
  @ApiProperty() companyId: string;
  @ApiProperty({ example: 'q3Jm0bN6o1dZk3hVb0P4xg' }) token: string;
  @ApiProperty({
    example: 'https://zs.example.gov.cn/e/q3Jm0bN6o1dZk3hVb0P4xg',
    description: 'the public form (console route /e/{token})',
  })
  url: string;
  @ApiProperty({ description: 'the QR code of url, an SVG document' }) qrSvg: string;
  @ApiProperty() createdAt: string;
}
