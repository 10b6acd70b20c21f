import type { LoginResponse } from '@lianqiao/contracts';
import { ApiError } from './api-error';
import { type SessionStore } from './session-store';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** false for the sign-in calls themselves: no bearer token, no renewal, no session ending on 401. */
  auth?: boolean;
}

export interface HttpClientOptions {
  store: SessionStore;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Renew the access token when it has less than this left. */
  refreshLeewayMs?: number;
  now?: () => number;
}

const REFRESH_PATH = '/api/auth/refresh';

/**
 * fetch, plus what every call to our API needs: the bearer token, the API's error shape turned
 * into an `ApiError`, the access token renewed shortly before it expires (and once more on a
 * 401), and the session ended, for the login page to take over, when renewal is refused.
 */
export class HttpClient {
  private readonly store: SessionStore;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly refreshLeewayMs: number;
  private readonly now: () => number;
  /** One renewal at a time: refresh tokens rotate, so a second parallel renewal would be refused. */
  private refreshing: Promise<boolean> | null = null;

  constructor(options: HttpClientOptions) {
    this.store = options.store;
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.refreshLeewayMs = options.refreshLeewayMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const useAuth = options.auth !== false;
    if (useAuth && this.expiresSoon() && !(await this.renew())) throw sessionEnded();

    let sent = await this.send(method, path, options, useAuth);
    if (sent.response.status === 401 && sent.token) {
      // Refused although we thought it valid (a restart, clock skew, the session idled out):
      // retry once, with the token another call renewed meanwhile or with a freshly renewed one.
      const current = this.store.get();
      const retry = current !== null && (current.accessToken !== sent.token || (await this.renew()));
      if (retry) sent = await this.send(method, path, options, useAuth);
      if (sent.response.status === 401) this.store.clear('expired');
    }
    return this.parse<T>(sent.response);
  }

  /** Exchanges the refresh token; false (and the session ended) when the server refuses it. */
  renew(): Promise<boolean> {
    this.refreshing ??= this.doRenew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRenew(): Promise<boolean> {
    const session = this.store.get();
    if (!session) return false;
    const { response } = await this.send('POST', REFRESH_PATH, { body: { refreshToken: session.refreshToken } }, false);
    if (response.ok) {
      this.store.set((await response.json()) as LoginResponse);
      return true;
    }
    if (response.status === 401 || response.status === 400) {
      this.store.clear('expired');
      return false;
    }
    // A 5xx says nothing about the session: report it without signing the user out.
    throw await this.errorOf(response);
  }

  private expiresSoon(): boolean {
    const session = this.store.get();
    if (!session) return false;
    const expiresAt = Date.parse(session.accessTokenExpiresAt);
    return Number.isFinite(expiresAt) && expiresAt - this.now() < this.refreshLeewayMs;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    useAuth: boolean,
  ): Promise<{ response: Response; token: string | undefined }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = useAuth ? this.store.get()?.accessToken : undefined;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      const url = this.baseUrl + path + queryString(options.query);
      const response = await this.fetchImpl(url, { method, headers, body, signal: options.signal });
      return { response, token };
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw ApiError.network(cause);
    }
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) throw await this.errorOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      // A proxy or captive portal answering HTML instead of our API.
      throw ApiError.fromResponse(response.status, response.statusText, null);
    }
  }

  private async errorOf(response: Response): Promise<ApiError> {
    let payload: unknown = null;
    try {
      payload = JSON.parse(await response.text());
    } catch {
      payload = null;
    }
    return ApiError.fromResponse(response.status, response.statusText, payload);
  }
}

function sessionEnded(): ApiError {
  return new ApiError('api', {
    statusCode: 401,
    error: 'Unauthorized',
    code: 'auth.unauthenticated',
    message: '登录已过期，请重新登录 (session ended)',
  });
}

/** `?a=1&b=x`, leaving out empty values so an unset filter is simply absent. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
