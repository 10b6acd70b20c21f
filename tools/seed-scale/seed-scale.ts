import * as argon2 from 'argon2';
import { join } from 'node:path';
import { Client } from 'pg';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { baseDataSourceOptions } from '../../apps/api/src/database/typeorm-options';
import { seedChainTaxonomy } from '../../apps/api/src/modules/chains/chain-taxonomy.seed';
import { databaseUrl } from '../test-database';
import { NAME_CORES, NAME_INDUSTRIES, NAME_SUFFIXES, PROJECT_WORDS, PROVINCES } from './vocabulary';

export interface ScaleOptions {
  leads: number;
  companies: number;
  projects: number;
  activities: number;
  staff: number;
  teams: number;
  database: string;
  seed: number;
}

export const BENCH_PASSWORD = 'Bench-pass-2026';

export function parseScaleArgs(argv: string[]): ScaleOptions {
  const flag = (name: string): number | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
    return value;
  };
  const leads = flag('leads') ?? 1_000_000;
  const dbIndex = argv.indexOf('--database');
  return {
    leads,
    companies: flag('companies') ?? Math.max(100, Math.round(leads / 5)),
    projects: flag('projects') ?? Math.round(leads / 10),
    activities: flag('activities') ?? leads * 3,
    staff: flag('staff') ?? 200,
    teams: flag('teams') ?? 20,
    database: dbIndex >= 0 ? argv[dbIndex + 1] : 'lianqiao_scale',
    seed: flag('seed') ?? 42,
  };
}

/** The server the scale data lives on: DATABASE_URL's, else an embedded one of its own under .data/bench-pg. */
export async function scaleServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const db = await startEmbeddedPostgres({ dataDir: '.data/bench-pg', database: 'postgres', preferredPort: 54349 });
  return { serverUrl: db.url, stop: db.stop };
}

