import { ApiProperty } from '@nestjs/swagger';

/** One entry of a record's audit trail: who did what, when, and the record before and after. */
export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'lead' }) entity: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'update', description: 'create, update, delete, restore, or a named action' }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: Object, additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
