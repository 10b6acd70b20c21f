/**
 * npm run bench:compare -- --a <dir> --b <dir> [--only <endpoint>] [--duration 20] [--connections 50]
 *
 * Two builds of the API side by side on the scale data set, each as its own process, taking turns
 * under the same load: for one change, a steadier answer than two runs of `npm run bench` apart.
 * Each directory holds a build (`dist/api`, e.g. `npx nx run api:build && cp -r dist /tmp/b`);
 * it gets this checkout's node_modules when it has none. Besides latency and throughput it reports
 * the CPU each side cost a request, in the API process and in PostgreSQL, read from /proc: that
 * figure moves least when the machine is busy with something else. Writes bench/results/compare.md.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { databaseUrl } from '../../../tools/test-database';
import { BENCH_PASSWORD, scaleServer, seededWith } from '../../../tools/seed-scale/seed-scale';
import { defineScenarios, LEADER } from '../crm/crm-bench';
import { startApiProcess, type ApiProcess } from '../lib/api-process';
import {
  cpuSeconds,
  httpSamples,
  postgresPids,
  round,
  takingTurns,
  type LoadOptions,
  type LoadStats,
} from '../lib/measure';

const REPO = resolve(__dirname, '..', '..', '..');
const RESULTS = join(REPO, 'bench', 'results');

interface Side {
  label: string;
  api: ApiProcess;
  headers: Record<string, string>;
  apiCpu: number;
  pgCpu: number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const dirs = { A: arg('a'), B: arg('b') };
  if (!dirs.A || !dirs.B) throw new Error('usage: npm run bench:compare -- --a <dir> --b <dir> [--only <endpoint>]');
  const load: LoadOptions = {
    connections: Number(arg('connections') ?? 50),
    durationSeconds: Number(arg('duration') ?? 20),
  };
  const only = arg('only');

  const { serverUrl, stop } = await scaleServer();
  const sides: Side[] = [];
  const lines: string[] = [];
  try {
    const scale = await seededWith(serverUrl, 'lianqiao_scale');
    if (!scale) throw new Error('no scale data set yet: run `npm run bench -- --only crm` once');
    const url = databaseUrl(serverUrl, 'lianqiao_scale');
    const pool = new Pool({ connectionString: url, max: 2 });
    const scenarios = (await defineScenarios(pool)).filter((s) => !only || s.name.includes(only));
    await pool.end();
    for (const [label, dir] of Object.entries(dirs)) {
      const root = resolve(dir!);
      if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
      const api = await startApiProcess(url, { DATABASE_POOL_SIZE: '20' }, [], root);
      sides.push({
        label: `${label} (${dir})`,
        api,
        headers: { authorization: `Bearer ${await api.login(LEADER, BENCH_PASSWORD)}` },
        apiCpu: 0,
        pgCpu: 0,
      });
    }
    lines.push(
      `# Two builds side by side`,
      '',
      `${load.connections} connections, ${load.durationSeconds} s a side in five turns, ${scale.leads.toLocaleString()} leads.`,
      '',
      '| endpoint | build | req/s | p50 ms | p95 ms | API CPU ms a request | PostgreSQL CPU ms a request |',
      '|---|---|---|---|---|---|---|',
    );
    for (const scenario of scenarios) {
      const runs = sides.map((side) => async (options: LoadOptions) => {
        const pids = postgresPids();
        const [api0, pg0] = [cpuSeconds([side.api.pid]), cpuSeconds(pids)];
        const samples = await httpSamples(`${side.api.baseUrl}${scenario.path}`, side.headers, options);
        side.apiCpu += cpuSeconds([side.api.pid]) - api0;
        side.pgCpu += cpuSeconds(pids) - pg0;
        return samples;
      });
      for (const run of runs) await run({ ...load, durationSeconds: 2 }); // warm up
      sides.forEach((side) => (side.apiCpu = side.pgCpu = 0));
      const stats: LoadStats[] = await takingTurns(runs[0], runs[1], load);
      stats.forEach((s, i) => {
        const side = sides[i];
        const perRequest = (seconds: number) => round((1000 * seconds) / Math.max(1, s.requests), 3);
        const row = `| ${scenario.name} | ${side.label} | ${s.rps} | ${s.p50} | ${s.p95} | ${perRequest(side.apiCpu)} | ${perRequest(side.pgCpu)} |`;
        lines.push(row);
        console.log(row);
      });
    }
  } finally {
    await Promise.all(sides.map((side) => side.api.stop()));
    await stop();
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'compare.md'), `${lines.join('\n')}\n\n_Run ${new Date().toISOString()}._\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