/** The options a database was seeded with (stored as a comment on it), or null. */
export async function seededWith(serverUrl: string, database: string): Promise<ScaleOptions | null> {
  const client = new Client(databaseUrl(serverUrl, 'postgres'));
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT shobj_description(oid, 'pg_database') AS meta FROM pg_database WHERE datname = $1`,
      [database],
    );
    const meta = rows[0]?.meta as string | undefined;
    return meta?.startsWith('lianqiao-scale ')
      ? (JSON.parse(meta.slice('lianqiao-scale '.length)) as ScaleOptions)
      : null;
  } finally {
    await client.end();
  }
}

export async function seedScale(
  options: ScaleOptions,
  log: (line: string) => void,
  serverUrl?: string,
): Promise<string> {
  const server = serverUrl ? { serverUrl, stop: async () => undefined } : await scaleServer();
  const started = Date.now();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t = Date.now();
    await work();
    log(`  ${label.padEnd(42)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    const admin = new Client(databaseUrl(server.serverUrl, 'postgres'));
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${options.database}"`);
    await admin.end();
    const url = databaseUrl(server.serverUrl, options.database);
    log(`Seeding ${options.database}: ${JSON.stringify(options)}`);

    await step('schema (migrations) and chain taxonomy', async () => {
      const dataSource = new DataSource({
        ...baseDataSourceOptions(url, 2),
        entities: [join(__dirname, '..', '..', 'apps', 'api', 'src', 'modules', '**', '*.entity.ts')],
      });
      await dataSource.initialize();
      await dataSource.runMigrations();
      await dataSource.transaction((manager) => seedChainTaxonomy(manager));
      await dataSource.destroy();
    });

    const db = new Client(url);
    db.on('error', (error) => log(`database connection: ${error.message}`));
    await db.connect();
    const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '512MB'`);
    await q(`SET max_parallel_workers_per_gather = 0`); // one process draws the random numbers: reproducible
    await q(`SELECT setseed($1)`, [(options.seed % 1000) / 1000]);

    const tables = ['companies', 'leads', 'projects', 'activities', 'project_stage_changes'];
    const { rows: indexRows } = await q(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE 'PK_%'`,
      [tables],
    );
    await step(`drop ${indexRows.length} secondary indexes for the load`, async () => {
      for (const row of indexRows) await q(`DROP INDEX "${row.indexname}"`);
    });

    await step('people: org units, teams, users', () => seedPeople(q, options));
    await step(`companies × ${options.companies.toLocaleString()}`, () => seedCompanies(q, options));
    await step(`leads × ${options.leads.toLocaleString()}`, () => seedLeads(q, options));
    await step(`projects × ${options.projects.toLocaleString()} (+ stage history)`, () => seedProjects(q));
    await step(`activities × ${options.activities.toLocaleString()}`, () => seedActivities(q, options));
    await step(`rebuild ${indexRows.length} indexes`, async () => {
      for (const row of indexRows) await q(row.indexdef);
    });
    await step('vacuum analyze', () => q('VACUUM ANALYZE'));
    await q(`COMMENT ON DATABASE "${options.database}" IS ${quote(`lianqiao-scale ${JSON.stringify(options)}`)}`);
    await db.end();
    return `Seeded ${options.database} in ${((Date.now() - started) / 1000).toFixed(0)} s. Log in as bench.admin, leader01 or staff001 with ${BENCH_PASSWORD}.`;
  } finally {
    if (!serverUrl) await server.stop();
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const pgArray = (items: string[]) => `(ARRAY[${items.map(quote).join(',')}]::text[])`;

async function seedPeople(q: Query, o: ScaleOptions): Promise<void> {
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  await q(
    `INSERT INTO org_units (name, kind) VALUES ('商务局', 'department'), ('发改局', 'department'), ('经济开发区', 'zone'), ('城关街道', 'town')`,
  );
  await q(
    `INSERT INTO teams (name, org_unit_id)
     SELECT format('%s招商%s专班', (ARRAY['汽车产业链','轨道交通','新能源','新材料','数字经济'])[1 + (g - 1) % 5], g),
            (SELECT id FROM org_units ORDER BY name LIMIT 1)
       FROM generate_series(1, $1) g`,
    [o.teams],
  );
  await q(`CREATE TEMP TABLE team_ix AS SELECT row_number() OVER (ORDER BY name) AS idx, id FROM teams`);
  await q(
    `INSERT INTO users (username, display_name, role, team_id, password_hash, referral_code)
     SELECT 'bench.admin', '压测管理员', 'admin'::user_role, NULL::uuid, $1, 'benchadm'
     UNION ALL
     SELECT format('leader%s', lpad(g::text, 2, '0')), format('领导%s', g), 'leader'::user_role, NULL::uuid, $1, format('ldr%s', lpad(g::text, 5, '0'))
       FROM generate_series(1, 10) g
     UNION ALL
     SELECT format('staff%s', lpad(g::text, 3, '0')), format('招商专员%s', g), 'staff'::user_role,
            (SELECT id FROM team_ix WHERE idx = 1 + (g - 1) % $3), $1, format('stf%s', lpad(g::text, 5, '0'))
       FROM generate_series(1, $2) g`,
    [hash, o.staff, o.teams],
  );
  await q(
    `CREATE TEMP TABLE staff_ix AS SELECT row_number() OVER (ORDER BY username) AS idx, id, team_id, display_name FROM users WHERE role = 'staff'`,
  );
  await q(
    `CREATE TEMP TABLE leader_ix AS SELECT row_number() OVER (ORDER BY username) AS idx, id FROM users WHERE role = 'leader'`,
  );
  await q(
    `CREATE TEMP TABLE node_ix AS SELECT row_number() OVER (ORDER BY n.ctid) AS idx, n.id
       FROM chain_nodes n JOIN chains c ON c.id = n.chain_id WHERE c.kind = 'chain'`,
  );
  await q(`CREATE FUNCTION pg_temp.uscc(n bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE
      alphabet text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
      weights int[] := ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
      base text := '91' || lpad((110000 + (n % 540000))::text, 6, '0') || lpad(n::text, 9, '0');
      s int := 0;
    BEGIN
      FOR i IN 1..17 LOOP s := s + (position(substr(base, i, 1) in alphabet) - 1) * weights[i]; END LOOP;
      RETURN base || substr(alphabet, ((31 - s % 31) % 31) + 1, 1);
    END $$`);
}

// The *_ix tables number rows in the order they were written (ctid), not by id: ids are random
// UUIDs, and numbering by them made the same seed pick other companies, owners and segments.
async function seedCompanies(q: Query, o: ScaleOptions): Promise<void> {
  const cities = PROVINCES.flatMap(([province, list]) => list.map((city) => [province, city] as const));
  await q(
    `INSERT INTO companies (name, normalized_name, uscc, ownership, province, city, chain_node_ids, tags, is_target, is_chain_leader, created_at, updated_at)
     SELECT name, lower(regexp_replace(name, '(股份有限公司|集团有限公司|科技有限公司|有限公司)$', '')), uscc, ownership,
            ($2::text[])[ci], ($3::text[])[ci], nodes, tags, is_target, is_chain_leader, created, created
       FROM (
         SELECT g, ci,
                replace(($3::text[])[ci], '市', '')
                  || ${pgArray(NAME_CORES)}[1 + floor(random() * ${NAME_CORES.length})::int]
                  || ${pgArray(NAME_INDUSTRIES)}[1 + floor(random() * ${NAME_INDUSTRIES.length})::int]
                  || ${pgArray(NAME_SUFFIXES)}[1 + floor(random() * ${NAME_SUFFIXES.length})::int] AS name,
                CASE WHEN random() < 0.6 THEN pg_temp.uscc(g) END AS uscc,
                (ARRAY['central_soe','local_soe','private','private','private','private','foreign','hmt','other'])[1 + floor(random() * 9)::int]::ownership_type AS ownership,
                CASE WHEN r < 0.7 THEN ARRAY[(SELECT id FROM node_ix WHERE idx = 1 + floor(r * 1000)::int % (SELECT count(*) FROM node_ix))]
                     WHEN r < 0.9 THEN ARRAY[(SELECT id FROM node_ix WHERE idx = 1 + floor(r * 1000)::int % (SELECT count(*) FROM node_ix)),
                                             (SELECT id FROM node_ix WHERE idx = 1 + floor(r * 7919)::int % (SELECT count(*) FROM node_ix))]
                     ELSE '{}'::uuid[] END AS nodes,
                CASE WHEN random() < 0.08 THEN ARRAY['listed'] WHEN random() < 0.1 THEN ARRAY['srdi','high_tech'] WHEN random() < 0.05 THEN ARRAY['global500'] ELSE '{}'::text[] END AS tags,
                random() < 0.6 AS is_target,
                random() < 0.001 AS is_chain_leader,
                now() - random() * interval '1500 days' AS created
           FROM (SELECT g, random() AS r, 1 + floor(random() * array_length($3::text[], 1))::int AS ci FROM generate_series(1, $1) g) s
       ) x`,
    [o.companies, cities.map((c) => c[0]), cities.map((c) => c[1])],
  );
  await q(
    `CREATE TEMP TABLE company_ix AS SELECT row_number() OVER (ORDER BY ctid) AS idx, id, name, chain_node_ids FROM companies`,
  );
  await q(`CREATE UNIQUE INDEX ON company_ix (idx)`);
}

async function seedLeads(q: Query, o: ScaleOptions): Promise<void> {
  await q(
    `WITH x AS MATERIALIZED (SELECT g,
                random() AS rw, random() AS rm, random() AS rf,
                1 + floor(random() * $2)::int AS ci,
                1 + floor(random() * $3)::int AS si,
                (ARRAY['roadshow','roadshow','outbound_visit','outbound_visit','inbound_visit','online','card_interest','card_interest','business_referral','homecoming','other'])[1 + floor(random() * 11)::int] AS source,
                CASE WHEN g <= $4 THEN 'converted'
                     ELSE (ARRAY['new','new','following','following','following','following','qualified','invalid','invalid','invalid'])[1 + floor(random() * 10)::int] END AS status,
                now() - random() * interval '1095 days' AS created
           FROM generate_series(1, $1) g)
     INSERT INTO leads (name, company_id, source, status, invalid_reason, owner_id, team_id, estimated_wan, chain_node_ids,
                        next_follow_up_at, contact_name, created_at, updated_at, first_response_at)
     SELECT regexp_replace(c.name, '(股份有限公司|集团有限公司|科技有限公司|有限公司)$', '') || ${pgArray(PROJECT_WORDS)}[1 + floor(x.rw * ${PROJECT_WORDS.length})::int],
            c.id, x.source::lead_source, x.status::lead_status,
            CASE WHEN x.status = 'invalid' THEN '企业投资意向取消' END,
            s.id, s.team_id,
            CASE WHEN x.rm < 0.7 THEN (500 + floor(x.rm * 700000))::bigint END,
            c.chain_node_ids,
            CASE WHEN x.status IN ('new','following','qualified') THEN x.created + (x.rf * 150) * interval '1 day' END,
            (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + floor(x.rm * 10)::int] || '总',
            x.created, least(x.created + x.rf * interval '30 days', now()),
            CASE WHEN x.status <> 'new' THEN least(x.created + x.rf * interval '48 hours', now()) END
       FROM x
       JOIN company_ix c ON c.idx = x.ci
       JOIN staff_ix s ON s.idx = x.si`,
    [o.leads, o.companies, o.staff, o.projects],
  );
}

async function seedProjects(q: Query): Promise<void> {
  await q(
    `WITH conv AS MATERIALIZED (SELECT row_number() OVER () AS n, id FROM leads WHERE status = 'converted'),
          -- Drawn in order, apart from the joins: the same seed gives the same projects whatever plan the joins get.
          d AS MATERIALIZED (
            SELECT n, random() AS r1, random() AS r2, random() < 0.1 AS key,
                   (1000 + floor(random() * 300000))::bigint AS total,
                   (ARRAY['negotiating','negotiating','negotiating','negotiating','negotiating','negotiating','negotiating',
                          'signed','signed','signed','signed','registered','registered','under_construction','under_construction',
                          'in_production','in_production','on_hold','lost','lost'])[1 + floor(random() * 20)::int] AS stage,
                   (ARRAY['negotiating','signed','registered'])[1 + floor(random() * 3)::int] AS held
              FROM generate_series(1, (SELECT count(*) FROM conv)) n),
          x AS (
            SELECT n, r1, r2, key, total, stage, CASE WHEN stage IN ('on_hold','lost') THEN held END AS held,
                   CASE CASE WHEN stage IN ('on_hold','lost') THEN held ELSE stage END
                        WHEN 'negotiating' THEN 0 WHEN 'signed' THEN 1 WHEN 'registered' THEN 2
                        WHEN 'under_construction' THEN 3 WHEN 'in_production' THEN 4 END AS rank
              FROM d)
     INSERT INTO projects (name, company_id, lead_id, lead_source, stage, held_stage, owner_id, team_id, responsible_leader_id, is_key,
                           capital_origin, capital_source, total_investment_wan, fixed_asset_wan, contracted_wan, paid_in_wan,
                           projected_jobs, contracted_jobs, actual_jobs, chain_node_ids, signed_at, local_uscc, started_at, producing_at,
                           last_progress_at, created_at, updated_at)
     SELECT l.name, l.company_id, l.id, l.source, x.stage::project_stage,
            CASE WHEN x.stage IN ('on_hold','lost') THEN x.held::project_pipeline_stage END,
            l.owner_id, l.team_id,
            CASE WHEN x.key THEN (SELECT id FROM leader_ix WHERE idx = 1 + floor(x.r1 * 10)::int) END, x.key,
            CASE WHEN x.r2 < 0.85 THEN 'domestic' ELSE 'foreign' END::capital_origin,
            CASE WHEN x.r2 < 0.85 THEN (ARRAY['广东省','上海市','江苏省','浙江省','北京市'])[1 + floor(x.r1 * 5)::int] ELSE (ARRAY['德国','日本','韩国','新加坡','美国'])[1 + floor(x.r1 * 5)::int] END,
            x.total, (x.total * 0.7)::bigint,
            CASE WHEN x.rank >= 1 THEN (x.total * (0.8 + x.r1 * 0.2))::bigint END,
            CASE WHEN x.rank >= 2 THEN (x.total * x.r2 * 0.8)::bigint END,
            (50 + x.r1 * 2000)::int, CASE WHEN x.rank >= 1 THEN (40 + x.r1 * 1800)::int END, CASE WHEN x.rank >= 4 THEN (30 + x.r2 * 1500)::int END,
            l.chain_node_ids,
            CASE WHEN x.rank >= 1 THEN least(l.created_at + interval '60 days', now())::date END,
            CASE WHEN x.rank >= 2 THEN pg_temp.uscc(10000000 + x.n) END,
            CASE WHEN x.rank >= 3 THEN least(l.created_at + interval '150 days', now())::date END,
            CASE WHEN x.rank >= 4 THEN least(l.created_at + interval '400 days', now())::date END,
            greatest(l.created_at, now() - power(x.r2, 4) * interval '120 days'),
            least(l.created_at + interval '7 days', now()), greatest(l.created_at, now() - power(x.r2, 4) * interval '120 days')
       FROM conv
       JOIN leads l ON l.id = conv.id
       JOIN x ON x.n = conv.n`,
  );
  await q(`UPDATE leads SET project_id = p.id FROM projects p WHERE p.lead_id = leads.id`);
  await q(
    `INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor_id, actor_name, note)
     SELECT id, NULL::project_stage, 'negotiating'::project_stage, created_at, owner_id, NULL, '由线索转为项目' FROM projects
     UNION ALL
     SELECT id, 'negotiating'::project_stage, stage, last_progress_at, owner_id, NULL, NULL FROM projects WHERE stage <> 'negotiating'`,
  );
}

async function seedActivities(q: Query, o: ScaleOptions): Promise<void> {
  await q(
    `CREATE TEMP TABLE lead_ix AS SELECT row_number() OVER (ORDER BY ctid) AS idx, id, team_id, owner_id, created_at FROM leads`,
  );
  await q(`CREATE UNIQUE INDEX ON lead_ix (idx)`);
  await q(
    `CREATE TEMP TABLE project_ix AS SELECT row_number() OVER (ORDER BY ctid) AS idx, id, team_id, owner_id, created_at FROM projects`,
  );
  await q(`CREATE UNIQUE INDEX ON project_ix (idx)`);
  const summaries = pgArray([
    '电话沟通投资意向，对方关注用地指标',
    '上门拜访企业负责人，介绍区位优势与产业政策',
    '屏对屏视频洽谈，确认考察时间',
    '接待企业来访考察标准厂房',
    '微信沟通项目进展，对方内部论证中',
    '邮件发送项目推介资料',
    '召开项目推进会，协调用电用水',
    '企业反馈投资计划调整，持续跟进',
  ]);
  const kinds = `(ARRAY['call','call','visit','meeting','online_meeting','wechat','wechat','email','reception'])`;
  const leadsCount = Math.round(o.activities * 0.7);
  const projectsCount = Math.round(o.activities * 0.2);
  const companiesCount = o.activities - leadsCount - projectsCount;
  await q(
    `WITH x AS MATERIALIZED (SELECT 1 + floor(random() * $2)::int AS li, random() AS r, random() AS r2 FROM generate_series(1, $1))
     INSERT INTO activities (subject_type, subject_id, kind, occurred_at, summary, actor_id, team_id, created_at)
     SELECT 'lead', l.id, (${kinds}[1 + floor(x.r * 9)::int])::activity_kind, least(l.created_at + x.r * interval '200 days', now()),
            ${summaries}[1 + floor(x.r2 * 8)::int], l.owner_id, l.team_id, least(l.created_at + x.r * interval '200 days', now())
       FROM x
       JOIN lead_ix l ON l.idx = x.li`,
    [leadsCount, o.leads],
  );
  await q(
    `WITH x AS MATERIALIZED (SELECT 1 + floor(random() * $2)::int AS pi, random() AS r, random() AS r2 FROM generate_series(1, $1))
     INSERT INTO activities (subject_type, subject_id, kind, occurred_at, summary, actor_id, team_id, created_at)
     SELECT 'project', p.id, (${kinds}[1 + floor(x.r * 9)::int])::activity_kind, least(p.created_at + x.r * interval '300 days', now()),
            ${summaries}[1 + floor(x.r2 * 8)::int], p.owner_id, p.team_id, least(p.created_at + x.r * interval '300 days', now())
       FROM x
       JOIN project_ix p ON p.idx = x.pi`,
    [projectsCount, Math.max(1, o.projects)],
  );
  await q(
    `WITH x AS MATERIALIZED (SELECT 1 + floor(random() * $2)::int AS ci, 1 + floor(random() * $3)::int AS si, random() AS r, random() AS r2
               FROM generate_series(1, $1))
     INSERT INTO activities (subject_type, subject_id, kind, occurred_at, summary, actor_id, team_id, created_at)
     SELECT 'company', c.id, (${kinds}[1 + floor(x.r * 9)::int])::activity_kind, now() - x.r * interval '900 days',
            ${summaries}[1 + floor(x.r2 * 8)::int], s.id, s.team_id, now() - x.r * interval '900 days'
       FROM x
       JOIN company_ix c ON c.idx = x.ci
       JOIN staff_ix s ON s.idx = x.si`,
    [companiesCount, o.companies, o.staff],
  );
}
