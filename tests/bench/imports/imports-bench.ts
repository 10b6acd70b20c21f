import * as ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BENCH_PASSWORD } from '../../../tools/seed-scale/seed-scale';
import { startApiProcess, type ApiProcess } from '../lib/api-process';
import { round, sampleRss } from '../lib/measure';

export interface LatencyStats {
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ExportRun {
  format: 'csv' | 'xlsx';
  rows: number | null;
  expectedRows: number;
  megabytes: number;
  seconds: number;
  rowsPerSecond: number;
  apiPeakRssMb: number;
}

export interface ImportBenchResult {
  rows: number;
  fileMegabytes: number;
  status: string;
  created: number;
  companiesCreated: number;
  seconds: number;
  validateSeconds: number;
  writeSeconds: number;
  apiIdleRssMb: number;
  apiPeakRssMb: number;
  probe: { path: string; idle: LatencyStats; duringImport: LatencyStats };
  exports: ExportRun[];
}

export interface ImportBenchOptions {
  rows: number;
  /** Run the exports (they need the scale data set's leads); on by default. */
  exports: boolean;
}

const LEADER = 'leader01';
const PROBE = '/api/health/ready';
const PROBE_WORKERS = 4;
const BENCH_PREFIX = '压测导入线索';
const SOURCES = ['推介会', '走出去拜访', '请进来来访', 'online', '扫码意向', '以商招商', 'homecoming', '其他'];

/**
 * The import and export bench on the scale data set (tools/seed-scale):
 * - a 1,000,000-row leads export, streamed as CSV and as .xlsx: time and the API's peak memory;
 * - a 200,000-row leads import (.xlsx): time to done, the API's peak memory, and the p95 of a cheap
 *   endpoint while it runs against the same endpoint idle.
 * The API runs as its own process so its memory is its own. The imported rows are removed afterwards,
 * so the data set stays as seeded.
 */
export async function runImportBench(
  databaseUrl: string,
  log: (line: string) => void,
  options: Partial<ImportBenchOptions> = {},
): Promise<ImportBenchResult> {
  const opts: ImportBenchOptions = { rows: 200_000, exports: true, ...options };
  const db = new Client(databaseUrl);
  await db.connect();
  const dir = join(tmpdir(), 'lianqiao-bench');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `bench-leads-${opts.rows}.xlsx`);
  let api: ApiProcess | null = null;
  try {
    await cleanUp(db);
    log(`writing a ${opts.rows.toLocaleString()}-row leads file…`);
    await writeLeadsFile(file, opts.rows);
    const fileMegabytes = round((await stat(file)).size / 1024 / 1024, 1);

    log('starting the API process…');
    api = await startApiProcess(databaseUrl, { DATABASE_POOL_SIZE: '20' });
    const token = await api.login(LEADER, BENCH_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };

    const exports: ExportRun[] = [];
    if (opts.exports) {
      const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM leads WHERE deleted_at IS NULL`)).rows;
      for (const format of ['csv', 'xlsx'] as const) {
        log(`exporting ${count.toLocaleString()} leads as ${format}…`);
        exports.push(await exportRun(api, auth, format, count));
        const last = exports[exports.length - 1];
        log(
          `  ${last.rows ?? '?'} rows, ${last.megabytes} MB in ${last.seconds} s (${last.rowsPerSecond} rows/s), API peak ${last.apiPeakRssMb} MB`,
        );
      }
    }

    log(`probing ${PROBE} idle…`);
    const idleRss = sampleRss(api.pid);
    const idle = await probe(api.baseUrl, () => false, 8_000);
    const apiIdleRssMb = idleRss.stop();

    log(`importing ${opts.rows.toLocaleString()} leads…`);
    const form = new FormData();
    form.set('kind', 'leads');
    form.set('file', new Blob([await readFile(file)]), `bench-leads-${opts.rows}.xlsx`);
    const rss = sampleRss(api.pid);
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: auth, body: form });
    if (response.status !== 202) throw new Error(`upload: ${response.status} ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    let finished = false;
    let writingAt: number | null = null;
    const during = probe(api.baseUrl, () => finished, Number.POSITIVE_INFINITY);
    let job: {
      status: string;
      createdCount: number;
      companiesCreated: number;
      processedRows: number;
      totalRows: number | null;
      message: string | null;
      errors: Array<{ row: number; column: string; message: string }>;
    };
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      job = (await (await fetch(`${api.baseUrl}/api/imports/${id}`, { headers: auth })).json()) as typeof job;
      if (job.status === 'writing' && writingAt === null) writingAt = performance.now();
      if (job.status === 'done' || job.status === 'failed') break;
    }
    const seconds = (performance.now() - started) / 1000;
    finished = true;
    const duringImport = await during;
    const apiPeakRssMb = rss.stop();
    if (job.status !== 'done')
      throw new Error(`import ${job.status}: ${job.message} ${JSON.stringify(job.errors.slice(0, 10))}`);
    const validateSeconds = ((writingAt ?? performance.now()) - started) / 1000;
    log(
      `  ${job.status}: ${job.createdCount.toLocaleString()} leads, ${job.companiesCreated.toLocaleString()} companies in ${round(seconds)} s; API peak ${apiPeakRssMb} MB`,
    );
    log(`  ${PROBE} p95 idle ${idle.p95} ms, during the import ${duringImport.p95} ms (max ${duringImport.max} ms)`);
    return {
      rows: opts.rows,
      fileMegabytes,
      status: job.status,
      created: job.createdCount,
      companiesCreated: job.companiesCreated,
      seconds: round(seconds),
      validateSeconds: round(validateSeconds),
      writeSeconds: round(seconds - validateSeconds),
      apiIdleRssMb,
      apiPeakRssMb,
      probe: { path: PROBE, idle, duringImport },
      exports,
    };
  } finally {
    await api?.stop();
    await cleanUp(db).catch((error: unknown) => log(`clean-up failed: ${(error as Error).message}`));
    await db.end();
    await rm(file, { force: true });
  }
}

