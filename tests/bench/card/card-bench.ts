import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '../../../tools/test-database';
import { startApiProcess } from '../lib/api-process';
import { httpSamples, sampleRss, takingTurns, type LoadOptions, type LoadStats } from '../lib/measure';

export const CARD_BENCH_DATABASE = 'lianqiao_bench_card';
const ADMIN_PASSWORD = 'Bench-admin-2026';
const PASSWORD = 'Bench-user-2026';

export interface CardBenchResult {
  url: string;
  pageBytes: number;
  load: LoadOptions;
  api: LoadStats;
  baseline: LoadStats;
  /** API req/s ÷ baseline req/s; the target is ≥ 0.5. */
  rpsRatio: number;
  apiPeakRssMb: number;
  targets: { rpsRatio: number; p95Ms: number };
  met: boolean;
}

/**
 * /c/{slug} under load beside a bare Fastify handler serving a string of the same size, both as
 * processes of their own on this machine, the load generator in this one. The API runs as in
 * production (migrations, info logging, scans buffered to the database).
 */
export async function runCardBench(
  serverUrl: string,
  load: LoadOptions = { connections: 50, durationSeconds: 10 },
  log: (line: string) => void = () => undefined,
): Promise<CardBenchResult> {
  await freshDatabase(serverUrl, CARD_BENCH_DATABASE);
  const api = await startApiProcess(databaseUrl(serverUrl, CARD_BENCH_DATABASE), {
    ADMIN_PASSWORD,
    PUBLIC_BASE_URL: 'https://zs.example.gov.cn',
    DISTRICT_NAME: '示范区',
  });
  try {
    const { slug, referralCode } = await publishCard(api.baseUrl, await api.login('admin', ADMIN_PASSWORD), api.login);
    const url = `${api.baseUrl}/c/${slug}?r=${referralCode}`;
    const page = await fetch(url);
    if (page.status !== 200) throw new Error(`card page answered ${page.status}`);
    const body = await page.text();
    log(`  card page: ${Buffer.byteLength(body)} bytes`);

    const baseline = await startBaseline(body);
    try {
      const warm = { connections: load.connections, durationSeconds: 2 };
      const baselineUrl = `${baseline.baseUrl}/c/${slug}`;
      const viaApi = (options: LoadOptions) => httpSamples(url, {}, options);
      const viaBaseline = (options: LoadOptions) => httpSamples(baselineUrl, {}, options);
      await viaApi(warm);
      await viaBaseline(warm);
      const rss = sampleRss(api.pid);
      const [apiStats, baselineStats] = await takingTurns(viaApi, viaBaseline, load);
      const apiPeakRssMb = Math.round(rss.stop());
      log(
        `  /c/{slug}: ${apiStats.rps} req/s, p50 ${apiStats.p50} ms, p95 ${apiStats.p95} ms, errors ${apiStats.errors}`,
      );
      log(`  baseline:  ${baselineStats.rps} req/s, p50 ${baselineStats.p50} ms, p95 ${baselineStats.p95} ms`);
      const rpsRatio = Math.round((apiStats.rps / baselineStats.rps) * 100) / 100;
      const targets = { rpsRatio: 0.5, p95Ms: 20 };
      return {
        url: `/c/${slug}?r=${referralCode}`,
        pageBytes: Buffer.byteLength(body),
        load,
        api: apiStats,
        baseline: baselineStats,
        rpsRatio,
        apiPeakRssMb,
        targets,
        met: rpsRatio >= targets.rpsRatio && apiStats.p95 < targets.p95Ms && apiStats.errors === 0,
      };
    } finally {
      await baseline.stop();
    }
  } finally {
    await api.stop();
  }
}

export function cardMarkdown(result: CardBenchResult): string {
  const { api, baseline } = result;
  return [
    '## Public card page',
    '',
    `\`GET ${result.url}\` (${result.pageBytes} bytes of HTML, uncompressed), ${result.load.connections} connections, ${result.load.durationSeconds} s. ` +
      'Baseline: a bare Fastify handler answering a string of the same size, as its own process. The two take turns, five rounds each.',
    '',
    '| server | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|',
    `| API /c/{slug} | ${api.rps} | ${api.p50} | ${api.p95} | ${api.p99} | ${api.errors} |`,
    `| bare Fastify | ${baseline.rps} | ${baseline.p50} | ${baseline.p95} | ${baseline.p99} | ${baseline.errors} |`,
    '',
    `Ratio ${result.rpsRatio} (target ≥ ${result.targets.rpsRatio}); API p95 ${api.p95} ms (target < ${result.targets.p95Ms} ms): ` +
      `**${result.met ? 'met' : 'missed'}**. API peak memory ${result.apiPeakRssMb} MB.`,
    '',
  ].join('\n');
}

async function freshDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client(databaseUrl(serverUrl, 'postgres'));
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A leader and a staff member, and one published land card with a cover-less full text. */
async function publishCard(
  baseUrl: string,
  adminToken: string,
  login: (username: string, password: string) => Promise<string>,
): Promise<{ slug: string; referralCode: string }> {
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const team = await call('POST', '/api/teams', adminToken, { name: '汽车产业链招商专班' });
  await call('POST', '/api/users', adminToken, {
    username: 'bench.leader',
    displayName: '王局长',
    role: 'leader',
    password: PASSWORD,
  });
  const staff = await call('POST', '/api/users', adminToken, {
    username: 'bench.staff',
    displayName: '陈静',
    role: 'staff',
    teamId: team.id,
    password: PASSWORD,
  });
  const staffToken = await login('bench.staff', PASSWORD);
  const leaderToken = await login('bench.leader', PASSWORD);
  const card = await call('POST', '/api/promo-projects', staffToken, {
    kind: 'land',
    title: '汽车零部件产业园 A-03 地块',
    summary: '位于经济开发区核心区，紧邻整车厂与高速出口，三通一平，可即时供地，适合汽车零部件、新能源电池配套项目。',
    location: '经开区汽车大道 88 号',
    landMu: 120.5,
    investmentScaleWan: 50000,
    advantages:
      '<ul><li>毗邻整车厂，配套半径 5 公里</li><li>高速出口 3 公里，铁路货运站 8 公里</li><li>园区双回路供电、天然气、工业污水处理齐备</li><li>产业链上下游企业 60 余家</li></ul>',
    policies:
      '<p>固定资产投资 5 亿元以上项目：</p><ol><li>前三年厂房租金全免</li><li>设备投资按 10% 给予补贴</li><li>高管个人所得税地方留成部分全额奖励</li></ol>',
    contactName: '陈专员',
    contactPhone: '0731-8888 1234',
  });
  const submitted = await call('POST', `/api/promo-projects/${card.id as string}/submit`, staffToken, {
    version: card.version,
  });
  await call('POST', `/api/promo-projects/${card.id as string}/approve`, leaderToken, { version: submitted.version });
  return { slug: card.slug as string, referralCode: staff.referralCode as string };
}

async function startBaseline(body: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dir = join(tmpdir(), `lianqiao-card-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const bodyFile = join(dir, 'page.html');
  writeFileSync(bodyFile, body);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'baseline-server.ts')], {
    env: { ...process.env, BASELINE_BODY_FILE: bodyFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
