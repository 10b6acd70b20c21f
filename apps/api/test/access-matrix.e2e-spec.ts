import { randomUUID } from 'node:crypto';
import { ROUTE_ACCESS, type RouteAccess } from '../src/common/auth/route-access';
import { TestApp, type TestUser } from './harness';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  key: string;
  rule: RouteAccess;
}
type Actor = 'anonymous' | 'owner' | 'teammate' | 'otherTeam' | 'leader' | 'admin';

/**
 * The authorization matrix, generated: every operation of the OpenAPI document × every kind of
 * caller, against one record of every kind owned by a staff member of team A. The expected answer
 * comes from ROUTE_ACCESS (the policy's route table) and the product's rules (PRODUCT.md §3):
 * without a token 401; a record out of sight 404, never 403, never a 2xx; a role not listed 403;
 * and no answer to another team — list, nested route, export, report, dashboard, audit trail —
 * holds the names or personal data of team A's records.
 */
describe('access matrix: every operation × every caller', () => {
  let t: TestApp;
  let users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  let operations: Operation[];
  const ids: Record<string, string> = {};
  /** Strings only team A (and leaders) may read: record names and a contact's personal data. */
  const SECRETS = {
    lead: 'MX甲线索机密',
    project: 'MX甲项目机密',
    roadshow: 'MX甲推介会机密',
    delegation: 'MX甲小分队机密',
    promo_project: 'MX甲项目卡机密',
    mobile: '13700001111',
    wechat: 'mx_wechat_secret',
    email: 'mx.secret@example.com',
  };
  const teamRecords = ['lead', 'project', 'roadshow', 'delegation', 'promo_project'] as const;

  const ok = async (response: Promise<{ status: number; body: unknown }>, status = 201): Promise<Body> => {
    const res = await response;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Body;
  };

  beforeAll(async () => {
    t = await TestApp.start('access_matrix');
    const teamA = await t.createTeam('甲专班');
    const teamB = await t.createTeam('乙专班');
    users = {
      owner: await t.createUser('mx.owner', 'staff', teamA),
      teammate: await t.createUser('mx.mate', 'staff', teamA),
      otherTeam: await t.createUser('mx.other', 'staff', teamB),
      leader: await t.createUser('mx.leader', 'leader'),
      admin: await t.createUser('mx.admin', 'admin'),
    };
    const owner = users.owner.token;
    const company = await ok(t.post('/api/companies', { name: 'MX共享企业' }, owner));
    ids.company = company.id;
    ids.contact = (
      await ok(
        t.post(
          `/api/companies/${company.id}/contacts`,
          { name: '联系人', mobile: SECRETS.mobile, wechat: SECRETS.wechat, email: SECRETS.email },
          owner,
        ),
      )
    ).id;
    ids.roadshow = (
      await ok(
        t.post(
          '/api/roadshows',
          {
            name: SECRETS.roadshow,
            city: '上海',
            startsAt: '2026-12-10T09:00:00+08:00',
            endsAt: '2026-12-10T17:00:00+08:00',
            format: 'offline',
          },
          owner,
        ),
      )
    ).id;
    ids.attendee = (await ok(t.post(`/api/roadshows/${ids.roadshow}/attendees`, { companyId: company.id }, owner))).id;
    ids.delegation = (
      await ok(
        t.post(
          '/api/delegations',
          {
            name: SECRETS.delegation,
            direction: 'outbound',
            cities: ['上海'],
            startsOn: '2026-12-01',
            endsOn: '2026-12-02',
          },
          owner,
        ),
      )
    ).id;
    ids.visit = (
      await ok(
        t.post(
          `/api/delegations/${ids.delegation}/visits`,
          { companyId: company.id, visitedAt: '2026-12-01T10:00:00+08:00', summary: '座谈' },
          owner,
        ),
      )
    ).id;
    ids.lead = (
      await ok(
        t.post(
          '/api/leads',
          { name: SECRETS.lead, source: 'roadshow', sourceRefId: ids.roadshow, companyId: company.id },
          owner,
        ),
      )
    ).id;
    ids.project = (
      await ok(
        t.post('/api/projects', { name: SECRETS.project, companyId: company.id, sourceRefId: ids.roadshow }, owner),
      )
    ).id;
    const card = await ok(t.post('/api/promo-projects', { kind: 'land', title: SECRETS.promo_project }, owner));
    ids.promo_project = card.id;
    ids.slug = card.slug;
    ids.target = (await ok(t.post('/api/targets', { year: 2026, teamId: teamA, newLeads: 10 }, users.leader.token))).id;
    ids.teamA = teamA;

    const doc = (await t.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => {
        const key = `${method.toUpperCase()} ${path}`;
        return { method: method.toUpperCase() as Method, path, key, rule: ROUTE_ACCESS[key] };
      }),
    );
  });
  afterAll(() => t.close());

  /** A concrete URL for the operation, with team A's records in its parameters. */
  const urlOf = (op: Operation): string => {
    const id = op.rule?.record
      ? (ids[op.rule.record] ?? randomUUID())
      : op.path.startsWith('/api/users/')
        ? users.owner.id
        : op.path.startsWith('/api/teams/')
          ? ids.teamA
          : randomUUID();
    const url = op.path
      .replace('{id}', id)
      .replace('{contactId}', ids.contact)
      .replace('{attendeeId}', ids.attendee)
      .replace('{visitId}', ids.visit)
      .replace('{code}', 'automotive')
      .replace('{slug}', ids.slug)
      .replace('{format}', 'csv')
      .replace('{file}', 'leads.xlsx')
      .replace('{kind}', 'leads')
      .replace('{token}', 'not-a-token');
    if (op.path === '/api/roadshows/calendar' || op.path === '/api/delegations/calendar')
      return `${url}?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z`;
    if (op.path === '/api/activities') return `${url}?subjectType=company&subjectId=${ids.company}`;
    if (op.path === '/api/audit') return `${url}?entity=contact&entityId=${ids.contact}`;
    if (op.key === 'DELETE /api/promo-projects/{id}') return `${url}?version=1`;
    return url;
  };
  const tokenOf = (actor: Actor) => (actor === 'anonymous' ? undefined : users[actor].token);
  const call = async (op: Operation, actor: Actor, body: unknown) => {
    const res = await t.app.inject({
      method: op.method,
      url: urlOf(op),
      headers: { ...(tokenOf(actor) ? { authorization: `Bearer ${tokenOf(actor)}` } : {}) },
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, text: res.body };
  };
  /** A body the validation lets through where it can (a PATCH with only its version), so the rule decides. */
  const bodyFor = (op: Operation): unknown => (op.method === 'PATCH' ? { version: 1 } : {});
  /** Session routes end the caller's own session: not for a matrix that reuses the tokens. */
  const endsSession = (op: Operation) =>
    ['/api/auth/logout', '/api/auth/me/password', '/api/auth/refresh'].includes(op.path);

  it('covers every operation of the OpenAPI document, and names none that is gone', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.filter((op) => !op.rule).map((op) => op.key)).toEqual([]);
    const documented = new Set(operations.map((op) => op.key));
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !documented.has(key))).toEqual([]);
  });

  it('answers 401 to anonymous callers everywhere but the public routes, and never a 5xx', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const res = await call(op, 'anonymous', bodyFor(op));
      if (res.status >= 500 || (!op.rule.public && res.status !== 401) || (op.rule.public && res.status === 401))
        wrong.push(`${op.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers another team's staff 404 for every route on a record out of their sight, changing nothing and naming nothing", async () => {
    const before = await Promise.all(
      teamRecords.map(
        async (kind) => [kind, (await t.get(urlOf(getOf(kind)), users.owner.token)).body.version] as const,
      ),
    );
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.rule.record && teamRecords.includes(o.rule.record as never))) {
      const res = await call(op, 'otherTeam', bodyFor(op));
      // A body the validation refuses (400) or a role the route is not for (403) tells nothing
      // either; anything else must be the 404.
      const refusedBefore =
        (res.status === 400 && op.method !== 'GET' && op.method !== 'DELETE') ||
        (res.status === 403 && !!op.rule.roles && !op.rule.roles.includes('staff'));
      if (res.status !== 404 && !refusedBefore) wrong.push(`${op.key} → ${res.status}`);
      for (const secret of Object.values(SECRETS))
        if (res.text.includes(secret)) wrong.push(`${op.key} shows ${secret}`);
    }
    expect(wrong).toEqual([]);
    const after = await Promise.all(
      teamRecords.map(
        async (kind) => [kind, (await t.get(urlOf(getOf(kind)), users.owner.token)).body.version] as const,
      ),
    );
    expect(after).toEqual(before);
  });

  it("leaks none of team A's names or personal data to another team through any list, export, report, dashboard or trail", async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !o.rule.public && !endsSession(o))) {
      if (op.method !== 'GET') continue;
      const res = await call(op, 'otherTeam', undefined);
      if (res.status >= 500) wrong.push(`${op.key} → ${res.status}`);
      for (const secret of Object.values(SECRETS))
        if (res.text.includes(secret)) wrong.push(`${op.key} shows ${secret}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets the owner, a teammate, leaders and admins read every record route of team A', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && o.rule.record && ids[o.rule.record])) {
      for (const actor of ['owner', 'teammate', 'leader', 'admin'] as const) {
        const res = await call(op, actor, undefined);
        const allowed = !op.rule.roles || op.rule.roles.includes(users[actor].role);
        // 422: let in, but the record's state forbids it (a draft card has no share package yet).
        const granted = res.status < 300 || res.status === 422;
        if (allowed ? !granted : res.status !== 403) wrong.push(`${op.key} as ${actor} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses staff every route kept for leaders or admins (403, or 404 for a record out of sight)', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.rule.roles && !o.rule.roles.includes('staff'))) {
      for (const actor of ['owner', 'otherTeam'] as const) {
        const res = await call(op, actor, bodyFor(op));
        if (![403, 404].includes(res.status)) wrong.push(`${op.key} as ${actor} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows the trail of each record only to whoever may see it, with personal data masked', async () => {
    for (const kind of teamRecords) {
      const url = `/api/audit?entity=${kind}&entityId=${ids[kind]}`;
      expect([kind, (await t.get(url, users.otherTeam.token)).status]).toEqual([kind, 404]);
      for (const actor of ['owner', 'teammate', 'leader', 'admin'] as const)
        expect([kind, actor, (await t.get(url, users[actor].token)).status]).toEqual([kind, actor, 200]);
    }
    const trail = await t.get(`/api/audit?entity=contact&entityId=${ids.contact}`, users.otherTeam.token);
    expect(trail.status).toBe(200);
    for (const secret of [SECRETS.mobile, SECRETS.wechat, SECRETS.email])
      expect(JSON.stringify(trail.body)).not.toContain(secret);
    const whole = await t.get(`/api/audit?entity=contact&entityId=${ids.contact}`, users.teammate.token);
    expect(JSON.stringify(whole.body)).toContain(SECRETS.mobile);
  });

  const getOf = (kind: string): Operation => {
    const path = {
      lead: '/api/leads/{id}',
      project: '/api/projects/{id}',
      roadshow: '/api/roadshows/{id}',
      delegation: '/api/delegations/{id}',
      promo_project: '/api/promo-projects/{id}',
    }[kind]!;
    return { method: 'GET', path, key: `GET ${path}`, rule: ROUTE_ACCESS[`GET ${path}`] };
  };
});