/** Leads, companies and trail entries made by earlier bench imports, and the imports themselves. */
async function cleanUp(db: Client): Promise<void> {
  const [{ exists }] = (await db.query(`SELECT to_regclass('public.imports') IS NOT NULL AS exists`)).rows;
  if (!exists) return; // the API has not migrated this database to imports yet
  const { rows } = await db.query(`SELECT id FROM imports WHERE file_name LIKE 'bench-leads-%'`);
  if (!rows.length) return;
  const ids = rows.map((r: { id: string }) => r.id);
  await db.query(`DELETE FROM leads WHERE name LIKE '${BENCH_PREFIX}%'`);
  await db.query(
    `DELETE FROM companies c USING audit_entries a
      WHERE a.entity = 'company' AND a.action = 'import' AND a.after->>'importId' = ANY($1) AND c.id = a.entity_id
        AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.company_id = c.id)`,
    [ids],
  );
  await db.query(`DELETE FROM audit_entries WHERE action = 'import' AND after->>'importId' = ANY($1)`, [ids]);
  await db.query(`DELETE FROM imports WHERE id = ANY($1)`, [ids]);
  // Leave the data set as the CRM bench expects it: without the dead rows' weight in its plans.
  await db.query('VACUUM ANALYZE leads, companies, audit_entries');
}

/** The file people would bring: Chinese headers, labels and codes mixed, 20,000 companies named ten times each. */
async function writeLeadsFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('数据');
  sheet
    .addRow([
      '线索名称',
      '企业名称',
      '来源',
      '状态',
      '负责人账号',
      '预计投资(万元)',
      '产业链环节',
      '下次跟进日期',
      '联系人',
      '联系电话',
      '备注',
    ])
    .commit();
  for (let i = 1; i <= rows; i++) {
    sheet
      .addRow([
        `${BENCH_PREFIX}${i}`,
        `压测企业${i % 20_000}有限公司`,
        SOURCES[i % SOURCES.length],
        i % 3 === 0 ? '跟进中' : null,
        `staff${String((i % 200) + 1).padStart(3, '0')}`,
        (i * 37) % 500_000,
        i % 5 === 0 ? '动力电池' : null,
        i % 7 === 0 ? `2026-12-${String((i % 28) + 1).padStart(2, '0')}` : null,
        i % 2 === 0 ? '张经理' : null,
        i % 2 === 0 ? `139${String(i).padStart(8, '0')}` : null,
        i % 10 === 0 ? '来自压测文件的备注' : null,
      ])
      .commit();
    if (i % 10_000 === 0) await new Promise((r) => setImmediate(r));
  }
  sheet.commit();
  await workbook.commit();
  await new Promise<void>((resolve, reject) => {
    if (out.writableFinished) resolve();
    out.once('finish', resolve);
    out.once('error', reject);
  });
}

