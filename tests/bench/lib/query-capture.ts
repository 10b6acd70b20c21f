import { Client } from 'pg';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/**
 * Records the SQL the API sends while `capturing`, grouped as it ran: queries issued while
 * another was still in flight share a group (the API ran them in parallel, and so will the
 * baseline). Auth's own session lookups are left out: they are not the endpoint's query.
 */
export class QueryCapture {
  private groups: CapturedQuery[][] = [];
  private inFlight = 0;
  private capturing = false;
  private readonly original = Client.prototype.query;

  install(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const capture = this;
    const original = this.original;
    Client.prototype.query = function patched(this: Client, ...args: unknown[]) {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
      const text = typeof config === 'string' ? config : config?.text;
      const record =
        capture.capturing && typeof text === 'string' && !/"sessions"|^(START|COMMIT|ROLLBACK)/i.test(text);
      if (!record) return (original as (...a: unknown[]) => unknown).apply(this, args);
      if (capture.inFlight === 0 || capture.groups.length === 0) capture.groups.push([]);
      capture.groups[capture.groups.length - 1].push({
        text,
        values: (Array.isArray(values) ? values : (config as { values?: unknown[] }).values) ?? [],
      });
      capture.inFlight++;
      const done = () => capture.inFlight--;
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = (...cbArgs: unknown[]) => {
          done();
          return (last as (...a: unknown[]) => unknown)(...cbArgs);
        };
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      }
      const result = (original as (...a: unknown[]) => unknown).apply(this, args) as Promise<unknown>;
      void result.then(done, done);
      return result;
    } as typeof Client.prototype.query;
  }

  async around(work: () => Promise<unknown>): Promise<CapturedQuery[][]> {
    this.groups = [];
    this.capturing = true;
    try {
      await work();
    } finally {
      this.capturing = false;
    }
    return this.groups;
  }

  uninstall(): void {
    Client.prototype.query = this.original;
  }
}
