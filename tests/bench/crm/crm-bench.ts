import { Pool } from 'pg';
import { encodeCursor } from '../../../apps/api/src/common/pagination/cursor';
import { createApp } from '../../../apps/api/src/app.factory';
import { BENCH_PASSWORD } from '../../../tools/seed-scale/seed-scale';
import { startApiProcess } from '../lib/api-process';
import {
  httpSamples,
  loopSamples,
  round,
  sampleRss,
  takingTurns,
  type LoadOptions,
  type LoadStats,
} from '../lib/measure';
import { QueryCapture, type CapturedQuery } from '../lib/query-capture';

export interface Scenario {
  name: string;
  path: string;
  /** p95 target in ms, from the issue. */
  p95TargetMs: number;
}

export interface ScenarioResult extends Scenario {
  api: LoadStats;
  baseline: LoadStats;
  /** API median / baseline median: the target is at most 1.5. */
  medianRatio: number;
  queries: number;
  items: number | null;
  /** The API process's peak resident memory during this endpoint's measured load. */
  apiPeakRssMb: number;
}

export interface CrmBenchResult {
  scenarios: ScenarioResult[];
  apiPeakRssMb: number;
  load: LoadOptions;
  /** EXPLAIN (ANALYZE, BUFFERS) of every query each endpoint sent, as markdown. */
  plans: string;
}

export const LEADER = 'leader01';

/**
 * The core CRM endpoints at scale, each beside a baseline in the same run: the very SQL the
 * endpoint sent (captured from the real app), replayed straight through `pg` with the same
 * concurrency and pool size. The API runs as its own process so its memory can be read.
 */
export async function runCrmBench(
  databaseUrl: string,
  load: LoadOptions,
  log: (line: string) => void,
): Promise<CrmBenchResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  pool.on('error', (error) => log(`baseline pool: ${error.message}`));
  const scenarios = await defineScenarios(pool);

  log("capturing each endpoint's SQL from the app…");
  const captured = await captureQueries(databaseUrl, scenarios);

  const plans = await explainAll(pool, scenarios, captured);

  log('starting the API process…');
  const api = await startApiProcess(databaseUrl, { DATABASE_POOL_SIZE: '20' });
  const token = await api.login(LEADER, BENCH_PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const results: ScenarioResult[] = [];
  let peak = 0;
  try {
    for (const scenario of scenarios) {
      const { groups, items } = captured.get(scenario.name)!;
      const warm = { ...load, durationSeconds: Math.min(2, load.durationSeconds) };
      const viaApi = (options: LoadOptions) => httpSamples(`${api.baseUrl}${scenario.path}`, headers, options);
      const viaPg = (options: LoadOptions) => loopSamples(() => replayGroups(pool, groups), options);
      await viaApi(warm);
      await viaPg(warm);
      const rss = sampleRss(api.pid);
      const [apiStats, baseline] = await takingTurns(viaApi, viaPg, load);
      const apiPeakRssMb = rss.stop();
      peak = Math.max(peak, apiPeakRssMb);
      const result = {
        ...scenario,
        api: apiStats,
        baseline,
        medianRatio: round(apiStats.p50 / Math.max(baseline.p50, 0.01), 2),
        queries: groups.flat().length,
        items,
        apiPeakRssMb,
      };
      results.push(result);
      log(
        `  ${scenario.name.padEnd(34)} API p50 ${apiStats.p50} ms p95 ${apiStats.p95} ms ${apiStats.rps} req/s | ` +
          `pg p50 ${baseline.p50} ms p95 ${baseline.p95} ms ${baseline.rps} q/s | ratio ${result.medianRatio} | errors ${apiStats.errors} | API ${apiPeakRssMb} MB`,
      );
    }
  } finally {
    await api.stop();
    await pool.end();
  }
  return { scenarios: results, apiPeakRssMb: peak, load, plans };
}

