/**
 * The stable, machine-readable `code` of every error body (API.md): clients branch and translate
 * by it; `message` is for people and may change. Generic codes follow the status; a feature may
 * answer with a more specific code of its own (`<feature>.<what>`), declared here as well.
 */
export const ErrorCode = {
  /** 400: a field (named in `details`) or the request itself is malformed. */
  InputInvalid: 'input.invalid',
  /** 401: no, expired or revoked credentials. */
  AuthUnauthenticated: 'auth.unauthenticated',
  /** 403: signed in, but not allowed. */
  Forbidden: 'forbidden',
  /** 404: no such record, or one the caller may not see; also an unknown route. */
  RecordNotFound: 'record.not_found',
  /** 405 */
  MethodNotAllowed: 'method.not_allowed',
  /** 409: a PATCH with an old `version`. */
  RecordStale: 'record.stale',
  /** 409: a unique value (named in `details`) is taken. */
  RecordDuplicate: 'record.duplicate',
  /** 409: any other conflict with the record's current state. */
  Conflict: 'conflict',
  /** 410: the thing existed but is no longer available (a paused card, a used feedback link). */
  Gone: 'gone',
  /** 413: the body or an uploaded file is larger than allowed. */
  PayloadTooLarge: 'payload.too_large',
  /** 415: a body in a content type the route does not read. */
  UnsupportedMediaType: 'media_type.unsupported',
  /** 422: well-formed, but a rule forbids it (an illegal stage move, a reference that does not exist). */
  RuleViolated: 'rule.violated',
  /** 429 */
  RateLimited: 'rate_limited',
  /** 500: a fault of the server; logged with the request id. */
  Internal: 'internal',
  /** 503: the database cannot be reached. */
  DatabaseUnavailable: 'database.unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The generic code of a status, for errors that name no code of their own. */
export function errorCodeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.InputInvalid;
    case 401:
      return ErrorCode.AuthUnauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.RecordNotFound;
    case 405:
      return ErrorCode.MethodNotAllowed;
    case 409:
      return ErrorCode.Conflict;
    case 410:
      return ErrorCode.Gone;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 422:
      return ErrorCode.RuleViolated;
    case 429:
      return ErrorCode.RateLimited;
    case 503:
      return ErrorCode.DatabaseUnavailable;
    default:
      return status < 500 ? ErrorCode.InputInvalid : ErrorCode.Internal;
  }
}
