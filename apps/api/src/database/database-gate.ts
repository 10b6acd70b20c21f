import { Client, type ClientConfig } from 'pg';
import { DatabaseUnavailableError } from '../common/errors/database-unavailable';

export interface DatabaseGateOptions {
  /** A connect or query still waiting after this long makes the gate probe the database. */
  slowMs: number;
  /** A probe (a fresh connection and `SELECT 1`) that takes longer than this finds the database hung. */
  probeTimeoutMs: number;
  /** While the database is down, a probe this often notices its return. */
  retryMs: number;
  /** Both ends of an outage are warnings, so that a log filtered to warnings shows each outage whole. */
  log: { warn(message: string): void };
}

interface Waiting {
  since: number;
  /** A probe was started for it already: one per slow call, however long it takes. */
  probed: boolean;
  abort(): void;
}

export const DEFAULT_GATE_OPTIONS = { slowMs: 750, probeTimeoutMs: 1500, retryMs: 1000 } as const;

/**
 * Knows whether the database can serve, so that requests fail fast with a 503 while it cannot
 * instead of each waiting out its own timeout (a hung server answers nothing: no error, no close).
 *
 * Nothing runs while all is well. When a connect or query of the pool has waited `slowMs`, the gate
 * probes with a connection of its own; if the probe fails, or twice in a row does not answer within
 * `probeTimeoutMs`, the gate closes: the pool's waiting work is cut short with
 * DatabaseUnavailableError (its connections are dropped, so no half-done transaction goes back to
 * the pool), and new work is refused at once. It probes every `retryMs` until the database answers,
 * then opens again: no restart needed. A database that is merely stopped needs none of this (the
 * driver's ECONNREFUSED is immediate), but it closes the gate all the same, on the first slow or
 * failed probe.
 */
export class DatabaseGate {
  private downSince: number | null = null;
  private reason = '';
  private probing: Promise<boolean> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private closed = false;
  /** The work now waiting on the database, oldest first (a Set keeps insertion order). */
  private readonly waiting = new Set<Waiting>();

  constructor(
    private readonly connection: ClientConfig,
    private readonly options: DatabaseGateOptions,
  ) {}

  get available(): boolean {
    return this.downSince === null;
  }

  /**
   * Runs one connect or query of a pooled client under the gate: refused at once while the
   * database is down, cut short (and `drop` called to discard the client) when it goes down meanwhile.
   */
  guard<T>(work: () => Promise<T>, drop: () => void): Promise<T> {
    if (this.downSince !== null) return Promise.reject(new DatabaseUnavailableError(this.reason));
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        since: performance.now(),
        probed: false,
        abort: () => {
          if (!this.waiting.delete(entry)) return;
          drop();
          reject(new DatabaseUnavailableError(this.reason));
        },
      };
      this.waiting.add(entry);
      // One shared timer rather than one per call: this runs on every query.
      if (!this.sweep) {
        this.sweep = setInterval(() => this.lookForSlowWork(), Math.max(10, this.options.slowMs / 3));
        this.sweep.unref();
      }
      work().then(
        (value) => {
          if (this.waiting.delete(entry)) resolve(value);
        },
        (error: unknown) => {
          if (this.waiting.delete(entry)) reject(error as Error);
        },
      );
    });
  }

  /** Probes once for each call that has waited `slowMs`; stops its timer when nothing waits. */
  private lookForSlowWork(): void {
    if (this.waiting.size === 0) {
      if (this.sweep) clearInterval(this.sweep);
      this.sweep = null;
      return;
    }
    const slowSince = performance.now() - this.options.slowMs;
    let slow = false;
    for (const entry of this.waiting) {
      if (entry.since > slowSince) break;
      if (!entry.probed) slow = entry.probed = true;
    }
    if (slow) void this.probe();
  }

  /** Probes now (or joins the probe under way); true when the database answered. */
  probe(): Promise<boolean> {
    this.probing ??= this.runProbe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async runProbe(): Promise<boolean> {
    const { probeTimeoutMs } = this.options;
    let failure = await probeDatabase(this.connection, probeTimeoutMs);
    // A hang is confirmed once before the gate closes: one slow probe may be a busy machine.
    if (failure?.hung && this.available && !this.closed) failure = await probeDatabase(this.connection, probeTimeoutMs);
    if (this.closed) return failure === null;
    if (failure === null) this.open();
    else this.close(failure.reason);
    return failure === null;
  }

  /** Stops probing (the app is shutting down). */
  stop(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.sweep) clearInterval(this.sweep);
    this.retry = this.sweep = null;
  }

  private close(failure: string): void {
    if (this.downSince === null) {
      this.downSince = Date.now();
      this.reason = failure;
      this.options.log.warn(`database unavailable (${failure}): requests answer 503 until it is back`);
      for (const entry of [...this.waiting]) entry.abort();
    }
    this.retry = setTimeout(() => void this.probe(), this.options.retryMs);
    this.retry.unref();
  }

  private open(): void {
    if (this.downSince === null) return;
    const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
    this.downSince = null;
    this.options.log.warn(`database is back after ${seconds} s`);
  }
}

