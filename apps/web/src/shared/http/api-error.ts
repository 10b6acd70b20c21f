import type { ApiErrorBody, ApiErrorDetail } from '@lianqiao/contracts';

/**
 * What went wrong with a request, in one type for every caller:
 * - `api`: the server answered with its error shape `{statusCode, error, message, details?}`;
 * - `network`: no answer at all (offline, server down);
 * - `unexpected`: an answer that is not the error shape (a proxy's HTML page, a crash).
 */
export type ApiErrorKind = 'api' | 'network' | 'unexpected';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly error: string;
  readonly details: ApiErrorDetail[];

  constructor(kind: ApiErrorKind, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = body.statusCode;
    this.error = body.error;
    this.details = body.details ?? [];
  }

  /** Reads a failed response's body; anything not in the API's shape becomes an `unexpected` error. */
  static fromResponse(status: number, statusText: string, payload: unknown): ApiError {
    if (isErrorBody(payload)) return new ApiError('api', { ...payload, statusCode: payload.statusCode || status });
    return new ApiError('unexpected', {
      statusCode: status,
      error: statusText || 'Error',
      code: 'client.unexpected',
      message: statusText || `HTTP ${status}`,
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError('network', {
      statusCode: 0,
      error: 'Network Error',
      code: 'client.network',
      message: cause instanceof Error ? cause.message : String(cause),
    });
    error.cause = cause;
    return error;
  }

  /** A PATCH with an old `version`: someone else saved the record first. */
  get isStaleVersion(): boolean {
    return this.status === 409 && this.details.some((d) => d.field === 'version');
  }

  /** The messages per field, in the order the server gave them (a field may have several). */
  fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const { field, message } of this.details) (byField[field] ??= []).push(message);
    return byField;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  const detailsOk =
    body.details === undefined ||
    (Array.isArray(body.details) &&
      body.details.every((d) => typeof d?.field === 'string' && typeof d?.message === 'string'));
  return typeof body.statusCode === 'number' && typeof body.message === 'string' && detailsOk;
}
