/**
 * npm run bench -- [--leads 1000000] [--duration 10] [--connections 50] [--only crm|card|imports] [--rows 200000]
 *
 * Measures the API against baselines run side by side in the same process, on the same machine,
 * and writes the figures to bench/results/: a .json and a .md per section, and summary.md with the
 * latest run of each. The scale data set (see tools/seed-scale) is made first when missing or of
 * another size. The import and export bench runs last: it adds its rows to the data set and takes
 * them out again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl } from '../../tools/test-database';
import { parseScaleArgs, scaleServer, seededWith, seedScale } from '../../tools/seed-scale/seed-scale';
import { cardMarkdown, runCardBench } from './card/card-bench';
import { importsMarkdown, runImportBench } from './imports/imports-bench';
import { runCrmBench, type CrmBenchResult } from './crm/crm-bench';

const RESULTS = join(__dirname, '..', '..', 'bench', 'results');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  const load = { connections: flag('connections', 50), durationSeconds: flag('duration', 10) };
  const rows = flag('rows', 200_000);
  const scale = parseScaleArgs(argv);
  mkdirSync(RESULTS, { recursive: true });
  const { serverUrl, stop } = await scaleServer();
  const stamp = `_Run ${new Date().toISOString()} on ${process.platform}, Node ${process.version}, ${load.connections} connections, ${load.durationSeconds} s per measurement._\n`;
  const section = (name: SectionName, markdown: string) =>
    writeFileSync(join(RESULTS, `${name}.md`), `${markdown.trimEnd()}\n\n${stamp}`);
  try {
    if (only !== 'card') {
      const existing = await seededWith(serverUrl, scale.database);
      if (JSON.stringify(existing) !== JSON.stringify(scale)) {
        console.log('Making the scale data set (once; later runs reuse it)…');
        await seedScale(scale, (line) => console.log(line), serverUrl);
      }
    }
    if (!only || only === 'crm') {
      console.log(`CRM at ${scale.leads.toLocaleString()} leads:`);
      const crm = await runCrmBench(databaseUrl(serverUrl, scale.database), load, (line) => console.log(line));
      const { plans, ...figures } = crm;
      writeFileSync(join(RESULTS, 'crm.json'), JSON.stringify({ scale, ...figures }, null, 2));
      writeFileSync(join(RESULTS, 'crm-plans.md'), plans);
      section('crm', crmMarkdown(scale.leads, crm));
    }
    if (!only || only === 'card') {
      console.log('Public card page:');
      const card = await runCardBench(serverUrl, load, (line) => console.log(line));
      writeFileSync(join(RESULTS, 'card.json'), JSON.stringify(card, null, 2));
      section('card', cardMarkdown(card));
    }
    if (!only || only === 'imports') {
      console.log(`Import and export at ${scale.leads.toLocaleString()} leads:`);
      const imports = await runImportBench(databaseUrl(serverUrl, scale.database), (line) => console.log(line), {
        rows,
      });
      writeFileSync(join(RESULTS, 'imports.json'), `${JSON.stringify({ scale, ...imports }, null, 2)}\n`);
      section('imports', importsMarkdown(imports));
    }
  } finally {
    await stop();
  }
  // The summary holds the latest run of every section, so `--only` refreshes one and keeps the others.
  const latest = SECTIONS.filter((name) => existsSync(join(RESULTS, `${name}.md`))).map((name) =>
    readFileSync(join(RESULTS, `${name}.md`), 'utf8'),
  );
  writeFileSync(join(RESULTS, 'summary.md'), ['# Benchmarks\n', ...latest].join('\n'));
  console.log(`\nFigures written to ${RESULTS}`);
}

const SECTIONS = ['crm', 'card', 'imports'] as const;
type SectionName = (typeof SECTIONS)[number];

function crmMarkdown(leads: number, crm: CrmBenchResult): string {
  const rows = crm.scenarios.map((s) => {
    const ok = s.medianRatio <= 1.5 && s.api.p95 <= s.p95TargetMs && s.api.errors === 0;
    return `| ${s.name} | ${s.api.p50} | ${s.api.p95} | ${s.api.rps} | ${s.baseline.p50} | ${s.baseline.p95} | ${s.baseline.rps} | ${s.medianRatio} | ${s.apiPeakRssMb} | ≤ 1.5 and p95 ≤ ${s.p95TargetMs} ms | ${ok ? 'met' : 'missed'} |`;
  });
  return [
    `## Core CRM at ${leads.toLocaleString()} leads`,
    '',
    "API: the real server as its own process, autocannon, leader01 (sees every team). Baseline: the SQL the endpoint sent, replayed through `pg` (pool of 20) at the same concurrency. The two take turns, five rounds each, and each side's figures pool its rounds.",
    '',
    '| endpoint | API p50 ms | API p95 ms | API req/s | pg p50 ms | pg p95 ms | pg req/s | median ratio | API MB | target | |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `API peak memory under load: ${crm.apiPeakRssMb} MB (target < 300 MB).`,
    '',
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