/**
 * One probe on a connection of its own: null when the database answered, else why not (`hung`: no
 * answer at all within `timeoutMs`, whatever the server does). A result that arrived in the same
 * turn as the deadline still counts (setImmediate lets pending socket reads run first), so a busy
 * event loop is not mistaken for a hung database.
 */
export async function probeDatabase(
  connection: ClientConfig,
  timeoutMs: number,
): Promise<{ reason: string; hung: boolean } | null> {
  const client = new Client({ ...connection, connectionTimeoutMillis: timeoutMs, application_name: 'lianqiao-probe' });
  client.on('error', () => undefined);
  let deadline: NodeJS.Timeout | undefined;
  const late = new Promise<{ reason: string; hung: boolean }>((done) => {
    deadline = setTimeout(
      () => setImmediate(() => done({ reason: `no answer within ${timeoutMs} ms`, hung: true })),
      timeoutMs,
    );
  });
  const answer = client
    .connect()
    .then(() => client.query('SELECT 1'))
    .then(
      () => null,
      // A server that answers "too many clients" or "wrong password" is up: only its own connections are refused.
      (error: unknown) => (serverAnswered(error) ? null : { reason: describe(error), hung: timedOut(error) }),
    );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(deadline);
    // end() drops the socket when a query is still out; never awaited, a hung server never answers it.
    client.end().catch(() => undefined);
  }
}

/** pg's own connect timeout (it destroys the socket with "timeout expired"). */
function timedOut(error: unknown): boolean {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /timeout/i.test(message);
}

/** An ErrorResponse from a server that is running, as opposed to one shutting down, starting or unreachable. */
function serverAnswered(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P0)/.test(code);
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
}

/**
 * The pg Client class the pool makes its connections with (pg-pool's `Client` option): each
 * promise-style connect and query goes through the gate. Callback and stream calls pass untouched
 * (TypeORM uses neither for its queries; pg-pool's own connect uses a callback, wrapped here).
 */
export function gatedClientClass(gate: DatabaseGate): typeof Client {
  class GatedClient extends Client {
    private readonly drop = () => {
      this.end().catch(() => undefined);
    };

    // One implementation for pg's overloads (promise and callback): typed loosely on purpose.
    override connect(callback?: (...args: never[]) => void): never {
      const connecting = gate.guard(() => super.connect(), this.drop);
      if (!callback) return connecting as never;
      const done = callback as (error?: Error) => void;
      connecting.then(
        () => done(),
        (error: Error) => done(error),
      );
      return undefined as never;
    }

    override query(...args: unknown[]): never {
      const call = () => (super.query as (...a: unknown[]) => unknown).apply(this, args);
      const first = args[0] as { submit?: unknown } | undefined;
      if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return call() as never;
      return gate.guard(() => call() as Promise<unknown>, this.drop) as never;
    }
  }
  return GatedClient;
}
