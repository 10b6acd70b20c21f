import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDay, IsInstant } from '../../../common/validation/dates';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { AtDistrictDay } from '../../../common/validation/district-day';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class WeeklyReportQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-16',
    description: 'first day of the period (China time); default: 6 days before today',
  })
  @IsOptional()
  @IsCalendarDay()
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-23', description: 'day after the last day (exclusive); default: tomorrow' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
  @ApiPropertyOptional({ description: "one team's projects (leaders and admins); staff always get what they may see" })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

/** The roadshow list's filters (GET /api/roadshows), for its export. */
export class RoadshowExportQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    example: 'startsAt:desc',
    description: 'startsAt, createdAt, name or budgetWan; default startsAt:desc',
  })
  @IsOptional()
  @IsString()
  declare sort?: string;
  @ApiPropertyOptional({ example: '上海' }) @IsOptional() @IsString() @MaxLength(32) city?: string;
  @ApiPropertyOptional({ enum: ['offline', 'online', 'hybrid'] })
  @IsOptional()
  @IsIn(['offline', 'online', 'hybrid'])
  format?: string;
  @ApiPropertyOptional({ description: 'events that end on or after this instant' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'events that start before this instant' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  to?: string;
  @ApiPropertyOptional({ example: 'automotive' }) @IsOptional() @IsString() @MaxLength(48) chainCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'admins: deleted events' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  deleted?: boolean;
}

/** The delegation list's filters (GET /api/delegations), for its export. */
export class DelegationExportQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'startsOn:desc', description: 'startsOn, createdAt or name; default startsOn:desc' })
  @IsOptional()
  @IsString()
  declare sort?: string;
  @ApiPropertyOptional({ enum: ['outbound', 'inbound'] })
  @IsOptional()
  @IsIn(['outbound', 'inbound'])
  direction?: string;
  @ApiPropertyOptional({ example: '上海' }) @IsOptional() @IsString() @MaxLength(32) city?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'trips ending on or after this day' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'trips starting on or before this day' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'trips this user goes on (member or leading official)' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'admins: deleted trips' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  deleted?: boolean;
}