async function explainAll(
  pool: Pool,
  scenarios: Scenario[],
  captured: Map<string, { groups: CapturedQuery[][] }>,
): Promise<string> {
  const out: string[] = [
    '# Query plans of the benchmarked endpoints',
    '',
    'Each query as the endpoint sent it, with `EXPLAIN (ANALYZE, BUFFERS)` on the scale data set.',
    '',
  ];
  for (const scenario of scenarios) {
    out.push(
      `## ${scenario.name} — \`GET ${scenario.path.length > 90 ? `${scenario.path.slice(0, 90)}…` : scenario.path}\``,
      '',
    );
    for (const query of captured.get(scenario.name)!.groups.flat()) {
      if (/^EXPLAIN/i.test(query.text)) {
        out.push(
          "The planner's row estimate for the total (no rows read):",
          '',
          '```sql',
          query.text.replace(/^EXPLAIN \(FORMAT JSON\) /, ''),
          '```',
          '',
        );
        continue;
      }
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
      out.push(
        '```sql',
        query.text,
        '```',
        '',
        '```',
        ...plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']),
        '```',
        '',
      );
    }
  }
  return out.join('\n');
}

export async function defineScenarios(pool: Pool): Promise<Scenario[]> {
  const filters = 'status=following&source=roadshow';
  const deep = await pool.query(
    `SELECT created_at, id FROM leads WHERE deleted_at IS NULL AND status = 'following' AND source = 'roadshow'
      ORDER BY created_at DESC, id DESC OFFSET 9999 LIMIT 1`,
  );
  if (deep.rowCount === 0)
    throw new Error('the scale data set is too small for a deep page (needs 10,000 matching leads)');
  const cursor = encodeCursor({
    value: (deep.rows[0].created_at as Date).toISOString(),
    id: deep.rows[0].id as string,
  });
  const project = await pool.query(
    `SELECT id FROM projects WHERE stage = 'registered' AND deleted_at IS NULL ORDER BY id LIMIT 1`,
  );
  const projectId = project.rows[0].id as string;
  return [
    { name: 'lead list, two filters, first page', path: `/api/leads?${filters}&limit=50`, p95TargetMs: 50 },
    {
      name: 'lead list, two filters, page 201',
      path: `/api/leads?${filters}&limit=50&cursor=${cursor}`,
      p95TargetMs: 50,
    },
    {
      name: 'lead search, two Chinese characters',
      path: `/api/leads?q=${encodeURIComponent('汽车')}&limit=50`,
      p95TargetMs: 100,
    },
    { name: 'project board', path: '/api/projects/board', p95TargetMs: 100 },
    { name: 'project detail', path: `/api/projects/${projectId}`, p95TargetMs: 50 },
    { name: 'project history', path: `/api/projects/${projectId}/history`, p95TargetMs: 50 },
  ];
}

async function captureQueries(databaseUrl: string, scenarios: Scenario[]) {
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
    REMINDERS_INTERVAL_MINUTES: '0',
  });
  const capture = new QueryCapture();
  capture.install();
  const app = await createApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const captured = new Map<string, { groups: CapturedQuery[][]; items: number | null }>();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: LEADER, password: BENCH_PASSWORD },
    });
    const headers = { authorization: `Bearer ${login.json().accessToken}` };
    for (const scenario of scenarios) {
      await app.inject({ method: 'GET', url: scenario.path, headers }); // warm the session check
      let body: { items?: unknown[]; columns?: unknown[] } = {};
      const groups = await capture.around(async () => {
        const response = await app.inject({ method: 'GET', url: scenario.path, headers });
        if (response.statusCode !== 200) throw new Error(`${scenario.path}: ${response.statusCode} ${response.body}`);
        body = response.json();
      });
      captured.set(scenario.name, { groups, items: body.items?.length ?? body.columns?.length ?? null });
    }
  } finally {
    await app.close();
    capture.uninstall();
    process.env = saved;
  }
  return captured;
}

async function replayGroups(pool: Pool, groups: CapturedQuery[][]): Promise<void> {
  for (const group of groups) {
    await Promise.all(group.map((q) => pool.query(q.text, q.values)));
  }
}
