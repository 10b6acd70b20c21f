import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AuditAccess } from './audit-access';
import { AuditService } from './audit.service';
import { ApiPageResponse } from '../../common/pagination/api-page-response';
import { AuditEntryResponseDto } from './dto/audit.dto';

class AuditQueryDto {
  @IsString() @MaxLength(64) entity: string;
  @IsUUID() entityId: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AuditAccess,
  ) {}

  /** The trail of one record, for whoever may see the record (404 otherwise). */
  @Get()
  @ApiOperation({ summary: 'The audit trail of one record, for whoever may see the record' })
  @ApiPageResponse(AuditEntryResponseDto, 'the whole trail, oldest first, in one page')
  async list(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto) {
    await this.access.assertVisible(user, query.entity, query.entityId);
    const items = await this.audit.list(query.entity, query.entityId);
    return { items, nextCursor: null, total: items.length };
  }
}
