import {
  LISTS,
  eventually,
  expectDatabaseUnavailable,
  login,
  startCluster,
  startServer,
  timed,
  type Cluster,
  type Server,
} from './fault-support';

/**
 * The database taken away under a running server — stopped, then frozen (a server that answers
 * nothing) — and given back: meanwhile every request answers 503 `database.unavailable` naming the
 * database, within seconds, and readiness within about one; afterwards the same process serves
 * again by itself. The lists used to end the process here.
 */
describe('database faults under a running server', () => {
  let cluster: Cluster;
  let server: Server;
  let token: string;
  let pid: number | undefined;
  let leadId: string;

  beforeAll(async () => {
    cluster = await startCluster('db-faults');
    server = await startServer({ DATABASE_URL: cluster.url });
    pid = server.child.pid;
    token = await login(server.baseUrl);
    const created = await timed(server.baseUrl, '/api/companies', {
      token,
      method: 'POST',
      body: { name: '停库测试有限公司' },
    });
    expect(created.status).toBe(201);
    const lead = await timed(server.baseUrl, '/api/leads', {
      token,
      method: 'POST',
      body: { name: '停库测试线索', source: 'other', sourceRefId: created.body.id },
    });
    expect(lead.status).toBe(201);
    leadId = lead.body.id as string;
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.remove();
  });

  const expectServing = async () => {
    for (const path of LISTS)
      expect([path, (await timed(server.baseUrl, path, { token })).status]).toEqual([path, 200]);
    const companies = await timed(server.baseUrl, '/api/companies?q=停库', { token });
    expect((companies.body.items as Array<{ name: string }>).map((c) => c.name)).toEqual(['停库测试有限公司']);
    expect(server.child.exitCode).toBeNull();
    expect(server.child.pid).toBe(pid);
  };
  const readyAgain = () =>
    eventually(
      async () => (await timed(server.baseUrl, '/api/health/ready')).status === 200,
      10_000,
      'readiness after the database came back',
    );

  it('stopped: 503 for every list, write and login while it is down; serving again once it is back', async () => {
    await expectServing();
    await cluster.stop();
    // Every list twice (the first meets the pool's dead connections, the second a refused connect).
    for (const path of [...LISTS, ...LISTS])
      expectDatabaseUnavailable(await timed(server.baseUrl, path, { token }), 3000);
    expectDatabaseUnavailable(await timed(server.baseUrl, '/api/health/ready'), 1500);
    expectDatabaseUnavailable(
      await timed(server.baseUrl, '/api/companies', { token, method: 'POST', body: { name: '停库期间' } }),
      3000,
    );
    expectDatabaseUnavailable(
      await timed(server.baseUrl, '/api/auth/login', { method: 'POST', body: { username: 'admin', password: 'x' } }),
      3000,
    );
    // The routes on Fastify itself, outside Nest: a card's image in the one shape, its page as a page.
    expectDatabaseUnavailable(
      await timed(server.baseUrl, `/c/img/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}-md.webp`),
      3000,
    );
    const card = await timed(server.baseUrl, '/c/abcd1234');
    expect(card.status).toBe(503);
    expect(card.body.text).toContain('页面暂时无法打开');
    expect((await timed(server.baseUrl, '/api/health')).status).toBe(200);
    // A lead's attribution, first asked for during the outage: it must not stay failed once the database is back.
    expectDatabaseUnavailable(await timed(server.baseUrl, `/api/leads/${leadId}/attribution`, { token }), 3000);

    await cluster.start();
    await readyAgain();
    await expectServing();
    const attribution = await timed(server.baseUrl, `/api/leads/${leadId}/attribution`, { token });
    expect(attribution.status).toBe(200);
  });

  it('hung: readiness answers within about a second, every request 503 within seconds; serving again after', async () => {
    await expectServing();
    cluster.freeze();
    try {
      // All at once, at the moment it hangs: nothing may wait for the database to answer.
      const [ready, ...lists] = await Promise.all([
        timed(server.baseUrl, '/api/health/ready'),
        ...LISTS.map((path) => timed(server.baseUrl, path, { token })),
        timed(server.baseUrl, '/api/companies', { token, method: 'POST', body: { name: '挂起期间' } }),
      ]);
      expectDatabaseUnavailable(ready, 1500);
      for (const answer of lists) expectDatabaseUnavailable(answer, 5000);
      // Once the hang is known, refusals are immediate; readiness too.
      for (const path of LISTS) expectDatabaseUnavailable(await timed(server.baseUrl, path, { token }), 1000);
      expectDatabaseUnavailable(await timed(server.baseUrl, '/api/health/ready'), 1500);
      expect(server.output()).toMatch(/database unavailable \(.*\): requests answer 503 until it is back/);
    } finally {
      cluster.thaw();
    }
    await readyAgain();
    await expectServing();
    expect(server.output()).toMatch(/database is back after/);
    // No request left a rejection nobody handled (the list count once did, and ended the process).
    expect(server.output()).not.toMatch(/unhandled promise rejection/);
    // The write refused while it hung did not happen later behind the client's back.
    const during = await timed(server.baseUrl, '/api/companies?q=挂起期间', { token });
    expect(during.body.items).toEqual([]);
  });
});
