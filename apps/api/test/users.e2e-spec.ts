import { TestApp, fieldsNamed, type TestUser } from './harness';

describe('users, teams and org units', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start('users');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader.one', 'leader');
    staff = await t.createUser('staff.one', 'staff');
  });
  afterAll(() => t.close());

  describe('POST /api/users', () => {
    it('lets an admin create a user who can then log in', async () => {
      const team = await t.post('/api/teams', { name: '汽车产业链专班' }, admin.token);
      const created = await t.post(
        '/api/users',
        { username: 'Chen.Jing', displayName: '陈静', role: 'staff', teamId: team.body.id, password: 'Chen-jing-2026' },
        admin.token,
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        username: 'chen.jing',
        displayName: '陈静',
        role: 'staff',
        teamId: team.body.id,
        orgUnitId: null,
        active: true,
        referralCode: expect.stringMatching(/^[a-z2-9]{8}$/),
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: expect.any(String),
        version: 1,
      });
      expect((await t.post('/api/auth/login', { username: 'chen.jing', password: 'Chen-jing-2026' })).status).toBe(200);
    });

    it('refuses staff and leaders with 403', async () => {
      const body = { username: 'sneaky', displayName: 'x', role: 'admin', password: 'Sneaky-pass-1' };
      expect((await t.post('/api/users', body, staff.token)).status).toBe(403);
      expect((await t.post('/api/users', body, leader.token)).status).toBe(403);
    });

    it('applies the password policy', async () => {
      for (const password of ['short1a', 'onlyletterspassword', '1234567890123', 'password123']) {
        const { status, body } = await t.post(
          '/api/users',
          { username: 'weak.pw', displayName: 'x', role: 'staff', password },
          admin.token,
        );
        expect(status).toBe(400);
        expect(body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
      }
    });

    it('refuses a duplicate username with 409 naming the field', async () => {
      const { status, body } = await t.post(
        '/api/users',
        { username: 'staff.one', displayName: 'x', role: 'staff', password: 'Dup-user-2026' },
        admin.token,
      );
      expect(status).toBe(409);
      expect(body.details[0].field).toBe('username');
    });

    it('names every invalid field', async () => {
      const { status, body } = await t.post(
        '/api/users',
        { username: '!', displayName: '', role: 'king', password: 'Valid-pass-2026', teamId: 'x' },
        admin.token,
      );
      expect(status).toBe(400);
      expect(fieldsNamed(body)).toEqual(['displayName', 'role', 'teamId', 'username']);
      expect((await t.get('/api/users?q=!', admin.token)).body.total).toBe(0);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('does not let a user raise their own role, even an admin endpoint caller', async () => {
      const me = await t.get('/api/auth/me', staff.token);
      const asStaff = await t.patch(`/api/users/${staff.id}`, { role: 'admin', version: me.body.version }, staff.token);
      expect(asStaff.status).toBe(403);
      const asAdminOnSelf = await t.patch(`/api/users/${admin.id}`, { role: 'staff', version: 1 }, admin.token);
      expect(asAdminOnSelf.status).toBe(403);
      expect((await t.get('/api/auth/me', staff.token)).body.role).toBe('staff');
    });

    it('refuses a stale version with 409 and keeps the newer data', async () => {
      const user = await t.createUser('versioned', 'staff');
      const first = await t.patch(`/api/users/${user.id}`, { displayName: '第一次', version: 1 }, admin.token);
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await t.patch(`/api/users/${user.id}`, { displayName: '过期的', version: 1 }, admin.token);
      expect(stale.status).toBe(409);
      expect(stale.body.details[0].field).toBe('version');
      expect((await t.get(`/api/users/${user.id}`, admin.token)).body.displayName).toBe('第一次');
    });

    it('is audited with before and after', async () => {
      const user = await t.createUser('audited', 'staff');
      await t.patch(`/api/users/${user.id}`, { role: 'leader', version: 1 }, admin.token);
      const trail = await t.get(`/api/audit?entity=user&entityId=${user.id}`, admin.token);
      const update = trail.body.items.find((e: { action: string }) => e.action === 'update');
      expect(update.before.role).toBe('staff');
      expect(update.after.role).toBe('leader');
      expect(update.actorId).toBe(admin.id);
      expect(JSON.stringify(trail.body)).not.toContain('passwordHash');
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it("sets a new password and ends the user's sessions", async () => {
      const user = await t.createUser('forgetful', 'staff');
      const reset = await t.post(`/api/users/${user.id}/reset-password`, { password: 'Brand-new-2026' }, admin.token);
      expect(reset.status).toBe(201);
      expect((await t.get('/api/auth/me', user.token)).status).toBe(401);
      expect((await t.post('/api/auth/login', { username: 'forgetful', password: 'Brand-new-2026' })).status).toBe(200);
    });
  });

  describe('GET /api/users', () => {
    it('pages with a cursor and filters by role', async () => {
      for (let i = 0; i < 5; i++) await t.createUser(`pager.${i}`, 'staff');
      const first = await t.get('/api/users?limit=3&q=pager&sort=username:asc', staff.token);
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(5);
      expect(first.body.items.map((u: { username: string }) => u.username)).toEqual(['pager.0', 'pager.1', 'pager.2']);
      const second = await t.get(
        `/api/users?limit=3&q=pager&sort=username:asc&cursor=${first.body.nextCursor}`,
        staff.token,
      );
      expect(second.body.items.map((u: { username: string }) => u.username)).toEqual(['pager.3', 'pager.4']);
      expect(second.body.nextCursor).toBeNull();
      const leaders = await t.get('/api/users?role=leader', staff.token);
      expect(leaders.body.items.every((u: { role: string }) => u.role === 'leader')).toBe(true);
    });

    it('rejects a limit over 200 and an unknown sort field', async () => {
      expect((await t.get('/api/users?limit=500', staff.token)).status).toBe(400);
      const sort = await t.get('/api/users?sort=passwordHash:asc', staff.token);
      expect(sort.status).toBe(400);
      expect(sort.body.details[0].field).toBe('sort');
    });
  });

  describe('teams and org units', () => {
    it('lets admins create and rename them, with versions, and everyone list them', async () => {
      const unit = await t.post('/api/org-units', { name: '发改局', kind: 'department' }, admin.token);
      expect(unit.status).toBe(201);
      const team = await t.post('/api/teams', { name: '新能源专班', orgUnitId: unit.body.id }, admin.token);
      expect(team.body).toMatchObject({ name: '新能源专班', orgUnitId: unit.body.id, version: 1 });
      const renamed = await t.patch(`/api/teams/${team.body.id}`, { name: '新能源汽车专班', version: 1 }, admin.token);
      expect(renamed.body).toMatchObject({ name: '新能源汽车专班', version: 2 });
      expect((await t.patch(`/api/teams/${team.body.id}`, { name: 'x', version: 1 }, admin.token)).status).toBe(409);
      const list = await t.get('/api/teams', staff.token);
      expect(list.body.items.map((x: { name: string }) => x.name)).toContain('新能源汽车专班');
      expect((await t.post('/api/teams', { name: 'x' }, staff.token)).status).toBe(403);
    });

    it('refuses a bad kind and a duplicate name', async () => {
      const bad = await t.post('/api/org-units', { name: '某部门', kind: 'ministry' }, admin.token);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('kind');
      await t.post('/api/org-units', { name: '工信局', kind: 'department' }, admin.token);
      const dup = await t.post('/api/org-units', { name: '工信局', kind: 'department' }, admin.token);
      expect(dup.status).toBe(409);
      expect(dup.body.details[0].field).toBe('name');
    });
  });
});
