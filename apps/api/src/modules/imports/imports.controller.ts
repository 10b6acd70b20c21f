import type {} from '@fastify/multipart';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '@lianqiao/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ApiError } from '../../common/errors/api-error';
import { CONTENT_TYPES, contentDisposition } from '../exports/table-writer';
import {
  ImportColumnResponseDto,
  ImportListQueryDto,
  ImportListResponseDto,
  ImportResponseDto,
  ImportUploadQueryDto,
} from './dto/import.dto';
import { IMPORT_COLUMNS } from './import-columns';
import { buildTemplate } from './import-template';
import { ImportsService } from './imports.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

function kindOf(raw: string, suffix = ''): ImportKind {
  const kind = suffix ? raw.replace(new RegExp(`\\.${suffix}$`), '') : raw;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind) || (suffix && !raw.endsWith(`.${suffix}`))) {
    throw ApiError.field('kind', `导入类型应为 ${IMPORT_KINDS.join(', ')}`);
  }
  return kind as ImportKind;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a .xlsx or .csv (checked by content) to import; answers 202 at once, then poll GET /api/imports/{id}',
    description:
      'Every row is checked first; one bad row and nothing is written (the bad rows are listed). Then all rows are written in one transaction. Re-importing the same file creates no duplicates.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { kind: { type: 'string', enum: [...IMPORT_KINDS] }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: ImportResponseDto })
  @ApiBadRequestResponse({ description: 'no or unknown kind; not a .xlsx/.csv by content' })
  @ApiPayloadTooLargeResponse({ description: 'larger than IMPORT_MAX_BYTES (100 MB by default)' })
  async upload(@CurrentUser() user: AuthUser, @Query() query: ImportUploadQueryDto, @Req() request: FastifyRequest) {
    return ImportResponseDto.from(await this.imports.upload(user, request, query.kind));
  }

  @Get()
  @ApiOperation({ summary: "Recent imports: the caller's own (leaders and admins: everyone's), newest first" })
  @ApiOkResponse({ type: ImportListResponseDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: ImportListQueryDto): Promise<ImportListResponseDto> {
    const items = (await this.imports.list(user, query)).map((job) => ImportResponseDto.from(job));
    return { items, nextCursor: null, total: items.length };
  }

  @Get('templates/:file')
  @ApiOperation({
    summary:
      'The template of a kind, e.g. templates/leads.xlsx: Chinese headers, notes, drop-down lists and instructions',
  })
  @ApiParam({ name: 'file', example: 'leads.xlsx', description: `${IMPORT_KINDS.map((k) => `${k}.xlsx`).join(', ')}` })
  @ApiProduces(CONTENT_TYPES.xlsx)
  async template(@Param('file') file: string, @Res() reply: FastifyReply) {
    const kind = kindOf(file, 'xlsx');
    const bytes = await buildTemplate(kind);
    return reply
      .header('content-type', CONTENT_TYPES.xlsx)
      .header(
        'content-disposition',
        contentDisposition(`${kind}-template.xlsx`, `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`),
      )
      .send(bytes);
  }

  @Get('columns/:kind')
  @ApiOperation({ summary: "The columns a kind's file may have: header, other accepted headers, required, help" })
  @ApiOkResponse({ type: [ImportColumnResponseDto] })
  columns(@Param('kind') kind: string): ImportColumnResponseDto[] {
    return IMPORT_COLUMNS[kindOf(kind)].map(({ field, header, required, aliases, help }) => ({
      field,
      header,
      required,
      aliases,
      help,
    }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress (status, processed/total rows) and the first 100 bad rows' })
  @ApiOkResponse({ type: ImportResponseDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const { job, errors } = await this.imports.get(user, id);
    return ImportResponseDto.from(job, errors);
  }

  @Get(':id/errors.csv')
  @ApiOperation({ summary: 'Every bad row: 行号, 列, 问题 (CSV, UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  async errors(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply) {
    const csv = await this.imports.errorsCsv(user, id);
    return reply
      .header('content-type', CONTENT_TYPES.csv)
      .header(
        'content-disposition',
        contentDisposition(`import-${id.slice(0, 8)}-errors.csv`, `导入错误清单-${id.slice(0, 8)}.csv`),
      )
      .send(csv);
  }
}
