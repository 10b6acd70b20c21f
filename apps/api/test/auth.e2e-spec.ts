import { createHash, randomUUID } from 'node:crypto';
import { TestApp, TEST_PASSWORD, type TestUser } from './harness';

describe('auth', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await TestApp.start('auth', { SESSION_IDLE_MINUTES: '30' });
    admin = await t.createUser('root', 'admin');
  });
  afterAll(() => t.close());

  /** A login's whole answer: its access and refresh tokens. */
  const signIn = async (username: string, password = TEST_PASSWORD) => {
    const { status, body } = await t.post('/api/auth/login', { username, password });
    expect(status).toBe(200);
    return body as { accessToken: string; refreshToken: string; user: { id: string } };
  };
  /** The session an access token names (its `sid` claim). */
  const sessionOf = (accessToken: string): string =>
    JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid;
  const refresh = (refreshToken: string) => t.post('/api/auth/refresh', { refreshToken });
  const auditOf = async (userId: string) =>
    (await t.get(`/api/audit?entity=user&entityId=${userId}`, admin.token)).body.items as Array<{
      action: string;
      actorId: string | null;
      after: Record<string, unknown> | null;
    }>;

  describe('POST /api/auth/login', () => {
    it('returns tokens and the user for a right password', async () => {
      await t.createUser('li.ming', 'staff');
      const { status, body } = await t.post('/api/auth/login', { username: 'Li.Ming', password: TEST_PASSWORD });
      expect(status).toBe(200);
      expect(body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        accessTokenExpiresAt: expect.any(String),
        user: expect.objectContaining({ username: 'li.ming', role: 'staff', active: true }),
      });
      expect(body.user).not.toHaveProperty('passwordHash');
    });

    it('says 401 for a wrong password and for an unknown user alike', async () => {
      const wrong = await t.post('/api/auth/login', { username: 'li.ming', password: 'nope-nope-1' });
      const unknown = await t.post('/api/auth/login', { username: 'nobody', password: 'nope-nope-1' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(wrong.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'auth.unauthenticated',
        message: expect.any(String),
      });
    });

    it('rejects an unknown field with 400 naming it', async () => {
      const { status, body } = await t.post('/api/auth/login', { username: 'li.ming', password: 'x', role: 'admin' });
      expect(status).toBe(400);
      expect(body.details).toEqual([{ field: 'role', message: expect.stringContaining('role') }]);
    });

    it('locks the account after five failures, even for the right password, until an admin unlocks it', async () => {
      const victim = await t.createUser('wang.fang', 'staff');
      for (let i = 1; i <= 4; i++) {
        expect((await t.post('/api/auth/login', { username: 'wang.fang', password: `bad-guess-${i}` })).status).toBe(
          401,
        );
      }
      const fifth = await t.post('/api/auth/login', { username: 'wang.fang', password: 'bad-guess-5' });
      expect(fifth.status).toBe(429);
      expect(fifth.body.message).toContain('锁定');

      const right = await t.post('/api/auth/login', { username: 'wang.fang', password: TEST_PASSWORD });
      expect(right.status).toBe(429);
      const listed = await t.get(`/api/users/${victim.id}`, admin.token);
      expect(listed.body.lockedUntil).not.toBeNull();

      expect((await t.post(`/api/users/${victim.id}/unlock`, {}, admin.token)).status).toBe(201);
      expect((await t.post('/api/auth/login', { username: 'wang.fang', password: TEST_PASSWORD })).status).toBe(200);
    });

    it('refuses a deactivated user', async () => {
      const user = await t.createUser('gone.user', 'staff');
      const current = await t.get(`/api/users/${user.id}`, admin.token);
      await t.patch(`/api/users/${user.id}`, { active: false, version: current.body.version }, admin.token);
      expect((await t.post('/api/auth/login', { username: 'gone.user', password: TEST_PASSWORD })).status).toBe(401);
      expect((await t.get('/api/auth/me', user.token)).status).toBe(401);
    });
  });

  describe('GET /api/auth/me', () => {
    it('needs a token', async () => {
      const { status, body } = await t.get('/api/auth/me');
      expect(status).toBe(401);
      expect(body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'auth.unauthenticated',
        message: expect.any(String),
      });
    });

    it('rejects a forged token, also after the genuine one was accepted', async () => {
      expect((await t.get('/api/auth/me', admin.token)).status).toBe(200);
      expect((await t.get('/api/auth/me', `${admin.token.slice(0, -4)}abcd`)).status).toBe(401);
      const [header, , signature] = admin.token.split('.');
      const otherUser = Buffer.from(JSON.stringify({ sub: randomUUID(), sid: randomUUID(), exp: 4102444800 })).toString(
        'base64url',
      );
      expect((await t.get('/api/auth/me', `${header}.${otherUser}.${signature}`)).status).toBe(401);
    });

    it('refuses an access token once it has expired, though it was accepted before', async () => {
      const user = await t.createUser('expiring.user', 'staff');
      expect((await t.get('/api/auth/me', user.token)).status).toBe(200);
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 11 * 60_000); // the token lives 10 minutes
      try {
        const late = await t.get('/api/auth/me', user.token);
        expect(late.status).toBe(401);
        expect(late.body.message).toContain('invalid or expired token');
      } finally {
        clock.mockRestore();
      }
      expect((await t.get('/api/auth/me', user.token)).status).toBe(200);
    });

    it('returns the caller with role and team', async () => {
      const teamId = await t.createTeam('轨道交通专班');
      const staff = await t.createUser('zhao.lei', 'staff', teamId);
      const { status, body } = await t.get('/api/auth/me', staff.token);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: staff.id, username: 'zhao.lei', role: 'staff', teamId });
    });
  });

  describe('sessions', () => {
    it('ends at logout: the same access token is refused at once', async () => {
      const user = await t.createUser('logout.user', 'staff');
      expect((await t.get('/api/auth/me', user.token)).status).toBe(200);
      expect((await t.post('/api/auth/logout', {}, user.token)).status).toBe(204);
      expect((await t.get('/api/auth/me', user.token)).status).toBe(401);
    });

    it('ends at logout for the refresh token too', async () => {
      await t.createUser('logout.refresh', 'staff');
      const login = await signIn('logout.refresh');
      expect((await t.post('/api/auth/logout', {}, login.accessToken)).status).toBe(204);
      expect((await refresh(login.refreshToken)).status).toBe(401);
    });

    it('keeps only a hash of the refresh token', async () => {
      await t.createUser('hash.user', 'staff');
      const login = await signIn('hash.user');
      const stored = (
        await t.dataSource.query(`SELECT refresh_token_hash FROM sessions WHERE user_id = $1`, [login.user.id])
      ).map((r: { refresh_token_hash: string }) => r.refresh_token_hash);
      expect(stored).toContain(createHash('sha256').update(login.refreshToken).digest('hex'));
      expect(stored).not.toContain(login.refreshToken);
    });

    it('renews through the refresh token, which rotates and cannot be used twice', async () => {
      await t.createUser('refresh.user', 'staff');
      const login = await t.post('/api/auth/login', { username: 'refresh.user', password: TEST_PASSWORD });
      const first = await t.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(first.status).toBe(200);
      expect((await t.get('/api/auth/me', first.body.accessToken)).status).toBe(200);
      expect((await t.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    });

    it('ends after the idle limit, enforced by the server', async () => {
      await t.createUser('idle.user', 'staff');
      const login = await t.post('/api/auth/login', { username: 'idle.user', password: TEST_PASSWORD });
      await t.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        login.body.user.id,
      ]);
      expect((await t.get('/api/auth/me', login.body.accessToken)).status).toBe(401);
      expect((await t.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    });

    it('ends at the maximum age however active the user is', async () => {
      await t.createUser('old.user', 'staff');
      const login = await t.post('/api/auth/login', { username: 'old.user', password: TEST_PASSWORD });
      await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        login.body.user.id,
      ]);
      expect((await t.get('/api/auth/me', login.body.accessToken)).status).toBe(401);
      expect((await refresh(login.body.refreshToken)).status).toBe(401);
    });

    it('ends at deactivation, refresh token included', async () => {
      const user = await t.createUser('deactivated.refresh', 'staff');
      const login = await signIn('deactivated.refresh');
      const current = await t.get(`/api/users/${user.id}`, admin.token);
      await t.patch(`/api/users/${user.id}`, { active: false, version: current.body.version }, admin.token);
      expect((await t.get('/api/auth/me', login.accessToken)).status).toBe(401);
      expect((await refresh(login.refreshToken)).status).toBe(401);
    });
  });

  describe('POST /api/auth/refresh with a spent token', () => {
    it('ends the whole session, thief and owner alike, and writes it to the audit trail', async () => {
      const user = await t.createUser('robbed.user', 'staff');
      const login = await signIn('robbed.user');
      const thief = (await refresh(login.refreshToken)).body; // the copy is used first
      expect((await t.get('/api/auth/me', thief.accessToken)).status).toBe(200);
      expect((await t.get('/api/auth/me', login.accessToken)).status).toBe(200);

      const replay = await refresh(login.refreshToken); // the owner's client still has the spent one
      expect(replay.status).toBe(401);
      expect(replay.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'auth.unauthenticated',
        message: expect.any(String),
      });
      expect((await t.get('/api/auth/me', thief.accessToken)).status).toBe(401);
      expect((await refresh(thief.refreshToken)).status).toBe(401);
      expect((await t.get('/api/auth/me', login.accessToken)).status).toBe(401);

      const sessionId = sessionOf(login.accessToken);
      const reuse = (await auditOf(user.id)).filter((e) => e.action === 'refresh_token_reuse');
      expect(reuse).toEqual([
        expect.objectContaining({
          actorId: null,
          after: expect.objectContaining({ sessionId, ip: expect.any(String) }),
        }),
      ]);

      const again = await signIn('robbed.user');
      expect((await t.get('/api/auth/me', again.accessToken)).status).toBe(200);
      expect((await refresh(again.refreshToken)).status).toBe(200);
    });

    it('ends the session when one token is exchanged twice at the same moment', async () => {
      await t.createUser('raced.user', 'staff');
      const login = await signIn('raced.user');
      const answers = await Promise.all([refresh(login.refreshToken), refresh(login.refreshToken)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      const winner = answers.find((a) => a.status === 200)!.body;
      expect((await t.get('/api/auth/me', winner.accessToken)).status).toBe(401);
      expect((await refresh(winner.refreshToken)).status).toBe(401);
    });

    it("leaves the user's other sessions alone", async () => {
      await t.createUser('two.devices', 'staff');
      const phone = await signIn('two.devices');
      const laptop = await signIn('two.devices');
      await refresh(phone.refreshToken);
      expect((await refresh(phone.refreshToken)).status).toBe(401);
      expect((await t.get('/api/auth/me', laptop.accessToken)).status).toBe(200);
      expect((await refresh(laptop.refreshToken)).status).toBe(200);
    });
  });

  describe('PATCH /api/auth/me', () => {
    it('changes the display name but cannot carry a role', async () => {
      const user = await t.createUser('self.editor', 'staff');
      const renamed = await t.patch('/api/auth/me', { displayName: '自己' }, user.token);
      expect(renamed.status).toBe(200);
      expect(renamed.body.displayName).toBe('自己');
      const raise = await t.patch('/api/auth/me', { role: 'admin' }, user.token);
      expect(raise.status).toBe(400);
      expect(raise.body.details[0].field).toBe('role');
      expect((await t.get('/api/auth/me', user.token)).body.role).toBe('staff');
    });
  });

  describe('POST /api/auth/me/password', () => {
    it('needs the current password and a password that meets the policy', async () => {
      const user = await t.createUser('pw.changer', 'staff');
      const wrongCurrent = await t.post(
        '/api/auth/me/password',
        { currentPassword: 'x', newPassword: 'Another-pass-99' },
        user.token,
      );
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.details[0].field).toBe('currentPassword');
      const weak = await t.post(
        '/api/auth/me/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'short1' },
        user.token,
      );
      expect(weak.status).toBe(400);
      expect(weak.body.details[0].field).toBe('newPassword');
      const ok = await t.post(
        '/api/auth/me/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-99' },
        user.token,
      );
      expect(ok.status).toBe(204);
      expect((await t.post('/api/auth/login', { username: 'pw.changer', password: 'Another-pass-99' })).status).toBe(
        200,
      );
    });

    it('counts wrong current passwords toward the lock, so a session holder cannot guess at leisure', async () => {
      const user = await t.createUser('pw.guessed', 'staff');
      const guess = (currentPassword: string) =>
        t.post('/api/auth/me/password', { currentPassword, newPassword: 'Taken-over-66' }, user.token);
      for (let i = 1; i <= 4; i++) expect((await guess(`guess-${i}-wrong`)).status).toBe(400);
      const fifth = await guess('guess-5-wrong');
      expect(fifth.status).toBe(429);
      expect(fifth.body.details).toEqual([{ field: 'currentPassword', message: expect.stringContaining('locked') }]);
      expect((await guess(TEST_PASSWORD)).status).toBe(429);
      expect((await t.post('/api/auth/login', { username: 'pw.guessed', password: TEST_PASSWORD })).status).toBe(429);

      expect((await t.post(`/api/users/${user.id}/unlock`, {}, admin.token)).status).toBe(201);
      expect((await guess(TEST_PASSWORD)).status).toBe(204);
      expect((await t.post('/api/auth/login', { username: 'pw.guessed', password: 'Taken-over-66' })).status).toBe(200);
    });

    it("ends the user's other sessions at once, refresh tokens included, and keeps the one it was made from", async () => {
      const user = await t.createUser('pw.owner', 'staff');
      const here = await signIn('pw.owner');
      const elsewhere = await signIn('pw.owner');
      // Both tokens have been checked and cached by the server before the change.
      expect((await t.get('/api/auth/me', here.accessToken)).status).toBe(200);
      expect((await t.get('/api/auth/me', elsewhere.accessToken)).status).toBe(200);

      const change = { currentPassword: TEST_PASSWORD, newPassword: 'Changed-pass-77' };
      expect((await t.post('/api/auth/me/password', change, here.accessToken)).status).toBe(204);

      expect((await t.get('/api/auth/me', elsewhere.accessToken)).status).toBe(401);
      expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
      expect((await t.get('/api/auth/me', user.token)).status).toBe(401); // the login createUser made
      expect((await t.get('/api/auth/me', here.accessToken)).status).toBe(200);
      const renewed = await refresh(here.refreshToken);
      expect(renewed.status).toBe(200);
      expect((await t.get('/api/auth/me', renewed.body.accessToken)).status).toBe(200);

      expect((await t.post('/api/auth/login', { username: 'pw.owner', password: TEST_PASSWORD })).status).toBe(401);
      expect((await auditOf(user.id)).map((e) => e.action)).toContain('change_password');
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it("ends every session of the user at once, refresh tokens included, and none of the admin's", async () => {
      const user = await t.createUser('reset.target', 'staff');
      const second = await signIn('reset.target');
      expect((await t.get('/api/auth/me', user.token)).status).toBe(200);
      expect((await t.get('/api/auth/me', second.accessToken)).status).toBe(200);

      const reset = await t.post(`/api/users/${user.id}/reset-password`, { password: 'Reset-pass-88' }, admin.token);
      expect(reset.status).toBe(201);

      expect((await t.get('/api/auth/me', user.token)).status).toBe(401);
      expect((await t.get('/api/auth/me', second.accessToken)).status).toBe(401);
      expect((await refresh(second.refreshToken)).status).toBe(401);
      expect((await t.get('/api/auth/me', admin.token)).status).toBe(200);
      expect((await t.post('/api/auth/login', { username: 'reset.target', password: 'Reset-pass-88' })).status).toBe(
        200,
      );
    });

    it("by an admin on their own account keeps the session it was made from and ends the admin's others", async () => {
      const self = await t.createUser('self.resetter', 'admin');
      const other = await signIn('self.resetter');
      const reset = await t.post(`/api/users/${self.id}/reset-password`, { password: 'Own-reset-55' }, self.token);
      expect(reset.status).toBe(201);
      expect((await t.get('/api/auth/me', self.token)).status).toBe(200);
      expect((await t.get('/api/auth/me', other.accessToken)).status).toBe(401);
      expect((await refresh(other.refreshToken)).status).toBe(401);
    });
  });

  describe('request limits', () => {
    it('answers 413 to a body over the cap', async () => {
      const { status, body } = await t.post('/api/auth/login', { username: 'x', password: 'y'.repeat(2_000_000) });
      expect(status).toBe(413);
      expect(body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'payload.too_large',
        message: expect.any(String),
      });
    });

    it('answers unknown API routes with a JSON 404 in the one error shape', async () => {
      const { status, body } = await t.get('/api/no-such-thing', admin.token);
      expect(status).toBe(404);
      expect(body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'record.not_found',
        message: expect.any(String),
      });
    });
  });
});
