import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { Roles } from '../../common/auth/decorators';
import { AuditService } from './audit.service';

class AuditQueryDto {
  @IsString() @MaxLength(64) entity: string;
  @IsUUID() entityId: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The trail of one record. Record-level visibility for staff is checked by each feature's own /audit route. */
  @Get()
  @Roles('admin', 'leader')
  async list(@Query() query: AuditQueryDto) {
    const items = await this.audit.list(query.entity, query.entityId);
    return { items, nextCursor: null, total: items.length };
  }
}
