import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

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

/** HTTP load with autocannon: `connections` keep-alive connections for `durationSeconds`. */
export async function httpLoad(url: string, headers: Record<string, string>, options: LoadOptions): Promise<LoadStats> {
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
  return summarize(latencies, (performance.now() - started) / 1000, errors + result.errors + result.timeouts);
}

/**
 * The same load shape without HTTP: `concurrency` workers each call `work` back to back for
 * `durationSeconds`; latencies are measured around each call.
 */
export async function loopLoad(work: () => Promise<unknown>, options: LoadOptions): Promise<LoadStats> {
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
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}

function summarize(latencies: number[], seconds: number, errors: number): LoadStats {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
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

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
