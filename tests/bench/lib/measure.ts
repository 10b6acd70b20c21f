import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';

export interface LoadStats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

/** What one load run saw: every successful call's latency (ms), its length and its failures. */
export interface LoadSamples {
  latencies: number[];
  seconds: number;
  errors: number;
}

/** HTTP load with autocannon: `connections` keep-alive connections for `durationSeconds`. */
export async function httpSamples(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<LoadSamples> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections: options.connections, duration: options.durationSeconds, timeout: 30 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors++;
    });
  });
  return {
    latencies,
    seconds: (performance.now() - started) / 1000,
    errors: errors + result.errors + result.timeouts,
  };
}

/**
 * The same load shape without HTTP: `concurrency` workers each call `work` back to back for
 * `durationSeconds`; latencies are measured around each call.
 */
export async function loopSamples(work: () => Promise<unknown>, options: LoadOptions): Promise<LoadSamples> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + options.durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        await work();
        latencies.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

/**
 * Two loads side by side on a shared, noisy machine: `rounds` short runs of each, taking turns
 * (and turns at going first), their samples pooled. Run one after the other, a slow minute of the
 * machine would land on one side only; taking turns spreads it over both, so the ratio holds
 * still where the absolute figures move.
 */
export async function takingTurns(
  a: (options: LoadOptions) => Promise<LoadSamples>,
  b: (options: LoadOptions) => Promise<LoadSamples>,
  options: LoadOptions,
  rounds = 5,
): Promise<[LoadStats, LoadStats]> {
  const slice = { ...options, durationSeconds: Math.max(1, options.durationSeconds / rounds) };
  const ofA: LoadSamples[] = [];
  const ofB: LoadSamples[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ofA.push(await a(slice));
      ofB.push(await b(slice));
    } else {
      ofB.push(await b(slice));
      ofA.push(await a(slice));
    }
  }
  return [summarize(ofA), summarize(ofB)];
}

function summarize(runs: LoadSamples[]): LoadStats {
  const latencies = runs.flatMap((run) => run.latencies).sort((x, y) => x - y);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/** Samples a process's resident memory (MB) until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 200): { stop: () => number } {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process may have ended
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return round(peak);
    },
  };
}

/** CPU seconds (user and system) the processes have used so far, from /proc; ended ones count 0. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process has ended
    }
  }
  return ticks / 100; // USER_HZ
}

/** The PostgreSQL server's processes (postmaster and backends) running now. */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
      } catch {
        return false;
      }
    });
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
