import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type ApiErrorBody, type ApiErrorDetail, ErrorCode, errorCodeOfStatus } from '@lianqiao/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, databaseUnavailable } from './database-unavailable';

/** Postgres error codes we turn into client errors rather than 500s. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_INVALID_TEXT = '22P02';
const PG_CHECK_VIOLATION = '23514';
const PG_NOT_NULL_VIOLATION = '23502';
/** Class 22, data exceptions (bad number, date, text): the edge and the DTOs should have refused them first. */
const PG_DATA_EXCEPTION_CLASS = '22';

/** Fastify's (and @fastify/multipart's) refusals of a malformed request, with the code we answer them with. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PayloadTooLarge, message: '请求体过大 (request body too large)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.UnsupportedMediaType,
    message: '不支持的请求体类型 (unsupported content type)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ErrorCode.InputInvalid, message: '请求体为空 (empty JSON body)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ErrorCode.InputInvalid, message: '请求体长度有误 (bad content length)' },
};

/**
 * Every error leaves the API in one shape: {statusCode, error, code, message, details?}. Database
 * errors a client can cause become 4xx naming the field; everything unexpected is a 500 that
 * says nothing of the internals and is logged with the request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly onNotFound?: (request: FastifyRequest, reply: FastifyReply) => boolean) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception);

    if (body.statusCode === 404 && this.onNotFound?.(request, reply)) return;

    const context = { reqId: request.id, method: request.method, url: request.url, user: request.user?.username };
    if (body.code === ErrorCode.DatabaseUnavailable) {
      // Expected during an outage, one a request: a line each, no stack (the gate logs its start and end).
      const reason = exception instanceof DatabaseUnavailableError ? exception.reason : (exception as Error)?.message;
      this.logger.warn({ ...context, statusCode: body.statusCode, reason }, 'request refused: database unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ ...context, err: exception }, 'request failed');
    } else if ([401, 403, 429].includes(body.statusCode)) {
      this.logger.warn({ ...context, statusCode: body.statusCode, reason: body.message }, 'request refused');
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: ApiErrorDetail[] | undefined;
      let code: string | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; details?: ApiErrorDetail[]; code?: unknown };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        details = r.details;
        if (typeof r.code === 'string') code = r.code;
      } else if (typeof response === 'string') {
        message = response;
      }
      return shape(status, message, details, code);
    }
    const unavailable = databaseUnavailable(exception);
    if (unavailable) return shape(503, unavailable.message, undefined, ErrorCode.DatabaseUnavailable);
    if (exception instanceof EntityNotFoundError) return shape(404, '记录不存在或无权查看');
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; detail?: string; column?: string; constraint?: string };
      const field = fieldOf(pg);
      switch (pg.code) {
        case PG_UNIQUE_VIOLATION:
          return shape(
            409,
            `${field ?? '记录'} 已存在 (duplicate ${field ?? 'value'})`,
            [{ field: field ?? 'unknown', message: '已存在相同的值' }],
            ErrorCode.RecordDuplicate,
          );
        case PG_FOREIGN_KEY_VIOLATION:
          return shape(422, `引用的记录不存在或仍被引用 (${field ?? pg.constraint})`, [
            { field: field ?? 'unknown', message: '引用无效' },
          ]);
        case PG_INVALID_TEXT:
          return shape(400, '输入格式有误 (malformed value)');
        case PG_CHECK_VIOLATION:
        case PG_NOT_NULL_VIOLATION:
          return shape(400, `输入有误 (invalid input): ${field ?? pg.constraint}`, [
            { field: field ?? 'unknown', message: '不符合要求' },
          ]);
        default:
          if (pg.code?.startsWith(PG_DATA_EXCEPTION_CLASS)) return shape(400, '输入格式有误 (malformed value)');
      }
    }
    // Fastify's own errors (body too large, wrong content type) carry their status.
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
      return shape(
        fastifyError.statusCode,
        known?.message ?? fastifyError.message ?? 'Bad request',
        undefined,
        known?.code,
      );
    }
    return shape(HttpStatus.INTERNAL_SERVER_ERROR, '服务器内部错误，请稍后重试 (internal error)');
  }
}

/** The one error shape; also used by the edge's answers that come before Nest (input-guard.ts). */
export function shape(statusCode: number, message: string, details?: ApiErrorDetail[], code?: string): ApiErrorBody {
  const body: ApiErrorBody = {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    code: code ?? errorCodeOfStatus(statusCode),
    message,
  };
  if (details?.length) body.details = details;
  return body;
}

/** "Key (uscc)=(…) already exists." → "uscc" (snake_case columns mapped back to camelCase). */
function fieldOf(pg: { detail?: string; column?: string }): string | undefined {
  const column =
    pg.column ??
    /Key \(([^)]+)\)/
      .exec(pg.detail ?? '')?.[1]
      ?.split(',')[0]
      ?.trim();
  return column?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
