import type { LoginResponse, UserDto } from '@lianqiao/contracts';

/** A recorded call to the fake API. */
export interface Call {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown });

/** A Response as fetch gives it, enough for the http client (jsdom has no fetch of its own). */
export function response(status: number, body?: unknown, statusText = ''): Response {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

/**
 * A fetch that answers from a table of `METHOD /path` → reply (a reply may be a function of the
 * call, or a list used in order), and records every call. An unlisted route answers 404.
 */
export function fakeApi(routes: Record<string, Reply | Reply[]>) {
  const calls: Call[] = [];
  const used = new Map<string, number>();
  const fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://console.test');
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(input),
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const key = `${call.method} ${call.path}`;
    const route = routes[key];
    if (!route) return response(404, { statusCode: 404, error: 'Not Found', message: `no route ${key}` });
    let reply: Reply;
    if (Array.isArray(route)) {
      const index = used.get(key) ?? 0;
      used.set(key, index + 1);
      reply = route[Math.min(index, route.length - 1)];
    } else {
      reply = route;
    }
    const { status, body } = typeof reply === 'function' ? reply(call) : reply;
    return response(status, body);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch & jest.Mock, calls };
}

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'zhangsan',
    displayName: '张三',
    role: 'staff',
    teamId: null,
    orgUnitId: null,
    active: true,
    referralCode: 'abcd2345',
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aSession(overrides: Partial<LoginResponse> = {}, inMs = 10 * 60_000): LoginResponse {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    accessTokenExpiresAt: new Date(Date.now() + inMs).toISOString(),
    user: aUser(),
    ...overrides,
  };
}
