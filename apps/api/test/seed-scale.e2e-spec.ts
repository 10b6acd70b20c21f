import { PROJECT_STATUSES } from '@lianqiao/contracts';
import { isValidUscc } from '@lianqiao/domain';
import { Client } from 'pg';
import { parseScaleArgs, seedScale, type ScaleOptions } from '../../../tools/seed-scale/seed-scale';
import { databaseUrl } from '../../../tools/test-database';

/**
 * `npm run seed:scale` at a small size: the data set the bench measures must be what the issue
 * describes (sizes, plausible Chinese companies, projects over every stage with their history),
 * make sense in time, and come out the same for the same seed.
 */
describe('npm run seed:scale', () => {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? '';
  const options = (database: string): ScaleOptions =>
    parseScaleArgs(['--leads', '3000', '--staff', '20', '--teams', '4', '--database', database]);
  const first = options(`lianqiao_seed_a_${process.pid}`);
  const second = options(`lianqiao_seed_b_${process.pid}`);
  let db: Client;
  const one = async <T>(sql: string): Promise<T> => (await db.query(sql)).rows[0] as T;

  beforeAll(async () => {
    if (!serverUrl) throw new Error('TEST_DATABASE_SERVER_URL is not set: run tests through `npm test`');
    await seedScale(first, () => undefined, serverUrl);
    db = new Client(databaseUrl(serverUrl, first.database));
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    const admin = new Client(databaseUrl(serverUrl, 'postgres'));
    await admin.connect();
    for (const { database } of [first, second]) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it('writes the sizes asked for: leads, companies (a fifth), projects (a tenth), activities (three per lead)', async () => {
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM leads) AS leads, (SELECT count(*)::int FROM companies) AS companies,
              (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM activities) AS activities`,
    );
    expect(counts).toEqual({ leads: 3000, companies: 600, projects: 300, activities: 9000 });
  });

  it('names companies in Chinese, across provinces, most with a valid and unique USCC', async () => {
    const { rows } = await db.query<{ name: string; uscc: string | null; province: string }>(
      'SELECT name, uscc, province FROM companies',
    );
    expect(rows.every((c) => /^[\u4e00-\u9fff（）]{4,}$/.test(c.name))).toBe(true);
    const usccs = rows.map((c) => c.uscc).filter((uscc) => uscc !== null);
    expect(usccs.length).toBeGreaterThan(rows.length / 2);
    expect(usccs.every(isValidUscc)).toBe(true);
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(new Set(rows.map((c) => c.province)).size).toBeGreaterThanOrEqual(10);
  });

  it('spreads projects over every stage, each with its stage history and its lead', async () => {
    const { rows } = await db.query<{ stage: string }>('SELECT DISTINCT stage FROM projects');
    expect(rows.map((r) => r.stage).sort()).toEqual([...PROJECT_STATUSES].sort());
    const orphans = await one<{ noHistory: number; noLead: number }>(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM project_stage_changes c WHERE c.project_id = p.id))::int AS "noHistory",
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.project_id = p.id AND l.status = 'converted'))::int AS "noLead"
         FROM projects p`,
    );
    expect(orphans).toEqual({ noHistory: 0, noLead: 0 });
  });

  it('keeps what has happened in the past: records, responses, activities, signings and starts', async () => {
    const future = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM leads WHERE created_at > now() OR updated_at > now() OR first_response_at > now()
                 OR updated_at < created_at) AS leads,
              (SELECT count(*)::int FROM projects WHERE created_at > now() OR updated_at > now() OR last_progress_at > now()
                 OR signed_at > current_date OR started_at > current_date OR producing_at > current_date) AS projects,
              (SELECT count(*)::int FROM activities WHERE occurred_at > now()) AS activities`,
    );
    expect(future).toEqual({ leads: 0, projects: 0, activities: 0 });
  });

  it('makes the same companies, leads and projects again from the same seed', async () => {
    await seedScale(second, () => undefined, serverUrl);
    const fingerprint = async (database: string) => {
      const client = new Client(databaseUrl(serverUrl, database));
      await client.connect();
      try {
        const { rows } = await client.query(
          // Times as minutes before the newest company: each run draws them back from its own now(), so
          // created_at::date differed whenever a row fell near midnight between the two runs.
          `SELECT (SELECT md5(string_agg(concat_ws('|', name, uscc, province,
                          floor(extract(epoch FROM (SELECT max(created_at) FROM companies) - created_at) / 60)), ',' ORDER BY ctid))
                     FROM companies) AS companies,
                  (SELECT md5(string_agg(concat_ws('|', l.name, l.status, l.source, c.name, u.username, l.estimated_wan), ',' ORDER BY l.ctid))
                     FROM leads l JOIN companies c ON c.id = l.company_id JOIN users u ON u.id = l.owner_id) AS leads,
                  (SELECT md5(string_agg(concat_ws('|', p.name, p.stage, p.total_investment_wan), ',' ORDER BY p.ctid)) FROM projects p) AS projects`,
        );
        return rows[0];
      } finally {
        await client.end();
      }
    };
    expect(await fingerprint(second.database)).toEqual(await fingerprint(first.database));
  });
});
