import { aSession, fakeApi } from '../../../../test/fake-api';
import { ApiError } from '../api-error';
import { HttpClient, queryString } from '../http-client';
import { SessionStore } from '../session-store';

const refreshed = aSession({ accessToken: 'access-2', refreshToken: 'refresh-2' });

function setUp(routes: Parameters<typeof fakeApi>[0], session = aSession()) {
  const store = new SessionStore(window.sessionStorage, `test.${Math.random()}`);
  store.set(session);
  const api = fakeApi(routes);
  const sut = new HttpClient({ store, fetch: api.fetch });
  return { sut, store, calls: api.calls };
}

describe(HttpClient.name, () => {
  describe('errors', () => {
    it('turns the API error shape into an ApiError with its status, message and field details', async () => {
      const { sut } = setUp({
        'POST /api/users': {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: '输入有误 (invalid input): username, password',
            details: [
              { field: 'username', message: '用户名须为 3–32 位字母、数字、点、横线或下划线' },
              { field: 'password', message: '密码至少 10 个字符' },
              { field: 'password', message: '密码须同时包含字母和数字' },
            ],
          },
        },
      });

      const error = (await sut.post('/api/users', {}).catch((e: unknown) => e)) as ApiError;

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        kind: 'api',
        status: 400,
        error: 'Bad Request',
        message: '输入有误 (invalid input): username, password',
      });
      expect(error.fieldErrors()).toEqual({
        username: ['用户名须为 3–32 位字母、数字、点、横线或下划线'],
        password: ['密码至少 10 个字符', '密码须同时包含字母和数字'],
      });
      expect(error.isStaleVersion).toBe(false);
    });

    it('recognises a stale version (409 naming the version field)', async () => {
      const { sut } = setUp({
        'PATCH /api/users/1': {
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            message: '记录已被他人修改，请刷新后重试 (stale version)',
            details: [{ field: 'version', message: '版本已过期' }],
          },
        },
      });

      const error = (await sut.patch('/api/users/1', { version: 1 }).catch((e: unknown) => e)) as ApiError;

      expect(error.status).toBe(409);
      expect(error.isStaleVersion).toBe(true);
    });

    it('calls an answer that is not the error shape unexpected, keeping its status', async () => {
      const { sut } = setUp({ 'GET /api/teams': { status: 502, body: '<html>Bad Gateway</html>' } });

      const error = (await sut.get('/api/teams').catch((e: unknown) => e)) as ApiError;

      expect(error).toMatchObject({ kind: 'unexpected', status: 502, details: [] });
    });

    it('calls a success whose body is not JSON unexpected', async () => {
      const { sut } = setUp({ 'GET /api/teams': { status: 200, body: '<html>login portal</html>' } });

      await expect(sut.get('/api/teams')).rejects.toMatchObject({ kind: 'unexpected', status: 200 });
    });

    it('calls a request that got no answer a network error', async () => {
      const store = new SessionStore(null);
      const sut = new HttpClient({ store, fetch: jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) });

      const error = (await sut.get('/api/teams').catch((e: unknown) => e)) as ApiError;

      expect(error).toMatchObject({ kind: 'network', status: 0, message: 'Failed to fetch' });
    });
  });

  describe('requests', () => {
    it('sends the access token, the JSON body and the query without empty values', async () => {
      const { sut, calls } = setUp({ 'POST /api/teams': { status: 200, body: { id: 't1' } } });

      const result = await sut.post('/api/teams', { name: '汽车专班' }, { query: { a: 'x', b: undefined, c: '' } });

      expect(result).toEqual({ id: 't1' });
      expect(calls).toHaveLength(1);
      expect(calls[0].url).toBe('/api/teams?a=x');
      expect(calls[0].headers).toMatchObject({ Authorization: 'Bearer access-1', 'Content-Type': 'application/json' });
      expect(calls[0].body).toEqual({ name: '汽车专班' });
    });

    it('answers undefined for 204 No Content', async () => {
      const { sut } = setUp({ 'POST /api/auth/logout': { status: 204 } });

      await expect(sut.post('/api/auth/logout')).resolves.toBeUndefined();
    });

    it('sends no token and keeps the session when a sign-in call is refused', async () => {
      const { sut, store, calls } = setUp({
        'POST /api/auth/login': {
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' },
        },
      });

      await expect(
        sut.post('/api/auth/login', { username: 'a', password: 'b' }, { auth: false }),
      ).rejects.toMatchObject({
        status: 401,
        message: '用户名或密码错误',
      });
      expect(calls[0].headers.Authorization).toBeUndefined();
      expect(store.get()).not.toBeNull();
    });
  });

  describe('token renewal', () => {
    it('renews the access token before a request when it expires within a minute', async () => {
      const { sut, store, calls } = setUp(
        {
          'POST /api/auth/refresh': { status: 200, body: refreshed },
          'GET /api/teams': { status: 200, body: { items: [] } },
        },
        aSession({}, 20_000),
      );

      await sut.get('/api/teams');

      expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/auth/refresh', 'GET /api/teams']);
      expect(calls[0].body).toEqual({ refreshToken: 'refresh-1' });
      expect(calls[0].headers.Authorization).toBeUndefined();
      expect(calls[1].headers.Authorization).toBe('Bearer access-2');
      expect(store.get()?.refreshToken).toBe('refresh-2');
    });

    it('on a 401 renews once and repeats the request with the new token', async () => {
      const { sut, calls } = setUp({
        'GET /api/teams': [
          { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: '登录已过期或令牌无效' } },
          { status: 200, body: { items: ['ok'] } },
        ],
        'POST /api/auth/refresh': { status: 200, body: refreshed },
      });

      await expect(sut.get('/api/teams')).resolves.toEqual({ items: ['ok'] });
      expect(calls.map((c) => `${c.method} ${c.path} ${c.headers.Authorization ?? ''}`)).toEqual([
        'GET /api/teams Bearer access-1',
        'POST /api/auth/refresh ',
        'GET /api/teams Bearer access-2',
      ]);
    });

    it('renews only once for several requests refused at the same time (refresh tokens rotate)', async () => {
      const { sut, calls } = setUp({
        'GET /api/a': (call) =>
          call.headers.Authorization === 'Bearer access-2' ? { status: 200, body: ['a'] } : { status: 401 },
        'GET /api/b': (call) =>
          call.headers.Authorization === 'Bearer access-2' ? { status: 200, body: ['b'] } : { status: 401 },
        'POST /api/auth/refresh': { status: 200, body: refreshed },
      });

      await expect(Promise.all([sut.get('/api/a'), sut.get('/api/b')])).resolves.toEqual([['a'], ['b']]);
      expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
    });

    it('ends the session, saying it expired, when the server refuses the renewal', async () => {
      const { sut, store } = setUp({
        'GET /api/teams': {
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: '会话已结束，请重新登录' },
        },
        'POST /api/auth/refresh': {
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: '登录已过期' },
        },
      });

      await expect(sut.get('/api/teams')).rejects.toMatchObject({ status: 401, message: '会话已结束，请重新登录' });
      expect(store.get()).toBeNull();
      expect(store.peekEndReason()).toBe('expired');
    });

    it('ends the session when the renewed token is refused too, without renewing again', async () => {
      const { sut, store, calls } = setUp({
        'GET /api/teams': { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: '会话已结束' } },
        'POST /api/auth/refresh': { status: 200, body: refreshed },
      });

      await expect(sut.get('/api/teams')).rejects.toMatchObject({ status: 401 });
      expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
      expect(calls.filter((c) => c.path === '/api/teams')).toHaveLength(2);
      expect(store.get()).toBeNull();
    });

    it('does not send a request whose session could not be renewed before expiry', async () => {
      const { sut, store, calls } = setUp(
        {
          'POST /api/auth/refresh': {
            status: 401,
            body: { statusCode: 401, error: 'Unauthorized', message: '登录已过期' },
          },
        },
        aSession({}, 5_000),
      );

      await expect(sut.get('/api/teams')).rejects.toMatchObject({ status: 401 });
      expect(calls.map((c) => c.path)).toEqual(['/api/auth/refresh']);
      expect(store.get()).toBeNull();
    });

    it('keeps the session when renewal fails for a server error (it says nothing about the session)', async () => {
      const { sut, store } = setUp(
        {
          'POST /api/auth/refresh': {
            status: 503,
            body: { statusCode: 503, error: 'Service Unavailable', message: '数据库不可用' },
          },
        },
        aSession({}, 5_000),
      );

      await expect(sut.get('/api/teams')).rejects.toMatchObject({ status: 503, message: '数据库不可用' });
      expect(store.get()).not.toBeNull();
    });
  });
});

describe(queryString.name, () => {
  it('leaves out undefined, null and empty values and encodes the rest', () => {
    expect(queryString({ q: '汽车 零部件', role: undefined, teamId: null, active: '', limit: 20 })).toBe(
      '?q=%E6%B1%BD%E8%BD%A6+%E9%9B%B6%E9%83%A8%E4%BB%B6&limit=20',
    );
    expect(queryString({})).toBe('');
  });
});
