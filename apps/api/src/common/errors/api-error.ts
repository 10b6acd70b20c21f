import { HttpException, HttpStatus } from '@nestjs/common';
import { type ApiErrorDetail, ErrorCode, errorCodeOfStatus } from '@lianqiao/contracts';

/**
 * An error with the API's one shape. Services throw these (or Nest's own exceptions, which the
 * filter maps to the same shape) with a user-facing message, for input problems the fields, and a
 * stable `code` (ErrorCode): the status's generic one unless a more specific one is given.
 */
export class ApiError extends HttpException {
  readonly code: string;

  constructor(
    status: HttpStatus,
    message: string,
    details?: ApiErrorDetail[],
    code: string = errorCodeOfStatus(status),
  ) {
    super({ message, details, code }, status);
    this.code = code;
  }

  static badRequest(message: string, details?: ApiErrorDetail[]) {
    return new ApiError(HttpStatus.BAD_REQUEST, message, details);
  }
  static field(field: string, message: string, meta?: Record<string, unknown>) {
    return new ApiError(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message, ...(meta && { meta }) }]);
  }
  static notFound(what = '记录') {
    return new ApiError(HttpStatus.NOT_FOUND, `${what}不存在或无权查看`);
  }
  static forbidden(message = '无权执行此操作') {
    return new ApiError(HttpStatus.FORBIDDEN, message);
  }
  static conflict(message: string, details?: ApiErrorDetail[], code: string = ErrorCode.Conflict) {
    return new ApiError(HttpStatus.CONFLICT, message, details, code);
  }
  static staleVersion() {
    return new ApiError(
      HttpStatus.CONFLICT,
      '记录已被他人修改，请刷新后重试 (stale version)',
      [{ field: 'version', message: '版本已过期' }],
      ErrorCode.RecordStale,
    );
  }
  static rule(message: string, details?: ApiErrorDetail[], code: string = ErrorCode.RuleViolated) {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, message, details, code);
  }
  /** 413 for a body part (an upload) larger than `maxBytes`. */
  static tooLarge(field: string, message: string, maxBytes: number) {
    return new ApiError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      message,
      [{ field, message, meta: { maxBytes } }],
      ErrorCode.PayloadTooLarge,
    );
  }
}
