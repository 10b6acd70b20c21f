import type { OrgUnitKind, Role } from './enums';

/** The one error shape of every API response that is not a success. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** Stable and machine-readable: one of ErrorCode (error-codes.ts) or a feature's own. */
  code: string;
  message: string;
  details?: ApiErrorDetail[];
}
export interface ApiErrorDetail {
  /** The field at fault, dotted for nested ones (`contacts.0.email`); `file` for an upload. */
  field: string;
  message: string;
  /** Facts about the fault a client may use (a limit, the allowed values). */
  meta?: Record<string, unknown>;
}

/** Every list endpoint answers with a page of this shape. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  /** Present and true when `total` is the database's estimate (more than 10,000 matching rows). */
  totalIsEstimate?: boolean;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  orgUnitId: string | null;
  active: boolean;
  referralCode: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface TeamDto {
  id: string;
  name: string;
  orgUnitId: string | null;
  createdAt: string;
  version: number;
}

export interface OrgUnitDto {
  id: string;
  name: string;
  kind: OrgUnitKind;
  createdAt: string;
  version: number;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Opaque, server-side, revocable; exchanged at POST /api/auth/refresh. */
  refreshToken: string;
  /** ISO time the access token stops being accepted. */
  accessTokenExpiresAt: string;
  user: UserDto;
}