/** Streams one export to nowhere, counting bytes (and CSV lines). */
async function exportRun(
  api: ApiProcess,
  auth: Record<string, string>,
  format: 'csv' | 'xlsx',
  expectedRows: number,
): Promise<ExportRun> {
  const rss = sampleRss(api.pid);
  const started = performance.now();
  const response = await fetch(`${api.baseUrl}/api/exports/leads.${format}`, { headers: auth });
  if (!response.ok || !response.body) throw new Error(`export ${format}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'csv') for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = format === 'csv' ? lines - 1 : null;
  return {
    format,
    rows,
    expectedRows,
    megabytes: round(bytes / 1024 / 1024, 1),
    seconds: round(seconds),
    rowsPerSecond: Math.round(expectedRows / seconds),
    apiPeakRssMb: rss.stop(),
  };
}

/** A few workers calling the endpoint back to back until `done()` (or `maxMs`): the latency a user would feel. */
async function probe(baseUrl: string, done: () => boolean, maxMs: number): Promise<LatencyStats> {
  const latencies: number[] = [];
  const end = performance.now() + maxMs;
  const worker = async () => {
    while (!done() && performance.now() < end) {
      const start = performance.now();
      const response = await fetch(`${baseUrl}${PROBE}`);
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all(Array.from({ length: PROBE_WORKERS }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { requests: latencies.length, p50: at(0.5), p95: at(0.95), max: round(latencies[latencies.length - 1] ?? 0) };
}

export function importsMarkdown(result: ImportBenchResult): string {
  const lines = [
    `## Import and export at scale`,
    '',
    'The API as its own process on the scale data set; leader01 (sees every team).',
    '',
    `**Import** of ${result.rows.toLocaleString()} leads (.xlsx, ${result.fileMegabytes} MB, 20,000 new companies named ten times each): ` +
      `${result.status} in **${result.seconds} s** (checking ${result.validateSeconds} s, writing ${result.writeSeconds} s), ` +
      `${result.created.toLocaleString()} leads and ${result.companiesCreated.toLocaleString()} companies written in one transaction. ` +
      `API memory: ${result.apiIdleRssMb} MB idle, **${result.apiPeakRssMb} MB peak** (target < 500 MB).`,
    '',
    `\`GET ${result.probe.path}\` (${PROBE_WORKERS} callers back to back) while idle: p50 ${result.probe.idle.p50} ms, **p95 ${result.probe.idle.p95} ms** (${result.probe.idle.requests} requests); ` +
      `during the import: p50 ${result.probe.duringImport.p50} ms, **p95 ${result.probe.duringImport.p95} ms**, max ${result.probe.duringImport.max} ms (${result.probe.duringImport.requests} requests).`,
    '',
  ];
  if (result.exports.length) {
    lines.push(
      '**Export** of every lead, streamed:',
      '',
      '| format | rows | MB | seconds | rows/s | API peak memory |',
      '|---|---|---|---|---|---|',
    );
    for (const e of result.exports) {
      lines.push(
        `| ${e.format} | ${(e.rows ?? e.expectedRows).toLocaleString()}${e.rows !== null && e.rows !== e.expectedRows ? ` (expected ${e.expectedRows.toLocaleString()})` : ''} | ${e.megabytes} | ${e.seconds} | ${e.rowsPerSecond.toLocaleString()} | ${e.apiPeakRssMb} MB |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
