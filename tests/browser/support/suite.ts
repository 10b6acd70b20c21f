import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startConsoleServer, type ConsoleServer } from './console-server';

/**
 * What a suite has started — processes, databases, folders, the browser — each registered the
 * moment it exists, so a set-up that fails half-way still leaves nothing behind.
 */
export class SuiteResources {
  private readonly disposers: { what: string; dispose: () => unknown }[] = [];
  private disposed = false;

  /** Registers what was just created. Once clean-up has begun, what comes late is disposed of at once. */
  add(what: string, dispose: () => unknown): void {
    if (this.disposed) {
      void Promise.resolve()
        .then(dispose)
        .catch(() => undefined);
      return;
    }
    this.disposers.push({ what, dispose });
  }

  /** What is registered and not yet disposed of, oldest first. */
  get registered(): string[] {
    return this.disposers.map(({ what }) => what);
  }

  /** Disposes of everything, newest first (the server before its database); one failure stops none of the rest. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const failures: string[] = [];
    for (const { what, dispose } of this.disposers.splice(0).reverse()) {
      try {
        await dispose();
      } catch (error) {
        failures.push(`the ${what}: ${(error as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`could not clean up ${failures.join('; ')}`);
  }
}

export interface ConsoleSuite {
  resources: SuiteResources;
  /** The built server on a database of its own, and a browser, started side by side. */
  start(label: string): Promise<{ server: ConsoleServer; browser: Browser }>;
}

/**
 * Call at the top of a describe, before its beforeAll: registers the one afterAll that disposes of
 * everything the suite started.
 */
export function consoleSuite(): ConsoleSuite {
  const resources = new SuiteResources();
  afterAll(() => resources.dispose());
  return {
    resources,
    async start(label) {
      // allSettled, not all: when the browser fails, wait for the server to finish starting (and so
      // to register all it made) before the set-up fails and the afterAll runs.
      const [server, browser] = await Promise.allSettled([
        startConsoleServer(label, resources),
        launchBrowser(resources),
      ]);
      if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
        return { server: server.value, browser: browser.value };
      }
      const reasons = [server, browser].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      throw reasons.length === 1
        ? reasons[0]
        : new Error(reasons.map((reason) => (reason as Error).message).join('\n--- and ---\n'));
    },
  };
}
