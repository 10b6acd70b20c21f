import type { Page, Role, UserDto } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

/** The list's filters, as GET /api/users takes them. */
export interface UserListFilters {
  q?: string;
  role?: Role;
  teamId?: string;
  active?: 'true' | 'false';
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  orgUnitId?: string | null;
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  orgUnitId?: string | null;
  active?: boolean;
  version: number;
}

export const USER_PAGE_SIZE = 20;

export const usersApi = {
  list: (filters: UserListFilters, cursor?: string, signal?: AbortSignal) =>
    http.get<Page<UserDto>>('/api/users', { ...filters, cursor, limit: USER_PAGE_SIZE }, { signal }),
  get: (id: string) => http.get<UserDto>(`/api/users/${id}`),
  create: (body: CreateUserRequest) => http.post<UserDto>('/api/users', body),
  update: (id: string, body: UpdateUserRequest) => http.patch<UserDto>(`/api/users/${id}`, body),
  unlock: (id: string) => http.post<UserDto>(`/api/users/${id}/unlock`),
  resetPassword: (id: string, password: string) => http.post<UserDto>(`/api/users/${id}/reset-password`, { password }),
};
