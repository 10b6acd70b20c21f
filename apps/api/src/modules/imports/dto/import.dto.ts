import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportColumnDto,
  type ImportDto,
  type ImportFormat,
  type ImportKind,
  type ImportRowErrorDto,
  type ImportStatus,
} from '@lianqiao/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ImportJob } from '../import-job.entity';

export class ImportUploadQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_KINDS,
    description: 'what the file holds; or send it as the multipart field `kind`',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: `kind 应为 ${IMPORT_KINDS.join(', ')}` })
  kind?: ImportKind;
}

export class ImportListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ enum: IMPORT_KINDS }) @IsOptional() @IsIn(IMPORT_KINDS) kind?: ImportKind;
}

export class ImportRowErrorResponseDto implements ImportRowErrorDto {
  @ApiProperty({ description: 'spreadsheet row (header = 1)' }) row: number;
  @ApiProperty({ description: "the column's header as in the file" }) column: string;
  @ApiProperty() message: string;
}

export class ImportResponseDto implements ImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'validating → writing → done, or failed (nothing written)' })
  status: ImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty({ nullable: true, type: Number, description: 'data rows: estimated while reading, exact once checked' })
  totalRows: number | null;
  @ApiProperty({ description: 'rows checked (validating) or written (writing) so far' }) processedRows: number;
  @ApiProperty() errorCount: number;
  @ApiProperty() createdCount: number;
  @ApiProperty({ description: 'rows naming a record already present, or repeating an earlier row: not duplicated' })
  skippedCount: number;
  @ApiProperty() companiesCreated: number;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ type: [ImportRowErrorResponseDto], description: 'the first 100; all at /errors.csv' })
  errors: ImportRowErrorResponseDto[];
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;

  static from(job: ImportJob, errors: ImportRowErrorDto[] = []): ImportResponseDto {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      fileName: job.fileName,
      format: job.format,
      totalRows: job.totalRows,
      processedRows: job.processedRows,
      errorCount: job.errorCount,
      createdCount: job.createdCount,
      skippedCount: job.skippedCount,
      companiesCreated: job.companiesCreated,
      message: job.message,
      errors,
      createdById: job.createdById,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  }
}

export class ImportListResponseDto {
  @ApiProperty({ type: [ImportResponseDto] }) items: ImportResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class ImportColumnResponseDto implements ImportColumnDto {
  @ApiProperty() field: string;
  @ApiProperty({ example: '线索名称' }) header: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty() help: string;
}
