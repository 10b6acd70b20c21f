import { HttpClient } from './http-client';
import { sessionStore } from './session-store';

export { ApiError, isApiError, type ApiErrorKind } from './api-error';
export { HttpClient, queryString, type Query, type RequestOptions } from './http-client';
export { SessionStore, sessionStore, type Session, type SessionEndReason } from './session-store';

/** The console's one client for its API (same origin; Vite's dev server proxies /api). */
export const http = new HttpClient({ store: sessionStore });
export { describeError } from './describe-error';
