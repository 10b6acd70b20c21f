import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../tools/test-database';
import { createApp } from '../src/app.factory';
import { RequestEscalationService } from '../src/modules/aftercare/requests/request-escalation.service';

describe('jobs: periodic work on pg-boss with two instances on one database', () => {
  let apps: NestFastifyApplication[];
  let drop: () => Promise<void>;
  const runs: Array<{ instance: number; at: number }> = [];

  beforeAll(async () => {
    const db = await createTestDatabase(process.env.TEST_DATABASE_SERVER_URL!, 'jobs');
    drop = db.drop;
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '5',
      LOG_LEVEL: 'silent',
      REQUEST_ESCALATION_INTERVAL_SECONDS: '1',
    });
    apps = await Promise.all([createApp({ logger: false }), createApp({ logger: false })]);
    // Both start at the same moment on a database without pg-boss's schema: its creation must not race.
    await Promise.all(apps.map((app) => app.init()));
    apps.forEach((app, instance) => {
      const service = app.get(RequestEscalationService);
      const real = service.escalateOverdue.bind(service);
      jest.spyOn(service, 'escalateOverdue').mockImplementation((now?: Date) => {
        runs.push({ instance, at: Date.now() });
        return real(now);
      });
    });
  });
  let closed = false;
  afterAll(async () => {
    delete process.env.REQUEST_ESCALATION_INTERVAL_SECONDS;
    if (!closed) await Promise.all(apps.map((app) => app.close()));
    await drop();
  });

  it('creates pg-boss’s schema once although both instances started together', async () => {
    const dataSource = apps[0].get<DataSource>(getDataSourceToken());
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM pgboss.version`);
    expect(n).toBe(1);
    const queues = await dataSource.query(`SELECT name FROM pgboss.queue WHERE name = 'aftercare-request-escalation'`);
    expect(queues).toHaveLength(1);
  });

  it('runs a one-second job once per second across both instances, not once per instance', async () => {
    runs.length = 0;
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const window = runs.filter((r) => r.at >= from);
    // Each instance on its own timer would make about 12 runs in 6 s; one per tick makes 6 (± the edges).
    expect(window.length).toBeGreaterThanOrEqual(4);
    expect(window.length).toBeLessThanOrEqual(7);
    const dataSource = apps[0].get<DataSource>(getDataSourceToken());
    const twice = await dataSource.query(
      `SELECT singleton_on FROM pgboss.job WHERE name = 'aftercare-request-escalation' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
  }, 20_000);

  it('stops cleanly: after close no instance runs the job again', async () => {
    await Promise.all(apps.map((app) => app.close()));
    closed = true;
    const closedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(runs.filter((r) => r.at > closedAt)).toEqual([]);
  }, 20_000);
});
