import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ACCESS_TABLES, AccessPolicy, type AccessKind } from '../../common/auth/access';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AuditService } from './audit.service';
import { ApiPageResponse } from '../../common/pagination/api-page-response';
import { AuditEntryResponseDto } from './dto/audit.dto';

const KINDS = Object.keys(ACCESS_TABLES) as AccessKind[];

class AuditQueryDto {
  @ApiProperty({ enum: KINDS, description: 'the kind of record' }) @IsIn(KINDS) entity: AccessKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() entityId: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The trail of one record, for whoever may see the record (404 otherwise, deleted records
   * included), with its personal data masked for those who see it masked.
   */
  @Get()
  @ApiOperation({ summary: 'The audit trail of one record, for whoever may see the record' })
  @ApiPageResponse(AuditEntryResponseDto, 'the whole trail, oldest first, in one page')
  async list(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto) {
    // Some trails are keyed by another id (an aftercare assignment's by its company's): where
    // nothing of the kind is hidden from the caller there is nothing to look up.
    if (!this.access.seesEvery(user, query.entity))
      await this.access.requireAccess(user, query.entity, query.entityId, { withDeleted: true });
    const entries = await this.audit.list(query.entity, query.entityId);
    const items = await this.access.maskHistory(user, query.entity, query.entityId, entries);
    return { items, nextCursor: null, total: items.length };
  }
}
