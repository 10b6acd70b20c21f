import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTENDEE_STATUSES, type AttendeeStatus, type RoadshowAttendeeDto } from '@lianqiao/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsInstant } from '../../../common/validation/dates';
import { TrimToNull, IsVersion } from '../../../common/validation/validators';
import { CreateCompanyDto } from '../../companies/dto/company.dto';
import { CreateContactDto } from '../../companies/dto/contact.dto';
import { AtDistrictDay } from '../../../common/validation/district-day';

export class AddAttendeeDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an existing company; or give `company` to create one on the spot',
  })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({
    type: CreateCompanyDto,
    description: 'a new company, created in the same call (same duplicate and USCC checks)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateCompanyDto)
  company?: CreateCompanyDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an existing contact of the company; or give `contact` to create one',
  })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({
    type: CreateContactDto,
    description: 'a new contact of the company, created in the same call',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateContactDto)
  contact?: CreateContactDto;

  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES, default: 'invited' })
  @IsOptional()
  @IsIn(ATTENDEE_STATUSES)
  status?: AttendeeStatus;

  @ApiPropertyOptional({
    description: 'check in at the same time (a walk-in at the door): an instant on the event’s days',
  })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  checkedInAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class UpdateAttendeeDto {
  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES }) @IsOptional() @IsIn(ATTENDEE_STATUSES) status?: AttendeeStatus;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "a contact of the attendee's company, or null",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  contactId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  note?: string | null;
  @ApiProperty() @IsVersion() version: number;
}

export class CheckInDto {
  @ApiPropertyOptional({ description: 'default: now. Must fall on one of the event’s days (China time)' })
  @IsOptional()
  @AtDistrictDay()
  @IsInstant()
  checkedInAt?: string;
}

export class AttendeeResponseDto implements RoadshowAttendeeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roadshowId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) contactId: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactTitle: string | null;
  @ApiProperty({ enum: ATTENDEE_STATUSES }) status: AttendeeStatus;
  @ApiProperty({ nullable: true, type: String }) checkedInAt: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export class AttendeeListResponseDto {
  @ApiProperty({ type: [AttendeeResponseDto] }) items: AttendeeResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the whole list' }) nextCursor: null;
  @ApiProperty() total: number;
}
