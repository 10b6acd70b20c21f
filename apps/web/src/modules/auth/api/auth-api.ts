import type { LoginRequest, LoginResponse, UserDto } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export const authApi = {
  login: (body: LoginRequest) => http.post<LoginResponse>('/api/auth/login', body, { auth: false }),
  logout: () => http.post<void>('/api/auth/logout'),
  me: () => http.get<UserDto>('/api/auth/me'),
  changePassword: (body: ChangePasswordRequest) => http.post<void>('/api/auth/me/password', body),
};
