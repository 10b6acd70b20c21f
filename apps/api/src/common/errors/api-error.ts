import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorDetail } from '@lianqiao/contracts';

/**
 * An error with the API's one shape. Services throw these (or Nest's own exceptions, which the
 * filter maps to the same shape) with a user-facing message and, for input problems, the fields.
 */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, message: string, details?: ApiErrorDetail[]) {
    super({ message, details }, status);
  }

  static badRequest(message: string, details?: ApiErrorDetail[]) {
    return new ApiError(HttpStatus.BAD_REQUEST, message, details);
  }
  static field(field: string, message: string) {
    return new ApiError(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message }]);
  }
  static notFound(what = '记录') {
    return new ApiError(HttpStatus.NOT_FOUND, `${what}不存在或无权查看`);
  }
  static forbidden(message = '无权执行此操作') {
    return new ApiError(HttpStatus.FORBIDDEN, message);
  }
  static conflict(message: string, details?: ApiErrorDetail[]) {
    return new ApiError(HttpStatus.CONFLICT, message, details);
  }
  static staleVersion() {
    return new ApiError(HttpStatus.CONFLICT, '记录已被他人修改，请刷新后重试 (stale version)', [
      { field: 'version', message: '版本已过期' },
    ]);
  }
  static rule(message: string, details?: ApiErrorDetail[]) {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, message, details);
  }
}
